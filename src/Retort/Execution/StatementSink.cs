using System.Data.Common;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Execution;

/// <summary>
/// Where rendered statements go: a live database (<see cref="DatabaseSink"/>) or SQL text
/// (<see cref="ScriptSink"/>). Online and offline runs differ only here.
/// </summary>
internal abstract class StatementSink
{
    /// <summary>Runs a statement; returns the rows it touched, or -1 where that is not known (scripts).</summary>
    public abstract Task<int> ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken);

    /// <summary>A comment in scripts (<c>-- Running upgrade …</c>); nothing online.</summary>
    public abstract void Comment(string text);

    public abstract Task BeginAsync(CancellationToken cancellationToken);

    public abstract Task CommitAsync(CancellationToken cancellationToken);

    public abstract Task RollbackAsync();

    /// <summary>Whether a transaction is open.</summary>
    public abstract bool InTransaction { get; }

    /// <summary>The open connection, for a revision's <c>op.Connection</c>; null in a script.</summary>
    public virtual DbConnection? Connection => null;

    /// <summary>The transaction open on <see cref="Connection"/>, if any.</summary>
    public virtual DbTransaction? Transaction => null;

    /// <summary>
    /// Whether the CREATE of the version table and the log go in a transaction of their own. Online they do, so that a
    /// failed set-up leaves nothing; a script writes them bare, as Alembic's offline mode does.
    /// </summary>
    public abstract bool SetupInTransaction { get; }

    /// <summary>Lets the dialect look at the database before rendering an operation (online only; a script cannot ask).</summary>
    public virtual Task<MigrationOperation> PrepareAsync(MigrationOperation operation, Dialect dialect, CancellationToken cancellationToken) =>
        Task.FromResult(operation);

    /// <summary>
    /// Whether the database enforces foreign keys now, asked before switching enforcement off for a rebuild. A script
    /// cannot ask, and switches it off whenever a rebuild is coming.
    /// </summary>
    public virtual Task<bool> ForeignKeysOnAsync(ForeignKeySwitch switches, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>
    /// Runs a statement that puts the session back after a failure, without hiding the failure: errors are dropped. A
    /// script writes nothing after a failure.
    /// </summary>
    public virtual Task RestoreAsync(SqlStatement statement) => Task.CompletedTask;

    /// <summary>Frees what the run kept (prepared commands) once it ends.</summary>
    public virtual Task ReleaseAsync() => Task.CompletedTask;
}
