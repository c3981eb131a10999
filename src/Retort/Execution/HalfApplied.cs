using System.Globalization;
using Retort.Dialects;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>A revision left half applied, and the message that tells a person what to do about it.</summary>
/// <param name="Point">Where its step stopped, for a resume.</param>
/// <param name="Message">What happened and the commands that deal with it.</param>
internal sealed record HalfApplied(ResumePoint Point, string Message)
{

    /// <summary>
    /// The revision whose step stopped after some of its statements committed (or with one in flight, whose effect is
    /// in doubt), when the newest row of the log is such a step and the version table does not show it finished.
    /// Anything written to the log after it (a finished run, a stamp, a <c>resolve</c>) means a person has dealt with it.
    /// </summary>
    public static async Task<HalfApplied?> FindAsync(DatabaseSink sink, VersionLog log, RevisionMap map, IReadOnlyList<string> heads,
        Dialect dialect, CancellationToken cancellationToken)
    {
        // Where DDL is transactional a step's row commits with its work, and no statement is counted: nothing is
        // ever half applied.
        if (dialect.TransactionalDdl)
            return null;
        var last = (await sink.QueryAsync(log.SelectLast(), VersionLog.ReadAsync, cancellationToken)).LastOrDefault();
        if (last is not { Direction: "upgrade" or "downgrade", StatementsDone: { } done })
            return null;
        var fate = ResumePoint.FateOf(last.Status);
        if (fate is null && !(last.Status is "running" or "failed" && done > 0))
            return null;
        var upgrade = last.Direction == "upgrade";
        var applied = map.Find(last.Revision) is not null
            && map.Ancestors(heads.Where(h => map.Find(h) is not null)).Any(r => r.Id == last.Revision);
        if (applied == upgrade)
            return null;
        var ran = done switch { 0 => "none of its statements had committed", 1 => "its first statement ran and stayed applied", _ => $"its first {done} statements ran and stayed applied" };
        var inFlight = fate switch
        {
            StatementFate.Unknown => $"; statement {done + 1} was in flight, and whether it took effect is settled by looking at the database when the {last.Direction} resumes",
            StatementFate.Ran => $"; statement {done + 1} was in flight and took effect (settled by hand)",
            StatementFate.NotRun => $"; statement {done + 1} was in flight and did not take effect (settled by hand)",
            _ => "",
        };
        // Under the lock, no run that still holds it can be the one that wrote the row; it may yet live (paused), but
        // it stops before its next statement.
        var why = last.Status == "failed" ? $"then it failed: {FirstLine(last.Error)}"
            : "then its run stopped (killed, disconnected, or it lost the migration lock)";
        var next = fate == StatementFate.Ran ? done + 2 : done + 1;
        var message = $"The {last.Direction} of {last.Revision} was left half applied by {last.AppliedBy} at " +
            $"{last.AppliedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC: {ran} ({dialect.Name} commits DDL as it runs){inFlight}, {why}. " +
            $"{(last.Status == "failed" && fate is null ? "Fix the cause and run" : "Run")} '{ResumePoint.Command(last.Revision, upgrade)}' to go on from " +
            $"statement {next}; or undo {(done == 0 && fate is not null ? "its effect" : "those statements")} by hand and run 'retort resolve {last.Revision} --rolled-back', " +
            $"or finish the {last.Direction} by hand and run 'retort resolve {last.Revision} --applied'";
        return new HalfApplied(new ResumePoint(last.Revision, upgrade, done, last.StatementsHash, fate, last), message);
    }

    /// <summary>
    /// Closes the newest row when its step stopped before any statement took effect (killed in its first data change,
    /// or before its first statement): nothing of it is applied, and the row must not read as running forever.
    /// </summary>
    public static async Task CloseStoppedRowAsync(DatabaseSink sink, VersionLog log, Dialect dialect, CancellationToken cancellationToken)
    {
        if (dialect.TransactionalDdl)
            return;
        var last = (await sink.QueryAsync(log.SelectLast(), VersionLog.ReadAsync, cancellationToken)).LastOrDefault();
        if (last is { Status: "running", Direction: "upgrade" or "downgrade", StatementsDone: null or 0 })
            await sink.ExecuteAsync(log.Supersede(last.RunId, last.Step, "failed", "its run stopped before any of its statements took effect"), cancellationToken);
    }

    private static string FirstLine(string? text) => text is null ? "(no message)" : text.Split('\n')[0].Trim();
}
