using Retort.Revisions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Retort.Hosting;

/// <summary>
/// Whether the database is at the heads compiled into the application: Healthy at head; Degraded while a migration holds
/// the lock (a replica applying the revisions); Unhealthy naming the revisions missing, or saying why the database could
/// not be read. At head it reads the version table and nothing else, since it runs on every probe.
/// </summary>
public sealed class RetortHealthCheck(RetortMigrator migrator) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Revision> pending;
        try
        {
            pending = await migrator.PendingAsync(cancellationToken);
        }
        catch (RetortException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, e.Message);
        }
        if (pending.Count == 0)
            return HealthCheckResult.Healthy("The database is at head");
        var missing = string.Join(", ", pending.Select(r => r.Id));
        var data = new Dictionary<string, object> { ["pending"] = pending.Select(r => r.Id).ToArray() };
        // Only a database that is behind asks who holds the lock: at head the answer changes nothing.
        if (await migrator.LockHolderAsync(cancellationToken) is { } holder)
            return HealthCheckResult.Degraded($"A migration is running (the lock is held by {holder}); pending: {missing}", data: data);
        return new HealthCheckResult(context.Registration.FailureStatus,
            $"The database is behind the application by {pending.Count} revision(s): {missing}", data: data);
    }
}
