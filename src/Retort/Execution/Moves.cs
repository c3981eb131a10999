using System.Text.RegularExpressions;
using Retort.Dialects;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>
/// An upgrade or downgrade: online, under the lock, from what the version table holds (refusing, or resuming, a
/// revision left half applied); offline, from the start a range names.
/// </summary>
internal static class Moves
{
    /// <summary>
    /// Upgrades or downgrades to <paramref name="target"/>; an upgrade in a deploy <paramref name="phase"/> runs what
    /// <see cref="RevisionMap.PlanUpgrade"/> plans for it. See <c>Commands.UpgradeAsync</c>. <paramref name="vet"/> sees the
    /// revisions an upgrade is about to apply before anything runs, and refuses by throwing.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAsync(RunSession session, RevisionMap map, string target, bool upgrade, TextWriter? sql,
        bool resume, string? tag, MigrationPhase? phase, CancellationToken cancellationToken, Func<IReadOnlyList<Revision>, CancellationToken, Task>? vet = null)
    {
        if (sql is not null)
        {
            if (resume)
                throw new RetortException("--resume cannot be used with --sql: only a connected run can see how far a half-applied revision got");
            var (from, to) = SplitRange(target, upgrade);
            var start = session.ScriptStart(map, from);
            var planned = Steps(session, map, start, to, upgrade, phase);
            await VetAsync(vet, planned, cancellationToken);
            session.WriteTo(sql);
            return await session.Runner(map, tag: tag).RunAsync(planned, start,
                session.ScriptSetup(createVersionTable: upgrade && start.Count == 0), cancellationToken);
        }
        if (target.Contains(':'))
            throw new RetortException($"A range ('{target}') is only for --sql; online, the start is what the version table holds");
        // The version table is read under the lock, so a run that waited sees what the other run did.
        await session.LockAsync(cancellationToken);
        var sink = await session.ConnectAsync(cancellationToken);
        var exists = await session.VersionTableExistsAsync(cancellationToken);
        var heads = exists ? await session.ReadHeadsAsync(map, cancellationToken) : [];
        var log = session.Log;
        var logExists = await session.LogExistsAsync(cancellationToken);
        var halted = logExists ? await HalfApplied.FindAsync(sink, log!, map, heads, session.Dialect, cancellationToken) : null;
        if (halted is not null && !resume)
            throw new RetortException(halted.Message);
        if (halted is null && resume)
            throw new RetortException($"Nothing to resume: the log{(log is null ? " is off (\"log\": false), so it" : "")} shows no revision left half applied");
        if (halted is not null && halted.Point.Upgrade != upgrade)
            throw new RetortException($"Cannot resume: what was left half applied is the {(upgrade ? "downgrade" : "upgrade")} of {halted.Point.Revision}; resume it with '{ResumePoint.Command(halted.Point.Revision, halted.Point.Upgrade)}'");
        if (!upgrade && heads.Count > 1 && Regex.IsMatch(target, @"^-\d+$"))
            session.Progress.WriteLine($"warning: downgrade {target} from several current revisions is ambiguous; as Alembic does, it goes down from the first row of the version table, {heads[0]} (name the line with 'LABEL@{target}' or 'REV{target}')");
        var steps = Steps(session, map, heads, target, upgrade, phase);
        if (halted is not null && phase == MigrationPhase.PreDeploy && !steps.Any(s => s is RevisionStep r && r.Revision.Id == halted.Point.Revision))
            throw new RetortException($"Cannot resume the upgrade of {halted.Point.Revision} with --phase pre, which holds it back; resume it with --phase post");
        if (steps.Count == 0 && halted is not null)
            throw new RetortException($"Cannot resume the {(upgrade ? "upgrade" : "downgrade")} of {halted.Point.Revision}: '{target}' is where the database already is");
        if (steps.Count == 0)
            return heads;
        await VetAsync(vet, steps, cancellationToken);
        List<SqlStatement> setup = [.. exists ? [] : new[] { session.Table.Create() }, .. log is null || logExists ? [] : log.Create()];
        if (logExists && halted is null)
            await HalfApplied.CloseStoppedRowAsync(sink, log!, session.Dialect, cancellationToken);
        return await session.Runner(map, halted?.Point, tag).RunAsync(steps, heads, setup, cancellationToken);
    }

    /// <summary>
    /// The heads, when the version table already stands where an upgrade to <paramref name="target"/> would take it: one
    /// query, without the lock, for an application starting against a database at head. Null when the upgrade must go the
    /// whole way (the table missing or unreadable, a row no revision defines, steps to run), and always where DDL is not
    /// transactional, since there a revision left half applied shows only in the log, which the whole way reads.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> AlreadyThereAsync(RunSession session, RevisionMap map, string target, MigrationPhase? phase,
        CancellationToken cancellationToken)
    {
        if (!session.Dialect.TransactionalDdl || await QuickHeadsAsync(session, map, cancellationToken) is not { } heads)
            return null;
        // At the heads, where an application at its release finds the database, no plan is needed to say so (planning is
        // most of the first call's cost, compiling code that runs once).
        var atHeads = heads.Count == map.Heads.Count && map.Heads.All(h => heads.Contains(h.Id));
        if (atHeads && (target == "heads" || (target == "head" && map.Heads.Count == 1)))
            return heads;
        return map.PlanUpgrade(heads, target, phase).Steps.Count == 0 ? heads : null;
    }

    /// <summary>
    /// The version table's heads from one query on a new connection of <paramref name="session"/> (a missing SQLite file is
    /// not created); null when the query fails or a row is unknown, for the caller to ask the way that explains why.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> QuickHeadsAsync(RunSession session, RevisionMap map, CancellationToken cancellationToken)
    {
        var sink = await session.ConnectAsync(cancellationToken, MissingFile.ReadAsEmpty);
        List<string> rows;
        try
        {
            rows = await sink.QueryStringsAsync(session.Table.Select(), cancellationToken);
        }
        catch (Exception e) when (e is StatementFailedException or RetortException)
        {
            return null;
        }
        var (heads, unknown) = session.StandFor(map, rows);
        return unknown.Count == 0 ? heads : null;
    }

    private static Task VetAsync(Func<IReadOnlyList<Revision>, CancellationToken, Task>? vet, IReadOnlyList<MigrationStep> steps,
        CancellationToken cancellationToken) =>
        vet is null ? Task.CompletedTask
            : vet(steps.OfType<RevisionStep>().Where(s => s.IsUpgrade).Select(s => s.Revision).ToList(), cancellationToken);

    // Online and offline runs plan here alike, so a phase holds back the same revisions in a script as in a run.
    private static List<MigrationStep> Steps(RunSession session, RevisionMap map, IReadOnlyList<string> heads, string target, bool upgrade,
        MigrationPhase? phase)
    {
        var plan = upgrade ? map.PlanUpgrade(heads, target, phase) : new UpgradePlan(map.DowngradeSteps(heads, target), []);
        if (plan.HeldBack.Count > 0)
            session.Progress.WriteLine($"Held back for --phase post: {string.Join(", ", plan.HeldBack.Select(r => $"{r.Id} ({r.Header.Message})"))}");
        return [.. plan.Steps.Select(r => (MigrationStep)new RevisionStep(map, r, upgrade))];
    }

    private static (string? From, string To) SplitRange(string target, bool upgrade)
    {
        var colon = target.IndexOf(':');
        if (colon < 0)
            return upgrade ? (null, target) : throw new RetortException($"downgrade with --sql needs FROM:TO, e.g. 'head:base' (not '{target}'), since nothing is connected to tell where the database is");
        return (target[..colon], target[(colon + 1)..]);
    }
}
