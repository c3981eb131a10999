using Retort.Execution;

namespace Retort;

/// <summary>The migration lock of the configured database: <c>retort lock status</c> and <c>retort lock release</c>.</summary>
/// <remarks>Reached through <see cref="Commands.Lock"/>.</remarks>
public sealed class MigrationLockCommands
{
    private readonly Commands _commands;

    internal MigrationLockCommands(Commands commands) => _commands = commands;

    /// <summary>
    /// Who holds the migration lock of the configured database (e.g. <c>pid 4711 (retort, app)</c> on PostgreSQL),
    /// or null when it is free.
    /// </summary>
    public Task<string?> StatusAsync(CancellationToken cancellationToken = default) => ProbeAsync(probe => probe.HolderAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// One line on the migration lock for a person: who holds it, or that it is free; for a lease, until when it runs, or
    /// when the lease of a run that stopped expired.
    /// </summary>
    public Task<string> DescribeAsync(CancellationToken cancellationToken = default) => ProbeAsync(probe => probe.DescribeAsync(cancellationToken), cancellationToken);

    private async Task<T> ProbeAsync<T>(Func<MigrationLock, Task<T>> ask, CancellationToken cancellationToken)
    {
        await using var session = _commands.Session();
        await using var probe = await session.UnheldLockAsync(cancellationToken);
        return await ask(probe);
    }

    /// <summary>
    /// Ends the lease in the lock table (<c>"lock": "table"</c>) whoever holds it, for after a run that crashed and
    /// whose lease a person does not want to wait out. Returns whether there was one.
    /// </summary>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (_commands.Config.Lock != "table")
            throw new RetortException("'lock release' is for the lock table (\"lock\": \"table\"); a session lock ends with the session holding it: stop that process (see 'retort lock status')");
        await using var session = _commands.Session();
        await using var lease = (LeaseMigrationLock)await session.UnheldLockAsync(cancellationToken);
        return await lease.ForceReleaseAsync(cancellationToken);
    }
}
