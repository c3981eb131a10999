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

    private void Execute(SqlStatement statement) => Write(dialect.ScriptStatement(statement.ScriptText) + "\n\n");

    public override void Comment(string text) => Write($"-- {text}\n\n");

    // A full disk or a closed pipe is the output's fault, not the revision's: said as such.
    private void Write(string text)
    {
        try
        {
            output.Write(text);
        }
        catch (IOException e)
        {
            throw new ScriptOutputException($"Cannot write the SQL script: {e.Message}", e);
        }
    }

    public override bool SetupInTransaction => false;

    // Where DDL commits by itself, a script has no BEGIN to write: it would only look as if it could be rolled back.
    public override Task BeginAsync(CancellationToken cancellationToken)
    {
        if (!dialect.TransactionalDdl)
            return Task.CompletedTask;
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

/// <summary>The SQL script could not be written (a full disk, a closed pipe).</summary>
internal sealed class ScriptOutputException(string message, Exception inner) : RetortException(message, inner);
