using System.Data.Common;
using Retort.Dialects;

namespace Retort.Execution;

/// <summary>
/// The migration lock as a row in a table (<c>"lock": "table"</c>), for where session locks do not hold, such as
/// PgBouncer in transaction mode: the row is a lease that its run renews every few seconds from a connection of
/// its own, and that anyone may take over once it has expired, so a crashed run's lease ends by itself.
/// Every statement commits on its own. Expiry uses the clients' clocks, which must agree to within the lease.
/// </summary>
internal sealed class LeaseMigrationLock(DbConnection connection, Dialect dialect, TableName table, string name, string where) : MigrationLock
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(10);

    private readonly DatabaseSink _sink = new(connection);
    private readonly string _holder = $"{Environment.MachineName} pid {Environment.ProcessId} run {Guid.NewGuid().ToString("N")[..8]}";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _renewing;
    private Task? _renewal;
    private bool _tableChecked;

    private string Table => dialect.Quote(table);

    protected override string Where => $"{where} (lock table {table})";

    protected override async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var until = now + (long)Lease.TotalMilliseconds;
        try
        {
            await _sink.ExecuteAsync(new($"INSERT INTO {Table} (name, holder, expires_ms) VALUES (@p0, @p1, @p2)", [name, _holder, until]), cancellationToken);
        }
        catch (StatementFailedException)
        {
            // The row is there: take it over only when its lease has run out.
            var taken = await _sink.ExecuteAsync(new($"UPDATE {Table} SET holder = @p0, expires_ms = @p1 WHERE name = @p2 AND expires_ms < @p3",
                [_holder, until, name, now]), cancellationToken);
            if (taken != 1)
                return false;
        }
        _renewing = new CancellationTokenSource();
        _renewal = RenewAsync(_renewing.Token);
        return true;
    }

    public override async Task<string?> HolderAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var rows = await _sink.QueryStringsAsync(new($"SELECT holder FROM {Table} WHERE name = @p0 AND expires_ms >= @p1", [name, now]), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Deletes the lease whoever holds it, for <c>retort lock release</c> after a run that cannot finish.</summary>
    public async Task<bool> ForceReleaseAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        return await _sink.ExecuteAsync(new($"DELETE FROM {Table} WHERE name = @p0", [name]), cancellationToken) > 0;
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Renewal, cancellationToken);
                var until = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)Lease.TotalMilliseconds;
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    await _sink.ExecuteAsync(new($"UPDATE {Table} SET expires_ms = @p0 WHERE name = @p1 AND holder = @p2", [until, name, _holder]), cancellationToken);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or StatementFailedException or DbException or InvalidOperationException)
        {
            // Stopped by release, or the connection failed: then the lease runs out by itself.
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableChecked)
            return;
        if ((await _sink.QueryStringsAsync(dialect.TableExistsQuery(table), cancellationToken)).Count == 0)
        {
            try
            {
                await _sink.ExecuteAsync(new($"CREATE TABLE {Table} (name {dialect.TypeName(SqlType.String(64))} NOT NULL PRIMARY KEY, " +
                    $"holder {dialect.TypeName(SqlType.String(200))} NOT NULL, expires_ms {dialect.TypeName(SqlType.BigInteger)} NOT NULL)"), cancellationToken);
            }
            catch (StatementFailedException)
            {
                // Another run may have created it at the same moment; if not, the failure stands.
                if ((await _sink.QueryStringsAsync(dialect.TableExistsQuery(table), cancellationToken)).Count == 0)
                    throw;
            }
        }
        _tableChecked = true;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_renewing is not null)
        {
            await _renewing.CancelAsync();
            await _renewal!;
            _renewing.Dispose();
            _renewing = null;
            try
            {
                // Not cancellable: a cancelled run must still let the next one in.
                await _sink.ExecuteAsync(new($"DELETE FROM {Table} WHERE name = @p0 AND holder = @p1", [name, _holder]), CancellationToken.None);
            }
            catch (Exception e) when (e is StatementFailedException or DbException or InvalidOperationException)
            {
                // The connection failed; the lease runs out by itself.
            }
        }
        _gate.Dispose();
        await connection.DisposeAsync();
    }
}
