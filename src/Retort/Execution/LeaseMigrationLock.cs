using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Retort.Dialects;

namespace Retort.Execution;

/// <summary>
/// The migration lock as a row in a table (<c>"lock": "table"</c>), for where session locks do not hold, such as
/// PgBouncer in transaction mode: the row is a lease that its run renews every third of the lease from a connection of
/// its own, and that anyone may take over once it has expired, so a crashed run's lease ends by itself.
/// </summary>
/// <remarks>
/// A lease can be lost by a live process (paused past its expiry by SIGSTOP, a long GC, a VM pause); the holder's
/// token in the row is its fence. Renewal changes the row only while the token is still there; before each
/// statement the run checks it renewed recently (and renews at once when it has not); and every transaction of the
/// run changes the row with its token before it commits (<see cref="Fence"/>), so work done under a lost lease is
/// rolled back rather than committed. Expiry uses the clients' clocks, which must agree to within the lease.
/// </remarks>
internal sealed class LeaseMigrationLock(DbConnection connection, Dialect dialect, TableName table, string name, string where, TimeSpan lease) : MigrationLock
{
    private TimeSpan Lease => lease;

    private TimeSpan Renewal => lease / 3;

    private readonly DatabaseSink _sink = new(connection);
    private readonly string _holder = $"{Environment.MachineName} pid {Environment.ProcessId} run {Guid.NewGuid().ToString("N")[..8]}";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _renewing;
    private Task? _renewal;
    private bool _tableChecked;
    // When the lease was last confirmed ours (Stopwatch ticks), and whether renewal found it taken over.
    private long _confirmed;
    private volatile bool _lost;

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
            try
            {
                var taken = await _sink.ExecuteAsync(new($"UPDATE {Table} SET holder = @p0, expires_ms = @p1 WHERE name = @p2 AND expires_ms < @p3",
                    [_holder, until, name, now]), cancellationToken);
                if (taken != 1)
                    return false;
            }
            catch (StatementFailedException e) when (e.InnerException is DbException { SqlState: "40001" })
            {
                // A cluster (Galera) certifies writes at commit: two nodes taking over at once, one loses with a
                // deadlock error. It lost the race, as the one whose UPDATE found no row; it tries again.
                return false;
            }
        }
        _confirmed = Stopwatch.GetTimestamp();
        _renewing = new CancellationTokenSource();
        _renewal = RenewAsync(_renewing.Token);
        return true;
    }

    public override async Task<string?> HolderAsync(CancellationToken cancellationToken) =>
        await LeaseAsync(cancellationToken) is { Expired: false } lease ? lease.Holder : null;

    // The row as it stands: who holds it and until when, expired or not.
    private async Task<(string Holder, DateTimeOffset Until, bool Expired)?> LeaseAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        return await _sink.QueryAsync(new($"SELECT holder, expires_ms FROM {Table} WHERE name = @p0", [name]), static async (reader, token) =>
        {
            if (!await reader.ReadAsync(token))
                return ((string, DateTimeOffset, bool)?)null;
            var until = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            return (reader.GetString(0), until, until < DateTimeOffset.UtcNow);
        }, cancellationToken);
    }

    public override async Task<string> DescribeAsync(CancellationToken cancellationToken) =>
        await LeaseAsync(cancellationToken) switch
        {
            null => "The migration lock is free",
            { Expired: true } lease => $"The migration lock is free: the lease of {lease.Holder} expired at {Time(lease.Until)} UTC, " +
                $"{(DateTimeOffset.UtcNow - lease.Until).TotalSeconds:0} s ago, and the next run takes it over",
            var lease => $"The migration lock is held by {lease.Value.Holder}, its lease renewed until {Time(lease.Value.Until)} UTC " +
                $"(taken over then if its run stops renewing it)",
        };

    protected override async Task<string> TakeOverAsync(CancellationToken cancellationToken) =>
        await LeaseAsync(cancellationToken) is { Expired: false } lease
            ? $"; its lease runs to {Time(lease.Until)} UTC, and is taken over then if not renewed"
            : "";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Deletes the lease whoever holds it, for <c>retort lock release</c> after a run that cannot finish.</summary>
    public async Task<bool> ForceReleaseAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        return await _sink.ExecuteAsync(new($"DELETE FROM {Table} WHERE name = @p0", [name]), cancellationToken) > 0;
    }

    public override async ValueTask CheckHeldAsync(CancellationToken cancellationToken)
    {
        if (_lost)
            await LostAsync(cancellationToken);
        // Renewal runs every 10 s; a lease not confirmed for longer means this process was paused or cut off, and
        // another run may have taken it over: ask the database before going on.
        if (Stopwatch.GetElapsedTime(_confirmed) < Lease - Renewal)
            return;
        if (!await RenewNowAsync(cancellationToken))
            await LostAsync(cancellationToken);
    }

    public override SqlStatement Fence() =>
        new($"UPDATE {Table} SET expires_ms = @p0 WHERE name = @p1 AND holder = @p2",
            [DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)Lease.TotalMilliseconds, name, _holder]);

    public override async Task LostAsync(CancellationToken cancellationToken)
    {
        _lost = true;
        string? now = null;
        try
        {
            now = await HolderAsync(cancellationToken);
        }
        catch (Exception e) when (e is StatementFailedException or DbException or InvalidOperationException)
        {
            // Who has it now is a detail; losing it is the error.
        }
        throw new RetortException($"Lost the migration lock on {Where}: its {Lease.TotalSeconds:0} s lease ran out while this run was paused or cut off" +
            $"{(now is null ? "" : $", and {now} took it over")}; stopped before its next statement. See where the database stands with 'retort current -v'");
    }

    // Whether the row still names this run; extends its lease when it does.
    private async Task<bool> RenewNowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_lost)
                return false;
            var renewed = await _sink.ExecuteAsync(Fence(), cancellationToken) == 1;
            if (renewed)
                _confirmed = Stopwatch.GetTimestamp();
            else
                _lost = true;
            return renewed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        while (!_lost)
        {
            try
            {
                await Task.Delay(Renewal, cancellationToken);
                await RenewNowAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is StatementFailedException or DbException or InvalidOperationException)
            {
                // A renewal that fails (a lock wait, a broken connection) is tried again; the run's own checks stop it
                // if the lease runs out meanwhile.
            }
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableChecked)
            return;
        if ((await _sink.QueryStringsAsync(dialect.Bookkeeping.TableExistsQuery(table), cancellationToken)).Count == 0)
        {
            try
            {
                await _sink.ExecuteAsync(new($"CREATE TABLE {Table} (name {dialect.TypeName(SqlType.String(64))} NOT NULL PRIMARY KEY, " +
                    $"holder {dialect.TypeName(SqlType.String(200))} NOT NULL, expires_ms {dialect.TypeName(SqlType.BigInteger)} NOT NULL)"), cancellationToken);
            }
            catch (StatementFailedException)
            {
                // Another run may have created it at the same moment; if not, the failure stands.
                if ((await _sink.QueryStringsAsync(dialect.Bookkeeping.TableExistsQuery(table), cancellationToken)).Count == 0)
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
