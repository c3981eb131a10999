using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Retort.Dialects;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>
/// Writes the runner's steps into the <see cref="VersionLog"/>: a row per step, and where DDL is not transactional
/// the count of statements committed so far, so that a step that stops halfway says how far it got.
/// </summary>
/// <param name="log">The log's statements.</param>
/// <param name="sink">Where they go: the run's sink.</param>
/// <param name="countsStatements">Whether to write the row first and count the statements as they commit.</param>
/// <param name="resume">Where a half-applied step stopped, when the run resumes it.</param>
/// <param name="checksumOf">The checksum of a script by path, as the revision headers were read (null: read the file).</param>
/// <param name="tag">What the run is tagged with (<c>--tag</c>), written into each row.</param>
/// <param name="deferRows">
/// Whether the run is one transaction, so the rows can wait for <see cref="WriteDeferredAsync"/> before its commit: they
/// still exist exactly when the steps' work does, and one statement for many rows costs less than one per step.
/// </param>
internal sealed class StepJournal(VersionLog log, StatementSink sink, bool countsStatements, ResumePoint? resume = null,
    Func<string, string?>? checksumOf = null, string? tag = null, bool deferRows = false)
{
    private readonly List<LogEntry> _deferred = [];
    private readonly string _runId = Guid.NewGuid().ToString();
    private readonly string _appliedBy = Truncate($"{Environment.UserName}@{Environment.MachineName}", 255);
    private int _stepNumber;
    private LogEntry? _entry;
    private bool _written;
    private long _started;
    private int _done;
    private IncrementalHash? _hash;
    private ResumePoint? _resume = resume;
    private int _skip;
    private string? _skipHash;

    /// <summary>How many statements of the current step have run (those skipped by a resume included).</summary>
    public int StatementsDone => _done;

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
        _written = false;
        _hash?.Dispose();
        _hash = countsStatements ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        _entry = Entry(step);
        if (_resume is { } point && step is RevisionStep r && r.Revision.Id == point.Revision && r.IsUpgrade == point.Upgrade)
        {
            _skip = point.StatementsDone;
            _skipHash = point.StatementsHash;
            _resume = null;
        }
        else if (_resume is { } wanted)
            throw new RetortException($"Cannot resume {wanted.Revision}: the run's first step is not the half-applied {(wanted.Upgrade ? "upgrade" : "downgrade")} of {wanted.Revision}");
        if (countsStatements && step is RevisionStep)
        {
            await sink.ExecuteAsync(log.Insert(_entry with { Status = "running", StatementsDone = _skip }), cancellationToken);
            _written = true;
        }
    }

    /// <summary>Writes a row for a step settled by hand (<c>resolve</c>) with <paramref name="status"/>.</summary>
    public Task RecordAsync(MigrationStep step, string status, CancellationToken cancellationToken)
    {
        _stepNumber++;
        return sink.ExecuteAsync(log.Insert(Entry(step) with { Status = status }, forScript: sink is ScriptSink), cancellationToken);
    }

    /// <summary>Whether the statement already ran before a resume, so must be skipped; checks the skipped ones are the ones that ran.</summary>
    public bool Skips(SqlStatement statement)
    {
        if (_done >= _skip)
            return false;
        Count(statement);
        if (_done == _skip && _hash is not null && _skipHash is not null && CurrentHash != _skipHash)
            throw new RetortException($"Cannot resume {_entry!.Revision}: its first {_skip} statements are no longer the ones that ran (the script changed before them); undo what ran by hand and run 'retort resolve {_entry.Revision} --rolled-back'");
        return true;
    }

    public async Task StatementRanAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        Count(statement);
        if (countsStatements && _written)
            await sink.ExecuteAsync(log.Progress(_entry!, _done, CurrentHash), cancellationToken);
    }

    public void StatementRan(SqlStatement statement)
    {
        Count(statement);
        if (countsStatements && _written)
            sink.Execute(log.Progress(_entry!, _done, CurrentHash));
    }

    private void Count(SqlStatement statement)
    {
        _done++;
        _hash?.AppendData(Encoding.UTF8.GetBytes(statement.Sql + "\0"));
    }

    private string CurrentHash => Convert.ToHexStringLower(_hash!.GetCurrentHash());

    /// <summary>Records the step as done, in the step's transaction where there is one.</summary>
    public Task EndAsync(CancellationToken cancellationToken)
    {
        var entry = _entry!;
        if (_done < _skip)
            throw new RetortException($"Cannot resume {entry.Revision}: it now has {_done} statements, fewer than the {_skip} that ran; undo what ran by hand and run 'retort resolve {entry.Revision} --rolled-back'");
        _entry = null;
        if (_written)
            return sink.ExecuteAsync(log.Finish(entry, "done", Elapsed, null), cancellationToken);
        var done = entry with { DurationMs = sink is ScriptSink ? null : Elapsed, StatementsDone = countsStatements ? _done : null };
        if (deferRows)
        {
            _deferred.Add(done);
            return Task.CompletedTask;
        }
        return sink.ExecuteAsync(log.Insert(done, forScript: sink is ScriptSink), cancellationToken);
    }

    /// <summary>Writes the rows <see cref="EndAsync"/> held back, in the transaction about to commit.</summary>
    public async Task WriteDeferredAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in log.InsertMany(_deferred))
            await sink.ExecuteAsync(statement, cancellationToken);
        _deferred.Clear();
    }

    /// <summary>
    /// Records a step that failed or was cancelled, after its transaction was rolled back. Best effort: the
    /// connection may be gone, and the failure itself is what the person must hear about.
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
            if (!_written || await sink.ExecuteAsync(log.Finish(entry, "failed", Elapsed, error), CancellationToken.None) == 0)
                await sink.ExecuteAsync(log.Insert(entry with { Status = "failed", DurationMs = Elapsed, Error = error, StatementsDone = countsStatements ? 0 : null }), CancellationToken.None);
        }
        catch (Exception e) when (e is StatementFailedException or InvalidOperationException or System.Data.Common.DbException)
        {
        }
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

/// <summary>Where a half-applied step stopped: the revision, its direction, and the statements that committed.</summary>
internal sealed record ResumePoint(string Revision, bool Upgrade, int StatementsDone, string? StatementsHash)
{
    /// <summary>The command that resumes the step and stops after it.</summary>
    public static string Command(string revision, bool upgrade) =>
        upgrade ? $"retort upgrade {revision} --resume" : $"retort downgrade {revision}-1 --resume";
}
