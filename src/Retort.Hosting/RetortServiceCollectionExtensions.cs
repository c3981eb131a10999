using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Retort.Hosting;

/// <summary>Registers Retort in a host's services.</summary>
public static class RetortServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RetortMigrator"/>, with <see cref="RetortOptions"/> bound from the configuration section
    /// <paramref name="sectionName"/> and then changed by <paramref name="configure"/> (code wins over configuration).
    /// Migrate with <see cref="HostMigrationExtensions.MigrateAsync(IHost, CancellationToken)"/>, or at start-up with
    /// <see cref="RetortBuilder.MigrateAtStartup"/>.
    /// </summary>
    public static RetortBuilder AddRetort(this IServiceCollection services, Action<RetortOptions>? configure = null, string sectionName = "Retort")
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RetortOptions>();
        services.AddSingleton<IConfigureOptions<RetortOptions>>(provider => new ConfigureOptions<RetortOptions>(options =>
            provider.GetService<IConfiguration>()?.GetSection(sectionName).Bind(options)));
        if (configure is not null)
            services.Configure(configure);
        services.AddSingleton<IPostConfigureOptions<RetortOptions>>(provider => new PostConfigureOptions<RetortOptions>(Options.DefaultName, options =>
        {
            var configuration = provider.GetService<IConfiguration>();
            if (options.Url is null && options.ConnectionString is null && options.ConnectionStringName is { } name)
                options.ConnectionString = configuration?.GetConnectionString(name);
            options.BaseDirectory ??= provider.GetService<IHostEnvironment>()?.ContentRootPath;
        }));
        services.TryAddSingleton(provider => new RetortMigrator(provider.GetRequiredService<IOptions<RetortOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetortStartupMigration>());
        return new RetortBuilder(services);
    }

    /// <summary>
    /// Adds <see cref="RetortHealthCheck"/> as <paramref name="name"/>: Healthy at the compiled-in heads, Degraded while a
    /// migration holds the lock, Unhealthy (or <paramref name="failureStatus"/>) when revisions are missing.
    /// </summary>
    public static IHealthChecksBuilder AddRetort(this IHealthChecksBuilder builder, string name = "retort", HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name, provider => new RetortHealthCheck(provider.GetRequiredService<RetortMigrator>()),
            failureStatus, tags));
    }
}

/// <summary>What <see cref="RetortServiceCollectionExtensions.AddRetort(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{RetortOptions}?, string)"/> returns, to go on configuring Retort.</summary>
/// <param name="Services">The host's services.</param>
public sealed record RetortBuilder(IServiceCollection Services)
{
    /// <summary>
    /// Upgrades the database before the application serves: the host awaits the migration before any hosted service
    /// starts (Kestrel among them), and a failed migration fails the host's start with its one-line error.
    /// </summary>
    public RetortBuilder MigrateAtStartup()
    {
        Services.Configure<RetortOptions>(o => o.MigrateAtStartup = true);
        return this;
    }

    /// <summary>Adds the health check (see <see cref="RetortServiceCollectionExtensions.AddRetort(IHealthChecksBuilder, string, HealthStatus?, IEnumerable{string}?)"/>).</summary>
    public RetortBuilder AddHealthCheck(string name = "retort", IEnumerable<string>? tags = null)
    {
        Services.AddHealthChecks().AddRetort(name, tags: tags);
        return this;
    }
}
