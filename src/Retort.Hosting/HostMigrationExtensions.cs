using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Retort.Hosting;

/// <summary>Migrates a built host's database: <c>await app.MigrateAsync();</c> before <c>app.Run()</c>.</summary>
public static class HostMigrationExtensions
{
    /// <summary>Upgrades the database to the configured target (see <see cref="RetortMigrator.MigrateAsync"/>); returns the heads.</summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.MigrateAsync(cancellationToken);
    }

    /// <summary>Upgrades the database to the configured target with the <see cref="RetortMigrator"/> that AddRetort registered.</summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var migrator = services.GetService<RetortMigrator>()
            ?? throw new RetortException("MigrateAsync: Retort is not registered; call builder.Services.AddRetort(...) first");
        return migrator.MigrateAsync(cancellationToken);
    }
}
