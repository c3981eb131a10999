using System.Data.Common;
using Retort.Dialects;
using Retort.Ops;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>What a <see cref="MigrationRunner"/> runs with.</summary>
/// <param name="Map">The revision graph.</param>
/// <param name="Source">The revisions' code, asked for only when a step needs it (stamps and no-op runs never compile).</param>
/// <param name="Dialect">Renders the operations.</param>
/// <param name="Sink">Runs or writes the statements: the only place online and offline runs differ.</param>
/// <param name="Table">The version table.</param>
/// <param name="Progress">Where step lines (<c>Running upgrade a -> b</c>) go.</param>
/// <param name="TransactionPerMigration">One transaction per step even where DDL is transactional.</param>
/// <param name="Database">The database name of a multi-database project, handed to revisions as <c>op.Database</c>.</param>
/// <param name="AutoBatch">Gathers SQLite's table changes into batches (<c>sqliteAutoBatch</c>).</param>
/// <param name="Journal">Writes the log of applied steps; null when the log is off.</param>
/// <param name="Fence">The run's lock, checked before each statement and before each commit.</param>
/// <param name="Observer">Hears of each step and statement as it runs.</param>
/// <param name="Where">The database as shown to people, for the observer and the telemetry.</param>
internal sealed record RunOptions(
    RevisionMap Map,
    Func<MigrationSource> Source,
    Dialect Dialect,
    StatementSink Sink,
    VersionTable Table,
    TextWriter Progress,
    bool TransactionPerMigration = false,
    string? Database = null,
    bool AutoBatch = false,
    StepJournal? Journal = null,
    MigrationLock? Fence = null,
    MigrationObserver? Observer = null,
    string Where = "");

/// <summary>
/// Runs steps: each revision's <c>Upgrade</c>/<c>Downgrade</c> produces operations, the dialect renders them,
/// the sink runs or writes them, and the version table moves with each step, in the same transaction where the
/// database's DDL is transactional.
/// </summary>
internal sealed partial class MigrationRunner(RunOptions options)
{
    private readonly RevisionMap map = options.Map;
    private readonly Func<MigrationSource> source = options.Source;
    private readonly Dialect dialect = options.Dialect;
    private readonly StatementSink sink = options.Sink;
    private readonly VersionTable table = options.Table;
    private readonly TextWriter log = options.Progress;
    private readonly StepJournal? journal = options.Journal;
    private readonly MigrationLock? fence = options.Fence;

    // Where each statement commits with its count in the log (MySQL, MariaDB), the journal opens its own
    // transactions, and a step's work has no transaction around it.
    private readonly bool _counted = options.Journal?.CountsStatements == true;

    // This run's observer and telemetry; null while no step runs.
    private RunEvents? _events;

    private static string Direction(IReadOnlyList<MigrationStep> steps) =>
        steps.All(s => s is StampStep) ? "stamp" : steps[0].IsUpgrade ? "upgrade" : "downgrade";

    // Steps whose transaction committed in this run, for what a failure says was kept.
    private int _committedSteps;

    // Compiles the steps' migrations ahead of the run on a second thread; null for short runs.
    private MigrationWarmer? _warmer;

    /// <summary>
    /// Runs <paramref name="steps"/> from <paramref name="heads"/>, after <paramref name="setup"/> (the CREATE of the
    /// version table and the log where they are missing).
    /// </summary>
    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<MigrationStep> steps, IReadOnlyList<string> heads,
        IReadOnlyList<SqlStatement> setup, CancellationToken cancellationToken)
    {
        // Compile (or load) the revisions' code before anything runs, so a compile error is reported as it is
        // and leaves the database untouched.
        if (steps.Any(s => s is RevisionStep))
            _warmer = MigrationWarmer.Start(steps, source());
        var versions = new VersionHeads(table, heads);
        var events = steps.Count == 0 ? null : new RunEvents(options.Observer, new MigrationRun(Direction(steps), steps.Count, sink is ScriptSink, options.Where), dialect.Name);
        _events = events;
        events?.RunStarting();
        // One transaction for the whole run where DDL is transactional; otherwise (or when asked) one per
        // step, so the version table is committed after each revision and always tells the truth.
        var wholeRun = dialect.TransactionalDdl && !options.TransactionPerMigration;
        MigrationStep? current = null;
        try
        {
            if (wholeRun)
                await SwitchForeignKeysOffAsync(steps, cancellationToken);
            if (wholeRun || (setup.Count > 0 && sink.SetupInTransaction))
                await BeginAsync(cancellationToken);
            foreach (var statement in setup)
                await sink.ExecuteAsync(statement, cancellationToken);
            if (!wholeRun && sink.InTransaction)
                await CommitAsync(cancellationToken);
            foreach (var step in steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                current = step;
                if (!wholeRun)
                {
                    await SwitchForeignKeysOffAsync([step], cancellationToken);
                    if (!_counted)
                        await BeginAsync(cancellationToken);
                }
                events?.StepStarting(step);
                await RunStepAsync(step, versions, cancellationToken);
                if (!wholeRun)
                {
                    await CommitAsync(cancellationToken);
                    _committedSteps++;
                }
                events?.StepFinished();
            }
            current = null;
            _committingRun = wholeRun;
            if (wholeRun)
                await CommitAsync(cancellationToken);
            events?.RunFinished(null);
            return versions.Heads;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await sink.RollbackAsync();
            await RestoreForeignKeysAsync();
            journal?.Stopped(e);
            var failure = Failure(current, e);
            if (journal is not null)
                await journal.FailAsync(failure.Message);
            events?.RunFinished(failure);
            throw failure;
        }
        catch (OperationCanceledException e)
        {
            await sink.RollbackAsync();
            await RestoreForeignKeysAsync();
            if (journal is not null)
                await journal.FailAsync("cancelled");
            // What stays applied is what the person must hear about, as after a failure.
            var stopped = State(current, cancelled: true) is { } state ? new RunCancelledException($"cancelled; {state}", e) : e;
            events?.RunFinished(stopped);
            throw stopped;
        }
        finally
        {
            _warmer?.Stop();
            await sink.ReleaseAsync();
        }
    }

    private async Task RunStepAsync(MigrationStep step, VersionHeads versions, CancellationToken cancellationToken)
    {
        log.WriteLine(step.Describe());
        sink.Comment(step.Comment());
        if (journal is not null)
            await journal.BeginAsync(step, cancellationToken);
        if (step is RevisionStep revisionStep)
        {
            var pending = new List<MigrationOperation>();
            var op = new Operations(pending.Add, dialect.Name, dialect.Literal, sink.Connection, () => sink.Transaction, options.Database,
                () => Flush(pending), DefinitionIn);
            if (_recorded.Remove(revisionStep, out var recorded))
                pending.AddRange(recorded);
            else
            {
                var migration = source().Create(revisionStep.Revision);
                _warmer?.Reached();
                if (step.IsUpgrade)
                    await migration.UpgradeAsync(op, cancellationToken);
                else
                    await migration.DowngradeAsync(op, cancellationToken);
            }
            await FlushAsync(pending, cancellationToken);
        }
        // The version table moves with the step's row in one transaction: a stop leaves both or neither.
        if (_counted)
            await BeginAsync(cancellationToken);
        foreach (var (statement, expectOne) in versions.Move(step))
        {
            var rows = await sink.ExecuteAsync(statement, cancellationToken);
            if (expectOne && rows >= 0 && rows != 1)
                throw new RetortException($"Expected to change one row of the version table {table.Name} with \"{statement.Sql}\", but {rows} changed; has something else changed it?");
        }
        if (journal is not null)
            await journal.EndAsync(cancellationToken);
    }

    /// <summary>
    /// Runs the queued operations. <paramref name="beforeConnection"/>: for a migration about to read through
    /// <c>op.Connection</c>, where an operation that must run outside the transaction cannot leave it.
    /// </summary>
    private async Task FlushAsync(List<MigrationOperation> pending, CancellationToken cancellationToken, bool beforeConnection = false)
    {
        foreach (var queued in Batched(pending))
        {
            var operation = await sink.PrepareAsync(queued, dialect, cancellationToken);
            var outside = NeedsNoTransaction(operation) && sink.InTransaction;
            if (outside && beforeConnection)
                throw new RetortException($"{operation.GetType().Name} cannot run inside a transaction before op.Connection is read; read op.Connection first, or set transactionPerMigration");
            if (outside)
                await CommitAsync(cancellationToken);
            await RunStatementsAsync(operation, cancellationToken);
            if (outside)
                await BeginAsync(cancellationToken);
        }
        pending.Clear();
    }

    private async Task RunStatementsAsync(MigrationOperation operation, CancellationToken cancellationToken)
    {
        foreach (var statement in Render(operation))
        {
            _events?.StatementStarting(statement.Sql);
            if (journal is not null)
                await journal.RunAsync(statement, cancellationToken);
            else
            {
                if (fence is not null)
                    await fence.CheckHeldAsync(cancellationToken);
                await sink.ExecuteAsync(statement, cancellationToken);
            }
            // A provider may end a cancelled statement early without an error (MySQL's SLEEP returns 1): the run
            // stops here, with the statement counted, rather than going on as if nothing was asked.
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Runs the queued operations now, for a migration about to read through <c>op.Connection</c>.</summary>
    // Synchronous because the migration reads op.Connection synchronously.
    private void Flush(List<MigrationOperation> pending) =>
        FlushAsync(pending, CancellationToken.None, beforeConnection: true).GetAwaiter().GetResult();

    private IReadOnlyList<SqlStatement> Render(MigrationOperation operation)
    {
        try
        {
            return dialect.Render(operation);
        }
        catch (NotSupportedException e)
        {
            throw new RetortException(e.Message);
        }
    }

    // PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY inside a transaction block.
    private static bool NeedsNoTransaction(MigrationOperation operation) =>
        operation is CreateIndexOperation { Concurrently: true } or DropIndexOperation { Concurrently: true };

    private Task BeginAsync(CancellationToken cancellationToken) => sink.BeginAsync(cancellationToken);

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!sink.InTransaction)
            return;
        if (journal is not null)
            await journal.WriteDeferredAsync(cancellationToken);
        // Another run that took the lock over since the last check must not see this transaction's work committed.
        if (fence?.Fence() is { } fenced && await sink.ExecuteAsync(fenced, cancellationToken) == 0)
            await fence.LostAsync(cancellationToken);
        await CheckForeignKeysAsync(cancellationToken);
        await sink.CommitAsync(cancellationToken);
        await SwitchForeignKeysOnAsync(cancellationToken);
    }

    private IReadOnlyList<MigrationOperation> Batched(IReadOnlyList<MigrationOperation> operations) =>
        options.AutoBatch ? dialect.Preparation.AutoBatch(operations) : operations;

    /// <summary>Finds the definition a revision's upgrade gives a view, function or procedure, by recording that upgrade.</summary>
    private string DefinitionIn(ObjectKind kind, TableName name, string revisionSymbol)
    {
        var revision = map.Resolve(revisionSymbol) switch
        {
            [var one] => one,
            _ => throw new RetortException($"'{revisionSymbol}' must name one revision to take the definition of {name} from"),
        };
        var recorded = new List<MigrationOperation>();
        var op = new Operations(recorded.Add, dialect.Name, dialect.Literal, null, null, options.Database, null, DefinitionIn);
        source().Create(revision).UpgradeAsync(op, CancellationToken.None).GetAwaiter().GetResult();
        return recorded.Select(o => o switch
            {
                CreateObjectOperation c when c.Kind == kind && c.Name == name => c.Definition,
                ReplaceObjectOperation r when r.Kind == kind && r.Name == name => r.Definition,
                _ => null,
            }).LastOrDefault(d => d is not null)
            ?? throw new RetortException($"Revision {revision.Id} does not create or replace {kind.ToString().ToLowerInvariant()} {name}");
    }

    private Exception Failure(MigrationStep? step, Exception error)
    {
        if (error is ScriptOutputException)
            return error;
        var where = step switch
        {
            RevisionStep r => $"{(r.IsUpgrade ? "Upgrade" : "Downgrade")} {r.Revision.Id} ({Path.GetFileName(r.Revision.Header.Path) ?? r.Revision.Header.Message})",
            StampStep s => $"Stamp {string.Join(", ", s.To)}",
            _ => _committingRun ? "Committing the run" : "Creating the version table",
        };
        var state = State(step) ?? "nothing of this run was kept";
        return error switch
        {
            StatementFailedException f => new RetortException($"{where} failed: {f.DatabaseMessage} (statement: {OneLine(f.Sql)}); {state}", error),
            RetortException r => new RetortException($"{where} failed: {r.Message}{At(error)}", error),
            DbException d => new RetortException($"{where} failed: {StatementFailedException.OneLine(d.Message).TrimEnd('.')}{At(error)}; {state}", error),
            InsufficientExecutionStackException => new RetortException($"{where} failed: its code went too deep (InsufficientExecutionStackException: endless recursion?){At(error)}; {state}", error),
            _ => new RetortException($"{where} failed: {error.GetType().Name}: {StatementFailedException.OneLine(error.Message).TrimEnd('.')}{At(error)}; {state}", error),
        };
    }

    /// <summary>
    /// Where in a revision's own code <paramref name="error"/> was thrown, as " at FILE(LINE,COLUMN)" (the compiled
    /// revisions carry their line table); empty when no frame of the trace is in a script.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026",
        Justification = "Frames of compiled revisions, which only a runtime that loads them (not one compiled ahead of time) has")]
    private static string At(Exception error)
    {
        var frames = new System.Diagnostics.StackTrace(error, fNeedFileInfo: true).GetFrames();
        var frame = frames.FirstOrDefault(f => f.GetFileName() is { } file && file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(file)
            && f.GetMethod()?.DeclaringType?.Assembly is { IsDynamic: false } assembly && assembly != typeof(MigrationRunner).Assembly);
        if (frame?.GetFileName() is not { } path)
            return "";
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return $" at {(relative.StartsWith("..", StringComparison.Ordinal) ? path : relative)}({frame.GetFileLineNumber()},{frame.GetFileColumnNumber()})";
    }

    /// <summary>What of the run stays applied when it stops in <paramref name="step"/>; null when nothing does.</summary>
    private string? State(MigrationStep? step, bool cancelled = false)
    {
        var kept = _committedSteps == 0 ? null
            : $"{_committedSteps} {(_committedSteps == 1 ? "revision" : "revisions")} of this run committed and stay applied";
        if (dialect.TransactionalDdl || step is not RevisionStep revisionStep)
            return kept is null ? null : step is null ? kept : $"{kept}; {Name(step)} was rolled back";
        var up = revisionStep.IsUpgrade;
        var id = revisionStep.Revision.Id;
        if (journal is not { StatementsDone: var done, InFlight: var inFlight })
            return $"{dialect.Name} commits DDL as it runs, so statements of this revision before the failing one stay applied; the version table still shows the revision before it";
        var resume = $"run '{ResumePoint.Command(id, up)}' to go on";
        if (inFlight)
            return $"{(done == 0 ? "its first statement" : $"statement {done + 1}")} was in flight and may have taken effect ({dialect.Name} commits DDL as it runs){(done == 0 ? "" : $", after {done} that stay applied")}; " +
                $"the version table still shows the revision before it; {resume}: it looks at the database to settle statement {done + 1}";
        if (done == 0)
            return cancelled ? null : "none of its statements ran before the failing one; the version table still shows the revision before it";
        var before = cancelled ? "" : " before the failing one";
        return $"{(done == 1 ? $"its first statement ran{before} and stays" : $"its first {done} statements ran{before} and stay")} applied ({dialect.Name} commits DDL as it runs); " +
            $"the version table still shows the revision before it; {(cancelled ? "" : "fix the cause and ")}{resume} from statement {done + 1}";
    }

    private static string Name(MigrationStep step) => step is RevisionStep r ? r.Revision.Id : "the stamp";

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 200 ? line : line[..197] + "...";
    }
}
