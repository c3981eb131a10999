using System.Data.Common;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Execution;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Who holds the migration lock of the configured database (e.g. <c>pid 4711 (retort, app)</c> on PostgreSQL),
    /// or null when it is free.
    /// </summary>
    public async Task<string?> LockStatusAsync(CancellationToken cancellationToken = default)
    {
        var url = DatabaseUrl.From(Config);
        await using var probe = await UnheldLockAsync(url, Dialect.ForName(url.Dialect), cancellationToken);
        return await probe.HolderAsync(cancellationToken);
    }

    /// <summary>
    /// One line on the migration lock for a person: who holds it, or that it is free; for a lease, until when it runs, or
    /// when the lease of a run that stopped expired.
    /// </summary>
    public async Task<string> LockDescriptionAsync(CancellationToken cancellationToken = default)
    {
        var url = DatabaseUrl.From(Config);
        await using var probe = await UnheldLockAsync(url, Dialect.ForName(url.Dialect), cancellationToken);
        return await probe.DescribeAsync(cancellationToken);
    }

    /// <summary>
    /// Ends the lease in the lock table (<c>"lock": "table"</c>) whoever holds it, for after a run that crashed and
    /// whose lease a person does not want to wait out. Returns whether there was one.
    /// </summary>
    public async Task<bool> LockReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (Config.Lock != "table")
            throw new RetortException("'lock release' is for the lock table (\"lock\": \"table\"); a session lock ends with the session holding it: stop that process (see 'retort lock status')");
        var url = DatabaseUrl.From(Config);
        await using var lease = (LeaseMigrationLock)await UnheldLockAsync(url, Dialect.ForName(url.Dialect), cancellationToken);
        return await lease.ForceReleaseAsync(cancellationToken);
    }

    /// <summary>Waits for and takes the migration lock; the caller releases it by disposing it.</summary>
    private async Task<MigrationLock> LockAsync(DatabaseUrl url, Dialect dialect, CancellationToken cancellationToken)
    {
        var held = await UnheldLockAsync(url, dialect, cancellationToken);
        await held.WaitAsync(TimeSpan.FromSeconds(Config.LockTimeout), Log, cancellationToken);
        return held;
    }

    private async Task<MigrationLock> UnheldLockAsync(DatabaseUrl url, Dialect dialect, CancellationToken cancellationToken)
    {
        if (Config.Lock == "none")
            return new NoMigrationLock();
        var name = Config.VersionTableSchema is null ? Config.VersionTable : $"{Config.VersionTableSchema}.{Config.VersionTable}";
        if (Config.Lock == "table")
            return new LeaseMigrationLock(await OpenAsync(url, cancellationToken), dialect,
                new TableName(Config.VersionTable + "_lock", Config.VersionTableSchema), name, url.Display, TimeSpan.FromSeconds(Config.LockLease));
        if (dialect.SessionLock(name) is { } sql)
            return new SessionMigrationLock(await OpenAsync(url, cancellationToken), sql, url.Display);
        return SqliteFile(url) is { } path ? new FileMigrationLock(path) : new NoMigrationLock();
    }

    private static string? SqliteFile(DatabaseUrl url)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = url.ConnectionString };
        foreach (var key in (string[])["Data Source", "DataSource", "Filename"])
        {
            if (builder.TryGetValue(key, out var value) && value is string { Length: > 0 } path)
                return path == ":memory:" || builder.TryGetValue("Mode", out var mode) && "Memory".Equals(mode as string, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : Path.GetFullPath(path);
        }
        return null;
    }
}
