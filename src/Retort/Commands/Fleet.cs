using System.Diagnostics;
using Retort.Configuration;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

/// <summary>
/// One command over many databases of one project (<c>--all</c>): each target run by its own <see cref="Commands"/>,
/// a few at a time, each under its own migration lock, one target's failure kept from the others. The revisions are
/// read and compiled once for all targets.
/// </summary>
/// <example>
/// <code>
/// var targets = await Fleet.TargetsAsync(ConfigFile.LoadSections(), ["tag=eu"], connect);
/// var report = await new Fleet(targets, connect, loadMigrations) { Parallel = 4 }.UpgradeAsync("head");
/// </code>
/// </example>
public sealed partial class Fleet
{
    private readonly ScriptDirectory _scripts;
    private readonly ConnectionFactory? _connect;
    private readonly Lazy<Task<MigrationSource>> _code;
    private readonly Lock _gate = new();
    private int _done, _failed, _running;

    /// <summary>
    /// The fleet of <paramref name="targets"/>, one project's databases (they share <c>scriptLocation</c> and
    /// <c>versionLocations</c>). <paramref name="connect"/> and <paramref name="loadMigrations"/> as for <see cref="Commands"/>;
    /// the revisions' code is loaded once, at the first target that needs it.
    /// </summary>
    public Fleet(IReadOnlyList<FleetTarget> targets, ConnectionFactory? connect = null, MigrationLoader? loadMigrations = null)
        : this(targets, null, connect, loadMigrations)
    {
    }

    /// <summary>The fleet on revisions read already (a bundle's), or when <paramref name="scripts"/> is null on those of the first target's settings.</summary>
    internal Fleet(IReadOnlyList<FleetTarget> targets, ScriptDirectory? scripts, ConnectionFactory? connect, MigrationLoader? loadMigrations)
    {
        if (targets.Count == 0)
            throw new RetortException("The fleet has no targets");
        var first = targets[0];
        if (targets.FirstOrDefault(t => t.Config.ScriptLocation != first.Config.ScriptLocation
                || !t.Config.VersionLocations.SequenceEqual(first.Config.VersionLocations)) is { } other)
            throw new RetortException($"A fleet runs one project's revisions, but sections '{first.Section}' and '{other.Section}' set different scriptLocation or versionLocations");
        Targets = targets;
        _connect = connect;
        _scripts = scripts ?? ScriptDirectory.Load(first.Config);
        _code = new(() => loadMigrations is null
            ? throw new RetortException("This fleet was created without a way to load the revisions' code (loadMigrations)")
            : loadMigrations(_scripts, CancellationToken.None));
    }

    /// <summary>The databases, in the order they are reported.</summary>
    public IReadOnlyList<FleetTarget> Targets { get; }

    /// <summary>How many targets run at once; 4 unless set.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>Start no more targets after one fails (those running finish); the rest are reported <c>skipped</c>.</summary>
    public bool FailFast { get; init; }

    /// <summary>
    /// Hears of each target as it finishes, with the counts then, one call at a time (never two at once), so that lines
    /// written from it do not interleave.
    /// </summary>
    public Action<FleetResult, FleetCounts>? Finished { get; init; }

    /// <summary>The counts so far, for a live display that reads them on its own clock.</summary>
    public FleetCounts Counts
    {
        get
        {
            lock (_gate)
                return new FleetCounts(Targets.Count, _done, _failed, _running);
        }
    }

    /// <summary>Upgrades every target to <paramref name="target"/> (<c>head</c>, …); <paramref name="tag"/> as for <see cref="Commands.UpgradeAsync"/>.</summary>
    public Task<FleetReport> UpgradeAsync(string target, string? tag = null, MigrationPhase? phase = null, CancellationToken cancellationToken = default) =>
        MoveAsync("upgrade", "upgraded", needsCode: true, (commands, token) => commands.UpgradeAsync(target, tag: tag, phase: phase, cancellationToken: token),
            cancellationToken);

    /// <summary>Downgrades every target to <paramref name="target"/>.</summary>
    public Task<FleetReport> DowngradeAsync(string target, string? tag = null, CancellationToken cancellationToken = default) =>
        MoveAsync("downgrade", "downgraded", needsCode: true, (commands, token) => commands.DowngradeAsync(target, tag: tag, cancellationToken: token),
            cancellationToken);

    /// <summary>
    /// Sets every target's version table to <paramref name="revisions"/> without running migrations, as
    /// <see cref="Commands.StampAsync"/> does (<paramref name="purge"/> empties each table first); a target is
    /// <c>stamped</c>, or <c>unchanged</c> when it was at those revisions.
    /// </summary>
    public Task<FleetReport> StampAsync(IReadOnlyList<string> revisions, bool purge = false, CancellationToken cancellationToken = default) =>
        MoveAsync("stamp", "stamped", needsCode: false, (commands, token) => commands.StampAsync(revisions, purge, cancellationToken: token),
            cancellationToken);

    /// <summary>
    /// The SQL of moving every target to <paramref name="target"/> (<c>FROM:TO</c>, as <c>--sql</c> takes it), without
    /// connecting: each target's script in its result's <see cref="FleetResult.Output"/>, in its own settings (schema,
    /// version table).
    /// </summary>
    public Task<FleetReport> ScriptAsync(string target, bool upgrade = true, string? tag = null, CancellationToken cancellationToken = default) =>
        RunAsync(upgrade ? "upgrade --sql" : "downgrade --sql", needsCode: true, async (commands, _, token) =>
        {
            using var script = new StringWriter { NewLine = "\n" };
            var to = upgrade
                ? await commands.UpgradeAsync(target, script, tag: tag, cancellationToken: token)
                : await commands.DowngradeAsync(target, script, tag: tag, cancellationToken: token);
            return new Outcome([], to, "written", script.ToString().TrimEnd('\n').Split('\n'));
        }, cancellationToken);

    /// <summary>The revisions each target is at: <c>head</c> when at the graph's heads, else <c>behind</c>.</summary>
    public Task<FleetReport> CurrentAsync(CancellationToken cancellationToken = default) =>
        RunAsync("current", needsCode: false, async (commands, _, token) =>
        {
            var at = (await commands.CurrentAsync(token)).Select(r => r.Id).ToList();
            var heads = _scripts.Map.RealHeads.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            return new Outcome(at, at, at.Order(StringComparer.Ordinal).SequenceEqual(heads) ? "head" : "behind", []);
        }, cancellationToken);

    /// <summary>Compares the model with each target: <c>clean</c>, or <c>changed</c> with the operations in its output.</summary>
    public Task<FleetReport> CheckAsync(CancellationToken cancellationToken = default) =>
        RunAsync("check", needsCode: true, async (commands, _, token) =>
        {
            var diff = await commands.CompareAsync(token);
            var at = (await HeadsAsync(commands, token)).ToList();
            return new Outcome(at, at, diff.Upgrade.Count == 0 ? "clean" : "changed", [.. diff.Upgrade.Select(OperationSummary.Describe)]);
        }, cancellationToken);

    // A command that moves each target's version table: where it was before (kept for the report should the move fail),
    // where it is after, and MOVED or unchanged.
    private Task<FleetReport> MoveAsync(string command, string moved, bool needsCode,
        Func<Commands, CancellationToken, Task<IReadOnlyList<string>>> move, CancellationToken cancellationToken) =>
        RunAsync(command, needsCode, async (commands, before, token) =>
        {
            var from = before.From = await HeadsAsync(commands, token);
            var to = await move(commands, token);
            return new Outcome(from, to, Moved(from, to, moved), []);
        }, cancellationToken);

    // Where a target was before its run, kept for the report when the run fails.
    private sealed class Before
    {
        public IReadOnlyList<string> From { get; set; } = [];
    }

    private sealed record Outcome(IReadOnlyList<string> From, IReadOnlyList<string> To, string Status, IReadOnlyList<string> Output);

    private static async Task<IReadOnlyList<string>> HeadsAsync(Commands commands, CancellationToken token) =>
        [.. (await commands.VersionHeadsAsync(missingIsEmpty: true, token)).Select(r => r.Id)];

    private static string Moved(IReadOnlyList<string> from, IReadOnlyList<string> to, string moved) =>
        from.Order(StringComparer.Ordinal).SequenceEqual(to.Order(StringComparer.Ordinal)) ? FleetStatus.Unchanged : moved;

    private async Task<FleetReport> RunAsync(string command, bool needsCode, Func<Commands, Before, CancellationToken, Task<Outcome>> work,
        CancellationToken cancellationToken)
    {
        if (Parallel < 1)
            throw new RetortException($"The fleet's parallelism must be 1 or more, not {Parallel}");
        // Compiled before any target starts: a revision that does not compile is one error, not one per target.
        if (needsCode)
            await _code.Value.WaitAsync(cancellationToken);
        lock (_gate)
            (_done, _failed, _running) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        var results = new FleetResult[Targets.Count];
        var stop = false;
        MigrationLoader shared = (_, _) => _code.Value;
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, Targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
            {
                var target = Targets[i];
                FleetResult result;
                var started = false;
                if (Volatile.Read(ref stop) || cancellationToken.IsCancellationRequested)
                    result = new FleetResult(target.Name, [], [], TimeSpan.Zero,
                        cancellationToken.IsCancellationRequested ? FleetStatus.Cancelled : FleetStatus.Skipped, null, [], "");
                else
                {
                    started = true;
                    lock (_gate)
                        _running++;
                    result = await RunOneAsync(target, shared, work, cancellationToken);
                    if (result.Failed && FailFast)
                        Volatile.Write(ref stop, true);
                }
                results[i] = result;
                lock (_gate)
                {
                    if (started)
                        _running--;
                    _done++;
                    if (result.Failed)
                        _failed++;
                    Finished?.Invoke(result, new FleetCounts(Targets.Count, _done, _failed, _running));
                }
            });
        return new FleetReport(command, results, clock.Elapsed);
    }

    private async Task<FleetResult> RunOneAsync(FleetTarget target, MigrationLoader shared, Func<Commands, Before, CancellationToken, Task<Outcome>> work,
        CancellationToken cancellationToken)
    {
        using var log = new StringWriter { NewLine = "\n" };
        var commands = new Commands(_scripts.For(target.Config), _connect, shared, log);
        var clock = Stopwatch.StartNew();
        var before = new Before();
        try
        {
            var outcome = await work(commands, before, cancellationToken);
            return new FleetResult(target.Name, outcome.From, outcome.To, clock.Elapsed, outcome.Status, null, outcome.Output, log.ToString());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new FleetResult(target.Name, before.From, [], clock.Elapsed, FleetStatus.Cancelled, "cancelled", [], log.ToString());
        }
        catch (Exception e)
        {
            // Whatever one target meets stays with that target; the others run on.
            var message = StatementFailedException.OneLine(e.Message);
            var error = e is RetortException or System.Data.Common.DbException or IOException ? message : $"{e.GetType().Name}: {message}";
            return new FleetResult(target.Name, before.From, [], clock.Elapsed, FleetStatus.Failed, error, [], log.ToString());
        }
    }
}
