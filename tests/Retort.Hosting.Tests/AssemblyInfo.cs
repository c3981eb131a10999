// The Retort ActivitySource and Meter are process-wide: tests that count spans and measurements must not see another
// test's runs, and the five-copies test wants the machine's cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
