using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Retort.Hosting;

/// <summary>
/// Migrates in the host's <see cref="IHostedLifecycleService.StartingAsync"/>, which the host awaits for every service
/// before it calls any <c>StartAsync</c>: Kestrel (started by ASP.NET Core's own hosted service in its <c>StartAsync</c>)
/// does not listen until the database is at head, and a failed migration fails the host's start.
/// </summary>
internal sealed class RetortStartupMigration(RetortMigrator migrator, IOptions<RetortOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateAtStartup)
            await migrator.MigrateAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
