using Retort.Execution;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Who holds the migration lock of the configured database (e.g. <c>pid 4711 (retort, app)</c> on PostgreSQL),
    /// or null when it is free.
    /// </summary>
    public Task<string?> LockStatusAsync(CancellationToken cancellationToken = default) => ProbeLockAsync(probe => probe.HolderAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// One line on the migration lock for a person: who holds it, or that it is free; for a lease, until when it runs, or
    /// when the lease of a run that stopped expired.
    /// </summary>
    public Task<string> LockDescriptionAsync(CancellationToken cancellationToken = default) => ProbeLockAsync(probe => probe.DescribeAsync(cancellationToken), cancellationToken);

    private async Task<T> ProbeLockAsync<T>(Func<MigrationLock, Task<T>> ask, CancellationToken cancellationToken)
    {
        await using var session = Session();
        await using var probe = await session.UnheldLockAsync(cancellationToken);
        return await ask(probe);
    }

    /// <summary>
    /// Ends the lease in the lock table (<c>"lock": "table"</c>) whoever holds it, for after a run that crashed and
    /// whose lease a person does not want to wait out. Returns whether there was one.
    /// </summary>
    public async Task<bool> LockReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (Config.Lock != "table")
            throw new RetortException("'lock release' is for the lock table (\"lock\": \"table\"); a session lock ends with the session holding it: stop that process (see 'retort lock status')");
        await using var session = Session();
        await using var lease = (LeaseMigrationLock)await session.UnheldLockAsync(cancellationToken);
        return await lease.ForceReleaseAsync(cancellationToken);
    }
}
