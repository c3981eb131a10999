using System.CommandLine;
using System.CommandLine.Parsing;
using Retort.Configuration;
#if !RETORT_NATIVE
using Retort.EntityFrameworkCore;
#endif

namespace Retort.Cli;

/// <summary>
/// <c>--all</c>, <c>--where</c>, <c>--parallel</c>, <c>--fail-fast</c>: one command over the fleet retort.json names, and
/// the run of it (progress on stderr, the summary, the exit code).
/// </summary>
internal sealed class FleetOptions
{
    private readonly Option<bool> _all = new("--all")
    {
        Description = "Run on every database of retort.json's fleet: each section, and each database a section's \"targets\" lists (see --where)",
    };

    private readonly Option<string[]> _where = new("--where")
    {
        Description = "Only the targets of sections with tag=NAME or section=NAME, or the target name=TARGET (repeatable; all must hold); implies --all",
        HelpName = "KEY=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<int> _parallel = new("--parallel") { Description = "With --all: how many targets run at once", DefaultValueFactory = _ => 4, HelpName = "N" };

    private readonly Option<bool> _failFast = new("--fail-fast") { Description = "With --all: start no more targets once one fails (the rest are reported skipped)" };

    public FleetOptions(Command command)
    {
        command.Add(_all);
        command.Add(_where);
        command.Add(_parallel);
        command.Add(_failFast);
        command.Validators.Add(r =>
        {
            if (!Wanted(r) && (r.GetResult(_parallel) is { Implicit: false } || r.GetValue(_failFast)))
                r.AddError("--parallel and --fail-fast are for --all");
            if (r.GetResult(_parallel) is { Implicit: false } && r.GetValue(_parallel) < 1)
                r.AddError($"--parallel takes 1 or more, not {r.GetValue(_parallel)}");
        });
    }

    public bool Wanted(ParseResult result) => result.GetValue(_all) || result.GetValue(_where) is { Length: > 0 };

    public bool Wanted(CommandResult result) => result.GetValue(_all) || result.GetValue(_where) is { Length: > 0 };

    /// <summary>A config of one database, refused when its section stands for a set (which only <c>--all</c> runs).</summary>
    public static RetortConfig Single(RetortConfig config, ParseResult result, GlobalOptions global) =>
        config.Targets.IsSet
            ? throw new RetortException($"{(result.GetValue(global.Name) is { } name ? $"Section '{name}'" : "The config")} stands for a set of databases (targets.{(config.Targets.Query is null ? "file" : "query")}); run it with --all{(result.GetValue(global.Name) is { } n ? $" --where section={n}" : "")}")
            : config;

#if RETORT_NATIVE
    /// <summary>A fleet's run is the managed CLI's (Engine): the native front hands it on.</summary>
    public Task<FleetReport> RunAsync(ParseResult result, GlobalOptions global, Output output, bool json, bool scripts,
        Func<Fleet, CancellationToken, Task<FleetReport>> run, CancellationToken cancellationToken) => throw new Engine.HandOffException();
#else
    /// <summary>
    /// Runs <paramref name="run"/> on the fleet and prints the summary (or <paramref name="json"/>'s document) on stdout,
    /// with <paramref name="scripts"/> each target's script instead and the summary on stderr.
    /// </summary>
    public async Task<FleetReport> RunAsync(ParseResult result, GlobalOptions global, Output output, bool json, bool scripts,
        Func<Fleet, CancellationToken, Task<FleetReport>> run, CancellationToken cancellationToken)
    {
        var targets = await Fleet.TargetsAsync(global.LoadSections(result), result.GetValue(_where) ?? [], global.Providers.Create, cancellationToken);
        var live = LiveProgress.Wanted(offline: false, Console.IsErrorRedirected, Environment.GetEnvironmentVariable);
        Action<string> above = output.Error.WriteLine;
        // In a bundle, its compiled revisions; else as CliCommands', loaded once for every target.
        var bundled = global.Bundle?.Revisions(targets[0].Config);
        var fleet = new Fleet(targets, bundled?.Scripts, global.Providers.Create,
            bundled?.Load ?? (async (revisions, ct) => (await Scripting.CompiledMigrationSource.LoadAsync(revisions, ct)).WithEfCoreModel(targets[0].Config)))
        {
            Parallel = result.GetValue(_parallel),
            FailFast = result.GetValue(_failFast),
            // Off a terminal a line per target, greppable; on one only the failures, above the counts.
            Finished = (done, counts) =>
            {
                if (!live || done.Error is not null)
                    above(CommandText.FleetLine(done, counts));
            },
        };
        var report = live
            ? await LiveProgress.RunCountsAsync(LiveProgress.Console(output.Error, Environment.GetEnvironmentVariable), () => fleet.Counts,
                line => above = line, () => run(fleet, cancellationToken))
            : await run(fleet, cancellationToken);
        if (json)
            output.Line(CommandJson.Fleet(report));
        else if (scripts)
        {
            foreach (var done in report.Results.Where(r => !r.Failed))
            {
                output.Line($"-- target: {done.Target}");
                output.Lines(done.Output);
            }
            foreach (var line in CommandText.Fleet(report))
                output.Info(line);
        }
        else
            output.Lines(CommandText.Fleet(report));
        return report;
    }
#endif
}
