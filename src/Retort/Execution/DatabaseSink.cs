using System.Data.Common;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Execution;

/// <summary>Runs statements on a live connection, inside the current transaction when there is one.</summary>
internal sealed class DatabaseSink(DbConnection connection) : StatementSink
{
    public override DbConnection Connection => connection;

    public override DbTransaction? Transaction => _transaction;

    private DbTransaction? _transaction;

    public override bool SetupInTransaction => true;

    public override Task<MigrationOperation> PrepareAsync(MigrationOperation operation, Dialect dialect, CancellationToken cancellationToken) =>
        dialect.Preparation.PrepareAsync(operation, connection, _transaction, cancellationToken);

    public override async Task<bool> ForeignKeysOnAsync(ForeignKeySwitch switches, CancellationToken cancellationToken) =>
        await QueryStringsAsync(switches.IsOn, cancellationToken) is ["1"];

    public override async Task RestoreAsync(SqlStatement statement)
    {
        try
        {
            await ExecuteAsync(statement, CancellationToken.None);
        }
        catch (Exception e) when (e is StatementFailedException or InvalidOperationException)
        {
            // The connection is broken too; the failure that led here is the one to report.
        }
    }

    public override bool InTransaction => Transaction is not null;

    // Commands of parameterised statements by text, kept for the run: the version table and the log run the same
    // few statements once per step, and a kept command is not parsed and planned again (SQLite prepares it once).
    private readonly Dictionary<string, DbCommand> _kept = new(StringComparer.Ordinal);

    public override async Task<int> ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        var kept = statement.Parameters is not null;
        var command = kept ? Kept(statement) : Command(statement);
        try
        {
            // Some providers (SQLite) do not watch the token while a statement runs; Cancel reaches them.
            await using var cancelling = cancellationToken.Register(static c => CancelQuietly((DbCommand)c!), command);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (DbException e)
        {
            throw new StatementFailedException(statement.Sql, e);
        }
        finally
        {
            if (!kept)
                await command.DisposeAsync();
        }
    }

    // Runs on the thread that cancels (Ctrl+C's handler): a provider that cannot cancel must not take the process down.
    private static void CancelQuietly(DbCommand command)
    {
        try
        {
            command.Cancel();
        }
        catch (Exception)
        {
            // Whatever went wrong, the statement just runs on; the run stops at the next statement.
        }
    }

    private DbCommand Kept(SqlStatement statement)
    {
        if (!_kept.TryGetValue(statement.Sql, out var command))
            _kept[statement.Sql] = command = Command(statement);
        else
        {
            command.Transaction = Transaction;
            statement.BindTo(command);
        }
        return command;
    }

    /// <summary>Disposes the kept commands; the sink stays usable.</summary>
    public override async Task ReleaseAsync()
    {
        foreach (var command in _kept.Values)
            await command.DisposeAsync();
        _kept.Clear();
    }

    /// <summary>Runs a query and returns the first column of every row.</summary>
    public async Task<List<string>> QueryStringsAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = Command(statement);
        var values = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                values.Add(reader.GetValue(0) is string s ? s : throw new RetortException(
                    $"The version table holds a value that is not text ({reader.GetValue(0)}); is it really a version table?"));
        }
        catch (DbException e)
        {
            throw new StatementFailedException(statement.Sql, e);
        }
        return values;
    }

    /// <summary>Runs a query and returns the first column of every row as text, whatever its type.</summary>
    public Task<List<string>> QueryValuesAsync(SqlStatement statement, CancellationToken cancellationToken) =>
        QueryAsync(statement, static async (reader, token) =>
        {
            var values = new List<string>();
            while (await reader.ReadAsync(token))
                values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            return values;
        }, cancellationToken);

    /// <summary>Runs a query and reads its rows with <paramref name="read"/>.</summary>
    public async Task<T> QueryAsync<T>(SqlStatement statement, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var command = Command(statement);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader, cancellationToken);
        }
        catch (DbException e)
        {
            throw new StatementFailedException(statement.Sql, e);
        }
    }

    /// <summary>Runs a query and returns the names of its result's columns.</summary>
    public async Task<List<string>> QueryColumnNamesAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = Command(statement);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        }
        catch (DbException e)
        {
            throw new StatementFailedException(statement.Sql, e);
        }
    }

    public override void Comment(string text) { }

    public override async Task BeginAsync(CancellationToken cancellationToken) =>
        _transaction = await connection.BeginTransactionAsync(cancellationToken);

    public override async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
            return;
        await _transaction.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public override async Task RollbackAsync()
    {
        if (_transaction is null)
            return;
        try
        {
            // Not cancellable: a cancelled run must still leave nothing half-done behind.
            await _transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection may already be gone (a provider then disposes the transaction, or says it is
            // finished); the server rolls back by itself.
        }
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    private DbCommand Command(SqlStatement statement)
    {
        var command = statement.Command(connection, Transaction);
        command.CommandTimeout = 0;
        return command;
    }
}

internal sealed class StatementFailedException(string sql, DbException inner)
    : Exception($"{inner.Message.Trim()}\n  statement: {sql}", inner)
{
    public string Sql { get; } = sql;

    /// <summary>The database's message on one line: PostgreSQL puts POSITION and DETAIL, SQLite its code, on lines of their own.</summary>
    public string DatabaseMessage { get; } = OneLine(inner.Message).TrimEnd('.');

    /// <summary><paramref name="text"/>'s non-empty lines joined by "; ".</summary>
    public static string OneLine(string text) =>
        string.Join("; ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
