using System.Data.Common;
using Retort.Dialects;

namespace Retort.Execution;

/// <summary>
/// A database's session lock (PostgreSQL advisory lock, MySQL/MariaDB GET_LOCK, SQL Server sp_getapplock) on a
/// connection of its own that never opens a transaction, so the run's own connection can commit, run
/// CREATE INDEX CONCURRENTLY, or fail, without touching the lock; the server drops it when the session ends.
/// </summary>
internal sealed class SessionMigrationLock(DbConnection connection, SessionLockSql sql, string where) : MigrationLock
{
    private readonly DatabaseSink _sink = new(connection);
    private bool _held;

    protected override string Where => where;

    protected override async Task<bool> TryAcquireAsync(CancellationToken cancellationToken) =>
        _held = await ScalarAsync(sql.TryAcquire, cancellationToken) is { } v && Convert.ToInt64(v) == 1;

    public override async Task<string?> HolderAsync(CancellationToken cancellationToken) =>
        await ScalarAsync(sql.Holder, cancellationToken) is { } v and not DBNull ? Convert.ToString(v) : null;

    public override async ValueTask DisposeAsync()
    {
        try
        {
            // Not cancellable: a cancelled run must still let the next one in.
            if (_held)
                await ScalarAsync(sql.Release, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or StatementFailedException or InvalidOperationException)
        {
            // The connection is gone, and with it the session and its lock.
        }
        _held = false;
        await connection.DisposeAsync();
    }

    private async Task<object?> ScalarAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = statement.Command(connection);
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new RetortException($"The migration lock on {where} failed: {e.Message.Trim()}", e);
        }
    }
}
