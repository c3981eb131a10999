using Retort.Dialects;

namespace Retort.Execution;

/// <summary>Writes statements as SQL text, each with the dialect's terminator and a blank line, as Alembic's offline mode does.</summary>
internal sealed class ScriptSink(TextWriter output, Dialect dialect) : StatementSink
{
    private bool _inTransaction;

    public override bool InTransaction => _inTransaction;

    public override Task<int> ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        Execute(statement);
        return Task.FromResult(-1);
    }

    public override void Execute(SqlStatement statement)
    {
        output.Write(dialect.ScriptStatement(statement.ScriptText));
        output.Write("\n\n");
    }

    public override void Comment(string text) => output.Write($"-- {text}\n\n");

    public override Task BeginAsync(CancellationToken cancellationToken)
    {
        _inTransaction = true;
        Execute(new SqlStatement(dialect.BeginTransaction));
        return Task.CompletedTask;
    }

    public override Task CommitAsync(CancellationToken cancellationToken)
    {
        _inTransaction = false;
        Execute(new SqlStatement(dialect.CommitTransaction));
        return Task.CompletedTask;
    }

    public override Task RollbackAsync()
    {
        _inTransaction = false;
        return Task.CompletedTask;
    }
}
