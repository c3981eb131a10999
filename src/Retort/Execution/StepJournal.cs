using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Retort.Dialects;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>What a <see cref="StepJournal"/> writes with.</summary>
/// <param name="Log">The log's statements.</param>
/// <param name="Sink">Where they go: the run's sink.</param>
/// <param name="CountsStatements">Whether to write the row first and count the statements as they commit.</param>
/// <param name="Resume">Where a half-applied step stopped, when the run resumes it.</param>
/// <param name="ChecksumOf">The checksum of a script by path, as the revision headers were read (null: read the file).</param>
/// <param name="Tag">What the run is tagged with (<c>--tag</c>), written into each row.</param>
/// <param name="DeferRows">
/// Whether the run is one transaction, so the rows can wait for <see cref="StepJournal.WriteDeferredAsync"/> before its
/// commit: they still exist exactly when the steps' work does, and one statement for many rows costs less than one per step.
/// </param>
/// <param name="Fence">The run's lock, checked before each statement and inside each counted statement's transaction.</param>
/// <param name="Progress">Where to say that an in-doubt statement was settled.</param>
/// <param name="SettleWait">How long to wait for a server still running a stopped run's statement.</param>
internal sealed record JournalOptions(VersionLog Log, StatementSink Sink, bool CountsStatements, ResumePoint? Resume = null,
    Func<string, string?>? ChecksumOf = null, string? Tag = null, bool DeferRows = false, MigrationLock? Fence = null,
    TextWriter? Progress = null, TimeSpan SettleWait = default);

/// <summary>
/// Writes the runner's steps into the <see cref="VersionLog"/>: a row per step, and where DDL is not transactional
/// the count of statements committed so far, so that a step that stops halfway says exactly how far it got.
/// </summary>
/// <remarks>
/// Where statements are counted (MySQL, MariaDB), a statement that runs in a transaction (INSERT, UPDATE, …) commits
/// together with its count, so a kill leaves both or neither. A statement that commits by itself (DDL) cannot share a
/// transaction: the row says <c>in-flight</c> while it runs, and a run that stops then leaves the statement in doubt,
/// to be settled by looking at the database when the revision is resumed (<see cref="InDoubtStatement"/>).
/// </remarks>
internal sealed class StepJournal(JournalOptions options)
{
    private readonly VersionLog log = options.Log;
    private readonly StatementSink sink = options.Sink;
    private readonly bool countsStatements = options.CountsStatements;
    private readonly Func<string, string?>? checksumOf = options.ChecksumOf;
    private readonly string? tag = options.Tag;
    private readonly bool deferRows = options.DeferRows;
    private readonly MigrationLock? fence = options.Fence;
    private readonly TextWriter? progress = options.Progress;
    private readonly TimeSpan settleWait = options.SettleWait;
    private readonly List<LogEntry> _deferred = [];
    private readonly string _runId = Guid.NewGuid().ToString();
    private readonly string _appliedBy = Truncate($"{Environment.UserName}@{Environment.MachineName}", 255);
    private int _stepNumber;
    private LogEntry? _entry;
    private bool _written;
    private long _started;
    private int _done;
    private IncrementalHash? _hash;
    private ResumePoint? _resume = options.Resume;
    private int _skip;
    private string? _skipHash;
    private StatementFate? _doubt;
    private bool _inFlight;

    /// <summary>How many statements of the current step have run (those skipped by a resume included).</summary>
    public int StatementsDone => _done;

    /// <summary>Whether a statement of the current step was in flight when the step stopped, so its fate is in doubt.</summary>
    public bool InFlight => _inFlight;

    /// <summary>Whether the journal runs each statement with its count (<see cref="RunAsync"/> handles transactions).</summary>
    public bool CountsStatements => countsStatements;

    /// <summary>Retort's version as the log records it.</summary>
    public static string ToolVersion { get; } = Truncate(
        typeof(VersionLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(VersionLog).Assembly.GetName().Version?.ToString() ?? "unknown", 64);

    public async Task BeginAsync(MigrationStep step, CancellationToken cancellationToken)
    {
        _stepNumber++;
        _started = Stopwatch.GetTimestamp();
        _done = 0;
        _skip = 0;
        _doubt = null;
        _inFlight = false;
        _written = false;
        _hash?.Dispose();
        _hash = countsStatements ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        _entry = Entry(step);
        ResumePoint? resumed = null;
        if (_resume is { } point && step is RevisionStep r && r.Revision.Id == point.Revision && r.IsUpgrade == point.Upgrade)
        {
            _skip = point.StatementsDone;
            _skipHash = point.StatementsHash;
            _doubt = point.InFlight;
            _resume = null;
            resumed = point;
        }
        else if (_resume is { } wanted)
            throw new RetortException($"Cannot resume {wanted.Revision}: the run's first step is not the half-applied {(wanted.Upgrade ? "upgrade" : "downgrade")} of {wanted.Revision}");
        if (countsStatements && step is RevisionStep)
        {
            // A resumed statement in doubt stays in doubt in the new row until it is settled, so a second stop loses nothing.
            var status = _doubt is { } fate ? ResumePoint.StatusOf(fate) : "running";
            await sink.ExecuteAsync(log.Insert(_entry with { Status = status, StatementsDone = _skip, StatementsHash = _skipHash }), cancellationToken);
            _written = true;
            _inFlight = _doubt is not null;
            if (resumed is { Row: { } row })
                await sink.ExecuteAsync(log.Supersede(row.RunId, row.Step, "resumed", $"resumed by run {_runId}"), cancellationToken);
        }
    }

    /// <summary>Writes a row for a step settled by hand (<c>resolve</c>) with <paramref name="status"/>.</summary>
    public Task RecordAsync(MigrationStep step, string status, CancellationToken cancellationToken)
    {
        _stepNumber++;
        return sink.ExecuteAsync(log.Insert(Entry(step) with { Status = status }), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="statement"/> and counts it; skips it when a resume finds it ran already, after checking
    /// that the skipped statements are the ones that ran, and settles a statement left in doubt.
    /// </summary>
    public async Task RunAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        if (fence is not null)
            await fence.CheckHeldAsync(cancellationToken);
        if (_done < _skip)
        {
            Count(statement);
            if (_done == _skip && _doubt is null)
                CheckSkipped(CurrentHash);
            return;
        }
        if (_doubt is { } fate && _done == _skip)
        {
            _doubt = null;
            CheckSkipped(HashWith(statement));
            if (fate == StatementFate.Unknown && sink is DatabaseSink online)
                fate = await InDoubtStatement.SettleAsync(online, log.Dialect, statement, $"statement {_done + 1} of {_entry!.Revision} ({OneLine(statement.Sql)})",
                    settleWait, progress ?? TextWriter.Null, cancellationToken);
            if (fate == StatementFate.Unknown)
                throw new RetortException($"Cannot tell whether statement {_done + 1} of {_entry!.Revision} ({OneLine(statement.Sql)}), in flight when its run stopped, took effect: " +
                    $"look at the database, then run 'retort resolve {_entry.Revision} --statement ran' if it did or 'retort resolve {_entry.Revision} --statement not-run' if it did not, " +
                    $"and '{ResumePoint.Command(_entry.Revision, _entry.Direction == "upgrade")}' again");
            if (fate == StatementFate.Ran)
            {
                Count(statement);
                await sink.ExecuteAsync(log.Progress(_entry!, _done, CurrentHash, "running"), cancellationToken);
                _inFlight = false;
                return;
            }
            _inFlight = false;
        }
        if (!countsStatements || !_written)
        {
            await sink.ExecuteAsync(statement, cancellationToken);
            Count(statement);
            return;
        }
        var entry = _entry!;
        if (log.Dialect.Bookkeeping.CommitsItself(statement))
        {
            await sink.ExecuteAsync(log.Progress(entry, _done, HashWith(statement), "in-flight"), cancellationToken);
            _inFlight = true;
            await sink.ExecuteAsync(statement, cancellationToken);
            Count(statement);
            // Not cancellable: the statement ran, and the log must say so.
            await sink.ExecuteAsync(log.Progress(entry, _done, CurrentHash, "running"), CancellationToken.None);
            _inFlight = false;
            return;
        }
        await sink.BeginAsync(cancellationToken);
        await sink.ExecuteAsync(statement, cancellationToken);
        await sink.ExecuteAsync(log.Progress(entry, _done + 1, HashWith(statement), "running"), cancellationToken);
        // Last before the commit, so the lease row is locked only for a moment, never for a long statement.
        if (fence?.Fence() is { } fenced)
            await FenceAsync(fenced, cancellationToken);
        await sink.CommitAsync(CancellationToken.None);
        Count(statement);
    }

    /// <summary>Runs the lock's fence statement in the open transaction: no row changed means another run holds the lock.</summary>
    public async Task FenceAsync(SqlStatement fenced, CancellationToken cancellationToken)
    {
        if (await sink.ExecuteAsync(fenced, cancellationToken) == 0)
            await fence!.LostAsync(cancellationToken);
    }

    private void CheckSkipped(string hash)
    {
        if (_hash is not null && _skipHash is not null && hash != _skipHash)
            throw new RetortException($"Cannot resume {_entry!.Revision}: its first {_skip} statements are no longer the ones that ran (the script changed before them); undo what ran by hand and run 'retort resolve {_entry.Revision} --rolled-back'");
    }

    private void Count(SqlStatement statement)
    {
        _done++;
        _hash?.AppendData(Encoding.UTF8.GetBytes(statement.Sql + "\0"));
    }

    private string CurrentHash => Convert.ToHexStringLower(_hash!.GetCurrentHash());

    // The hash the statements would have with this one counted too, for a row written before it commits.
    private string HashWith(SqlStatement statement)
    {
        if (_hash is null)
            return "";
        using var next = _hash.Clone();
        next.AppendData(Encoding.UTF8.GetBytes(statement.Sql + "\0"));
        return Convert.ToHexStringLower(next.GetCurrentHash());
    }

    /// <summary>Records the step as done, in the step's transaction where there is one.</summary>
    public Task EndAsync(CancellationToken cancellationToken)
    {
        var entry = _entry!;
        if (_done < _skip || _doubt is not null)
            throw new RetortException($"Cannot resume {entry.Revision}: it now has {_done} statements, fewer than the {_skip + (_doubt is null ? 0 : 1)} that ran; undo what ran by hand and run 'retort resolve {entry.Revision} --rolled-back'");
        _entry = null;
        if (_written)
            return sink.ExecuteAsync(log.Finish(entry, "done", Elapsed, null), cancellationToken);
        var done = entry with { DurationMs = sink is ScriptSink ? null : Elapsed, StatementsDone = countsStatements ? _done : null };
        if (deferRows)
        {
            _deferred.Add(done);
            return Task.CompletedTask;
        }
        return sink.ExecuteAsync(log.Insert(done), cancellationToken);
    }

    /// <summary>Writes the rows <see cref="EndAsync"/> held back, in the transaction about to commit.</summary>
    public async Task WriteDeferredAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in log.InsertMany(_deferred))
            await sink.ExecuteAsync(statement, cancellationToken);
        _deferred.Clear();
    }

    /// <summary>
    /// Takes in why the step stopped: a statement in flight that came back with the database's own refusal, on a
    /// connection still open, did not take effect; one that was cancelled or lost its connection stays in doubt.
    /// </summary>
    public void Stopped(Exception cause)
    {
        if (cause is StatementFailedException && sink is DatabaseSink { Connection.State: System.Data.ConnectionState.Open })
            _inFlight = false;
    }

    /// <summary>
    /// Records a step that failed or was cancelled, after its transaction was rolled back. A statement that commits by
    /// itself and did not come back with the database's own refusal (the connection broke, the run was cancelled) stays
    /// in doubt. Best effort: the connection may be gone, and the failure itself is what the person must hear about.
    /// </summary>
    public async Task FailAsync(string error)
    {
        // Rows held back belong to steps the rollback undid.
        _deferred.Clear();
        if (_entry is not { } entry || sink is not DatabaseSink)
            return;
        _entry = null;
        try
        {
            var status = _inFlight ? "in-flight" : "failed";
            // A statement refused after its in-flight mark: the row's hash counted it, and must not.
            if (_written && !_inFlight && _hash is not null)
                await sink.ExecuteAsync(log.Progress(entry, _done, CurrentHash, status), CancellationToken.None);
            if (!_written || await sink.ExecuteAsync(log.Finish(entry, status, Elapsed, error, keepStatus: _inFlight), CancellationToken.None) == 0)
                await sink.ExecuteAsync(log.Insert(entry with { Status = status, DurationMs = Elapsed, Error = error, StatementsDone = countsStatements ? _done : null }), CancellationToken.None);
        }
        catch (Exception e) when (e is StatementFailedException or InvalidOperationException or System.Data.Common.DbException)
        {
        }
    }

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 120 ? line : line[..117] + "...";
    }

    private long Elapsed => (long)Stopwatch.GetElapsedTime(_started).TotalMilliseconds;

    private LogEntry Entry(MigrationStep step)
    {
        var now = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        if (step is RevisionStep r)
        {
            var path = r.Revision.Header.Path;
            var checksum = path is null ? null
                : checksumOf?.Invoke(path) ?? (File.Exists(path) ? ScriptChecksum.OfFile(path) : null);
            return new LogEntry(_runId, _stepNumber, r.Revision.Id, r.IsUpgrade ? "upgrade" : "downgrade", "done", checksum,
                checksum is null ? null : ScriptChecksum.CurrentVersion, now, null, null, null, null, _appliedBy, ToolVersion, Tag);
        }
        var stamped = step.To.Count == 0 ? "base" : string.Join(", ", step.To);
        return new LogEntry(_runId, _stepNumber, Truncate(stamped, 255), "stamp", "done", null, null, now, null, null, null, null, _appliedBy, ToolVersion, Tag);
    }

    private string? Tag => tag is null ? null : Truncate(tag, 255);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// Where a half-applied step stopped: the revision, its direction, the statements that committed (and the hash of
/// their text), whether the statement after them was in flight and what became of it, and the log row that says so.
/// </summary>
internal sealed record ResumePoint(string Revision, bool Upgrade, int StatementsDone, string? StatementsHash,
    StatementFate? InFlight = null, LogEntry? Row = null)
{
    /// <summary>The command that resumes the step and stops after it.</summary>
    public static string Command(string revision, bool upgrade) =>
        upgrade ? $"retort upgrade {revision} --resume" : $"retort downgrade {revision}-1 --resume";

    /// <summary>The log status of a step whose statement after the counted ones was in flight, by that statement's fate.</summary>
    public static string StatusOf(StatementFate fate) => fate switch
    {
        StatementFate.Ran => "in-flight-ran",
        StatementFate.NotRun => "in-flight-unrun",
        _ => "in-flight",
    };

    /// <summary>The fate a log status records, or null for a status with nothing in flight.</summary>
    public static StatementFate? FateOf(string status) => status switch
    {
        "in-flight" => StatementFate.Unknown,
        "in-flight-ran" => StatementFate.Ran,
        "in-flight-unrun" => StatementFate.NotRun,
        _ => null,
    };
}
