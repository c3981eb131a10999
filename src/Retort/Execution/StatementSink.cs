using Retort.Dialects;

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
}
