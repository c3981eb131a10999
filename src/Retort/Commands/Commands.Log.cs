using System.Globalization;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>The database a command works on: its URL, dialect, version table and log (null when off).</summary>
    private (DatabaseUrl Url, Dialect Dialect, VersionTable Table, VersionLog? Log) Database()
    {
        var url = DatabaseUrl.From(Config);
        var dialect = Dialect.ForName(url.Dialect);
        return (url, dialect, new VersionTable(dialect, new TableName(Config.VersionTable, Config.VersionTableSchema)), LogFor(dialect));
    }

    private VersionLog? LogFor(Dialect dialect) =>
        Config.Log ? new VersionLog(dialect, new TableName(Config.LogTable, Config.VersionTableSchema)) : null;

    /// <summary>What a script creates first: the version table from base, and the log unless it exists already.</summary>
    private static List<SqlStatement> ScriptSetup(VersionTable table, VersionLog? log, bool createVersionTable) =>
        [.. createVersionTable ? [table.Create()] : Array.Empty<SqlStatement>(), .. log?.CreateIfMissing() ?? []];

    private static async Task<bool> LogExistsAsync(DatabaseSink sink, VersionLog log, CancellationToken cancellationToken)
    {
        if ((await sink.QueryStringsAsync(log.Exists(), cancellationToken)).Count == 0)
            return false;
        log.CheckShape(await sink.QueryColumnNamesAsync(log.Shape(), cancellationToken));
        return true;
    }

    /// <summary>A revision left half applied, and the message that tells a person what to do about it.</summary>
    private sealed record HalfApplied(ResumePoint Point, string Message);

    /// <summary>
    /// The revision whose step stopped after some of its statements committed (or with one in flight, whose effect is
    /// in doubt), when the newest row of the log is such a step and the version table does not show it finished.
    /// Anything written to the log after it (a finished run, a stamp, a <c>resolve</c>) means a person has dealt with it.
    /// </summary>
    private async Task<HalfApplied?> HalfAppliedAsync(DatabaseSink sink, VersionLog log, RevisionMap map, IReadOnlyList<string> heads,
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
    private static async Task CloseStoppedRowAsync(DatabaseSink sink, VersionLog log, Dialect dialect, CancellationToken cancellationToken)
    {
        if (dialect.TransactionalDdl)
            return;
        var last = (await sink.QueryAsync(log.SelectLast(), VersionLog.ReadAsync, cancellationToken)).LastOrDefault();
        if (last is { Status: "running", Direction: "upgrade" or "downgrade", StatementsDone: null or 0 })
            await sink.ExecuteAsync(log.Supersede(last.RunId, last.Step, "failed", "its run stopped before any of its statements took effect"), cancellationToken);
    }

    private static string FirstLine(string? text) => text is null ? "(no message)" : text.Split('\n')[0].Trim();

    /// <summary>
    /// Settles a revision left half applied (see <see cref="UpgradeAsync"/>) after a person has dealt with it by
    /// hand: <paramref name="applied"/> when its step was finished by hand (the version table then moves as the
    /// step would have moved it), otherwise when what ran was undone (the next run runs it from the start).
    /// </summary>
    public async Task ResolveAsync(string revision, bool applied, CancellationToken cancellationToken = default)
    {
        var map = Scripts.Map;
        var (url, dialect, table, log) = ResolveTarget();
        await using var held = await LockAsync(url, dialect, cancellationToken);
        await using var connection = await OpenAsync(url, cancellationToken);
        var sink = new DatabaseSink(connection);
        var (exists, heads, halted) = await ReadHaltedAsync(sink, table, log, map, dialect, cancellationToken);
        var id = map.Resolve(revision) is [var one] ? one.Id : throw new RetortException($"'{revision}' must name one revision");
        if (halted is null || halted.Point.Revision != id)
            throw new RetortException(halted is null
                ? $"Nothing to resolve: the log shows no revision left half applied"
                : $"Nothing to resolve for {id}: the revision left half applied is {halted.Point.Revision}");
        var step = new RevisionStep(map, map[id], halted.Point.Upgrade);
        await sink.BeginAsync(cancellationToken);
        try
        {
            if (!exists)
                await sink.ExecuteAsync(table.Create(), cancellationToken);
            if (applied)
                foreach (var (statement, _) in new VersionHeads(table, heads).Move(step))
                    await sink.ExecuteAsync(statement, cancellationToken);
            await new StepJournal(log, sink, countsStatements: false).RecordAsync(step, applied ? "resolved" : "rolled-back", cancellationToken);
            await sink.CommitAsync(cancellationToken);
        }
        finally
        {
            await sink.RollbackAsync();
        }
        Log.WriteLine(applied
            ? $"Marked the {step.Comment()[8..]} as applied by hand"
            : $"Marked the {(step.IsUpgrade ? "upgrade" : "downgrade")} of {id} as undone by hand; the next run runs it from the start");
    }

    private (DatabaseUrl Url, Dialect Dialect, VersionTable Table, VersionLog Log) ResolveTarget()
    {
        var (url, dialect, table, log) = Database();
        return (url, dialect, table, log ?? throw new RetortException("resolve needs the log of applied steps, which is off (\"log\": false)"));
    }

    /// <summary>Whether the version table exists, its heads, and the revision left half applied, if any.</summary>
    private async Task<(bool Exists, IReadOnlyList<string> Heads, HalfApplied? Halted)> ReadHaltedAsync(DatabaseSink sink, VersionTable table,
        VersionLog log, RevisionMap map, Dialect dialect, CancellationToken cancellationToken)
    {
        var exists = await VersionTableExistsAsync(sink, table, cancellationToken);
        var heads = exists ? await ReadHeadsAsync(sink, table, map, cancellationToken) : [];
        var halted = await LogExistsAsync(sink, log, cancellationToken)
            ? await HalfAppliedAsync(sink, log, map, heads, dialect, cancellationToken)
            : null;
        return (exists, heads, halted);
    }

    /// <summary>
    /// Settles the statement of <paramref name="revision"/> that was in flight when its run stopped, after a person has
    /// looked at the database: <paramref name="ran"/> when it took effect (the resume goes on after it), otherwise when it
    /// did not (the resume runs it). For statements whose effect Retort cannot read from their text.
    /// </summary>
    public async Task ResolveStatementAsync(string revision, bool ran, CancellationToken cancellationToken = default)
    {
        var map = Scripts.Map;
        var (url, dialect, table, log) = ResolveTarget();
        await using var held = await LockAsync(url, dialect, cancellationToken);
        await using var connection = await OpenAsync(url, cancellationToken);
        var sink = new DatabaseSink(connection);
        var (_, _, halted) = await ReadHaltedAsync(sink, table, log, map, dialect, cancellationToken);
        var id = map.Resolve(revision) is [var one] ? one.Id : throw new RetortException($"'{revision}' must name one revision");
        if (halted is not { Point: { InFlight: not null, Row: { } row } point } || point.Revision != id)
            throw new RetortException(halted is null || halted.Point.Revision != id
                ? $"Nothing to settle for {id}: the log shows no statement of it in flight when a run stopped"
                : $"Nothing to settle for {id}: no statement of it was in flight when its run stopped; use --applied or --rolled-back");
        var fate = ran ? StatementFate.Ran : StatementFate.NotRun;
        await sink.ExecuteAsync(log.Supersede(row.RunId, row.Step, ResumePoint.StatusOf(fate), null), cancellationToken);
        Log.WriteLine($"Marked statement {point.StatementsDone + 1} of {id} as {(ran ? "having taken effect" : "not having taken effect")}; " +
            $"run '{ResumePoint.Command(id, point.Upgrade)}' to go on from statement {point.StatementsDone + (ran ? 2 : 1)}");
    }

    /// <summary>
    /// Where the database is, with warnings a person should read: a revision in the version table that no script
    /// defines, an applied revision whose script changed after it ran (by the checksum in the log), a revision left
    /// half applied. Unlike <see cref="CurrentAsync(CancellationToken)"/>, an unknown revision is a warning, not an error.
    /// </summary>
    public async Task<DatabaseStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var map = Scripts.Map;
        var (url, dialect, table, log) = Database();
        await using var connection = await OpenAsync(url, cancellationToken, MissingFile.Refuse);
        var sink = new DatabaseSink(connection);
        if (!await VersionTableExistsAsync(sink, table, cancellationToken))
            return new DatabaseStatus([], []);
        var heads = await sink.QueryStringsAsync(table.Select(), cancellationToken);
        var warnings = heads.Where(h => map.Find(h) is null)
            .Select(h => $"The version table {table.Name} holds {h}, which no revision file defines").ToList();
        if (log is not null && await LogExistsAsync(sink, log, cancellationToken))
        {
            warnings.AddRange(await ChangedScriptsAsync(sink, log, map, heads, cancellationToken));
            if (await HalfAppliedAsync(sink, log, map, heads, dialect, cancellationToken) is { } halted)
                warnings.Add(halted.Message);
        }
        return new DatabaseStatus(map.AllCurrent(heads.Where(h => map.Find(h) is not null)), warnings);
    }

    /// <summary>
    /// A warning for each applied revision whose script no longer has the checksum the log recorded when it was
    /// applied. Checksums are recomputed with the algorithm version each row names, so a Retort that normalises
    /// differently never raises false alarms on old rows.
    /// </summary>
    private async Task<List<string>> ChangedScriptsAsync(DatabaseSink sink, VersionLog log, RevisionMap map, IReadOnlyList<string> heads,
        CancellationToken cancellationToken)
    {
        var applied = map.Ancestors(heads.Where(h => map.Find(h) is not null)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var lastApplied = new Dictionary<string, LogEntry>(StringComparer.Ordinal);
        foreach (var entry in await sink.QueryAsync(log.SelectAll(), VersionLog.ReadAsync, cancellationToken))
            if (entry is { Direction: "upgrade", Status: "done", Checksum: not null } && applied.Contains(entry.Revision))
                lastApplied[entry.Revision] = entry;
        var warnings = new List<string>();
        Func<string, string?> checksumOf = Scripts.ChecksumOf;
        var unknownVersions = new SortedSet<int>();
        foreach (var entry in lastApplied.Values)
        {
            var path = map[entry.Revision].Header.Path;
            if (path is null || !File.Exists(path))
                continue;
            var now = entry.ChecksumVersion == ScriptChecksum.CurrentVersion
                ? checksumOf(path) ?? ScriptChecksum.OfFile(path)
                : ScriptChecksum.OfFile(path, entry.ChecksumVersion ?? 0);
            if (now is null)
                unknownVersions.Add(entry.ChecksumVersion ?? 0);
            else if (now != entry.Checksum)
                warnings.Add($"The script of {entry.Revision} ({Path.GetFileName(path)}) has changed since it was applied at " +
                    $"{entry.AppliedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC by {entry.AppliedBy} " +
                    $"(checksum {ScriptChecksum.Short(entry.Checksum!)} then, {ScriptChecksum.Short(now)} now)");
        }
        if (unknownVersions.Count > 0)
            warnings.Add($"The log holds checksums of algorithm version {string.Join(", ", unknownVersions)}, which this Retort ({StepJournal.ToolVersion}) does not know; they were not compared");
        return warnings;
    }
}

/// <summary>What <see cref="Commands.StatusAsync"/> finds: the known revisions the database is at, and warnings.</summary>
/// <param name="Heads">The revisions of the version table that a script defines.</param>
/// <param name="Warnings">One line each, for a person to read.</param>
public sealed record DatabaseStatus(IReadOnlyList<Revision> Heads, IReadOnlyList<string> Warnings);
