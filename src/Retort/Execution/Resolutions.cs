using Retort.Revisions;

namespace Retort.Execution;

/// <summary><c>resolve</c>: what a person tells Retort after dealing by hand with a revision a stopped run left half applied.</summary>
internal static class Resolutions
{
    /// <summary>
    /// Settles a revision left half applied (see <c>Commands.UpgradeAsync</c>) after a person has dealt with it by
    /// hand: <paramref name="applied"/> when its step was finished by hand (the version table then moves as the
    /// step would have moved it), otherwise when what ran was undone (the next run runs it from the start).
    /// </summary>
    public static async Task ResolveAsync(RunSession session, RevisionMap map, string revision, bool applied, CancellationToken cancellationToken)
    {
        RequireLog(session);
        var (exists, heads, halted) = await ReadHaltedAsync(session, map, cancellationToken);
        var id = map.Resolve(revision) is [var one] ? one.Id : throw new RetortException($"'{revision}' must name one revision");
        if (halted is null || halted.Point.Revision != id)
            throw new RetortException(halted is null
                ? $"Nothing to resolve: the log shows no revision left half applied"
                : $"Nothing to resolve for {id}: the revision left half applied is {halted.Point.Revision}");
        var step = new RevisionStep(map, map[id], halted.Point.Upgrade);
        var sink = session.Database;
        await sink.BeginAsync(cancellationToken);
        try
        {
            if (!exists)
                await sink.ExecuteAsync(session.Table.Create(), cancellationToken);
            if (applied)
                foreach (var (statement, _) in new VersionHeads(session.Table, heads).Move(step))
                    await sink.ExecuteAsync(statement, cancellationToken);
            await new StepJournal(new JournalOptions(session.Log!, sink, CountsStatements: false)).RecordAsync(step, applied ? "resolved" : "rolled-back", cancellationToken);
            await sink.CommitAsync(cancellationToken);
        }
        finally
        {
            await sink.RollbackAsync();
        }
        session.Progress.WriteLine(applied
            ? $"Marked the {step.Comment()[8..]} as applied by hand"
            : $"Marked the {(step.IsUpgrade ? "upgrade" : "downgrade")} of {id} as undone by hand; the next run runs it from the start");
    }

    /// <summary>
    /// Settles the statement of <paramref name="revision"/> that was in flight when its run stopped, after a person has
    /// looked at the database: <paramref name="ran"/> when it took effect (the resume goes on after it), otherwise when it
    /// did not (the resume runs it). For statements whose effect Retort cannot read from their text.
    /// </summary>
    public static async Task ResolveStatementAsync(RunSession session, RevisionMap map, string revision, bool ran, CancellationToken cancellationToken)
    {
        RequireLog(session);
        var (_, _, halted) = await ReadHaltedAsync(session, map, cancellationToken);
        var id = map.Resolve(revision) is [var one] ? one.Id : throw new RetortException($"'{revision}' must name one revision");
        if (halted is not { Point: { InFlight: not null, Row: { } row } point } || point.Revision != id)
            throw new RetortException(halted is null || halted.Point.Revision != id
                ? $"Nothing to settle for {id}: the log shows no statement of it in flight when a run stopped"
                : $"Nothing to settle for {id}: no statement of it was in flight when its run stopped; use --applied or --rolled-back");
        var fate = ran ? StatementFate.Ran : StatementFate.NotRun;
        await session.Database.ExecuteAsync(session.Log!.Supersede(row.RunId, row.Step, ResumePoint.StatusOf(fate), null), cancellationToken);
        session.Progress.WriteLine($"Marked statement {point.StatementsDone + 1} of {id} as {(ran ? "having taken effect" : "not having taken effect")}; " +
            $"run '{ResumePoint.Command(id, point.Upgrade)}' to go on from statement {point.StatementsDone + (ran ? 2 : 1)}");
    }

    private static void RequireLog(RunSession session)
    {
        if (session.Log is null)
            throw new RetortException("resolve needs the log of applied steps, which is off (\"log\": false)");
    }

    /// <summary>Under the lock: whether the version table exists, its heads, and the revision left half applied, if any.</summary>
    private static async Task<(bool Exists, IReadOnlyList<string> Heads, HalfApplied? Halted)> ReadHaltedAsync(RunSession session, RevisionMap map,
        CancellationToken cancellationToken)
    {
        await session.LockAsync(cancellationToken);
        var sink = await session.ConnectAsync(cancellationToken);
        var exists = await session.VersionTableExistsAsync(cancellationToken);
        var heads = exists ? await session.ReadHeadsAsync(map, cancellationToken) : [];
        var halted = await session.LogExistsAsync(cancellationToken)
            ? await HalfApplied.FindAsync(sink, session.Log!, map, heads, session.Dialect, cancellationToken)
            : null;
        return (exists, heads, halted);
    }
}
