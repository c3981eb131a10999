namespace Retort.Revisions;

/// <summary>
/// The one-line messages of the revision graph, in one place so that their wording stays consistent
/// and each names what is wrong and where.
/// </summary>
internal static class RevisionErrors
{
    private const int ListLimit = 10;

    // Building the graph.

    public static RetortException EmptyId(RevisionHeader header) =>
        new(header.Path is null ? "A revision has an empty id" : $"The revision in {header.Path} has an empty id");

    public static RetortException IllegalIdCharacters(RevisionHeader header, IEnumerable<char> characters) =>
        new($"Revision id '{header.Id}'{At(header)} contains {string.Join(", ", characters.Select(c => $"'{c}'"))}; " +
            "revision ids cannot contain @ - + :");

    public static RetortException ReservedId(RevisionHeader header) =>
        new($"Revision id '{header.Id}'{At(header)} is reserved: 'head', 'heads', 'base' and 'current' are symbols");

    public static RetortException DuplicateId(RevisionHeader first, RevisionHeader second) =>
        new(first.Path is null && second.Path is null
            ? $"Revision id '{first.Id}' is declared twice"
            : $"Revision id '{first.Id}' is declared twice: {first.Path ?? "(no file)"} and {second.Path ?? "(no file)"}");

    public static RetortException MissingParent(RevisionHeader header, string parent) =>
        new($"Revision '{header.Id}'{At(header)} revises '{parent}', which does not exist");

    public static RetortException RepeatedParent(RevisionHeader header, string parent) =>
        new($"Revision '{header.Id}'{At(header)} revises '{parent}' twice");

    public static RetortException MissingDependency(RevisionHeader header, string dependency) =>
        new($"Revision '{header.Id}'{At(header)} depends on '{dependency}', which does not exist");

    public static RetortException AmbiguousDependency(RevisionHeader header, string dependency, IEnumerable<string> matches) =>
        new($"Revision '{header.Id}'{At(header)} depends on '{dependency}', which is ambiguous: it matches {List(matches)}");

    public static RetortException EmptyLabel(RevisionHeader header) =>
        new($"Revision '{header.Id}'{At(header)} declares an empty branch label");

    public static RetortException IllegalLabel(RevisionHeader header, string label, char character) =>
        new($"Branch label '{label}' of revision '{header.Id}'{At(header)} contains '{character}'; branch labels cannot contain @ :");

    public static RetortException ReservedLabel(RevisionHeader header, string label) =>
        new($"Branch label '{label}' of revision '{header.Id}'{At(header)} is reserved: " +
            "'head', 'heads', 'base' and 'current' are symbols");

    public static RetortException LabelIsId(RevisionHeader header, string label) =>
        new($"Branch label '{label}' of revision '{header.Id}'{At(header)} is already a revision id");

    public static RetortException DuplicateLabel(string label, RevisionHeader first, RevisionHeader second) =>
        new($"Branch label '{label}' is declared by both '{first.Id}'{At(first)} and '{second.Id}'{At(second)}");

    public static RetortException Cycle(string path) => new($"Cycle in the revision graph: {path}");

    // Resolving symbols.

    public static RetortException UnknownId(string id) => new($"No revision with id '{id}'");

    public static RetortException UnknownSymbol(string symbol) =>
        new($"No revision, branch label or symbol named '{symbol}'");

    public static RetortException UnknownBranch(string label, string symbol) =>
        new($"No branch label or revision named '{label}' in '{symbol}'");

    public static RetortException AmbiguousPrefix(string prefix, IEnumerable<string> matches) =>
        new($"Revision prefix '{prefix}' is ambiguous; it matches {List(matches)}");

    public static RetortException PrefixNotOnBranch(string prefix, string label, IEnumerable<string> matches) =>
        new($"Revision prefix '{prefix}' matches no revision on branch '{label}'; it matches {List(matches)}");

    public static RetortException NotOnBranch(string id, string label) =>
        new($"Revision '{id}' is not a member of branch '{label}'");

    public static RetortException MultipleHeads(IEnumerable<string> heads) =>
        new($"Multiple heads are present ({List(heads)}); use 'LABEL@head' for one branch, 'heads' for all, or name a revision");

    public static RetortException MultipleBranchHeads(string label, IEnumerable<string> heads) =>
        new($"Branch '{label}' has several heads ({List(heads)}); use '{label}@heads' for all of them, or name a revision");

    public static RetortException SeveralRevisions(string symbol, IEnumerable<string> ids) =>
        new($"'{symbol}' names several revisions ({List(ids)}); name one of them");

    public static RetortException RepeatedRevision(string id) => new($"Revision '{id}' is named more than once");

    public static RetortException CurrentNeeded(string symbol) =>
        new($"'{symbol}' needs the database's current revisions");

    // Relative steps.

    public static RetortException PastBase(string symbol, string from) =>
        new($"Relative revision '{symbol}' goes past base from {from}");

    public static RetortException PastHead(string symbol, string from) =>
        new($"Relative revision '{symbol}' goes past the head from {from}");

    public static RetortException NothingApplied(string symbol) =>
        new($"Relative revision '{symbol}' goes past base: nothing is applied");

    public static RetortException MergePointStep(string symbol, string mergePoint, IEnumerable<string> parents) =>
        new($"'{symbol}' is ambiguous: '{mergePoint}' is a merge point of {List(parents)}; name one of them instead");

    public static RetortException BranchPointStep(string symbol, string branchPoint, IEnumerable<string> children) =>
        new($"'{symbol}' is ambiguous: '{branchPoint}' branches into {List(children)}; name one of them or use a branch label");

    public static RetortException SeveralBasesStep(string symbol, IEnumerable<string> bases) =>
        new($"'{symbol}' is ambiguous: there are several bases ({List(bases)}); name one of them or use a branch label");

    public static RetortException SeveralCurrent(string symbol, string step, IEnumerable<string> current) =>
        new($"'{symbol}' is ambiguous with several current revisions ({List(current)}); use 'LABEL@{step}' or 'REV{step}'");

    public static RetortException SeveralCurrentOnBranch(string symbol, string label, IEnumerable<string> current) =>
        new($"'{symbol}' is ambiguous: current revisions {List(current)} are all on branch '{label}'; name a revision");

    public static RetortException NothingOnBranch(string symbol, string label) =>
        new($"'{symbol}' has no starting point: nothing on branch '{label}' is applied");

    // Upgrade, downgrade and history.

    public static RetortException UpgradeDownward(string symbol) =>
        new($"Cannot upgrade to '{symbol}': it counts down from the current revision; use downgrade");

    public static RetortException DowngradeUpward(string symbol) =>
        new($"Cannot downgrade to '{symbol}': it counts up from the current revision; use upgrade");

    public static RetortException NotDowngradeTarget(string target, IReadOnlyCollection<string> current) =>
        new(current.Count == 0
            ? $"'{target}' is not a downgrade target: nothing is applied"
            : $"'{target}' is not a downgrade target from current heads {List(current)}");

    public static RetortException Overlap(string kind, string ancestor, string descendant) =>
        new($"{kind} revisions overlap: '{ancestor}' is an ancestor of '{descendant}'");

    public static RetortException NotARange(string range, string lower, IEnumerable<string> upper) =>
        new($"History range '{range}' is not a line of history: '{lower}' is not an ancestor of {List(upper)}");

    private static string At(RevisionHeader header) => header.Path is null ? "" : $" ({header.Path})";

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= ListLimit
            ? string.Join(", ", all)
            : string.Join(", ", all.Take(ListLimit)) + $" and {all.Count - ListLimit} more";
    }
}
