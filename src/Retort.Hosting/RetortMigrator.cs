using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Retort.Configuration;
using Retort.Revisions;

namespace Retort.Hosting;

/// <summary>
/// The host's <see cref="Migrator"/>, made from <see cref="RetortOptions"/> on first use, with its runs logged: the service
/// that <see cref="HostMigrationExtensions.MigrateAsync(IServiceProvider, CancellationToken)"/>, the start-up migration and
/// <see cref="RetortHealthCheck"/> share.
/// </summary>
public sealed class RetortMigrator
{
    private readonly Lazy<(Migrator Migrator, string Database)> _migrator;
    private readonly RetortOptions _options;
    private readonly ILogger _logger;
    private readonly LoggingObserver _observer;

    /// <summary>A migrator for <paramref name="options"/>, logging to <paramref name="loggerFactory"/>'s <c>Retort</c> category.</summary>
    public RetortMigrator(RetortOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Retort");
        _observer = new LoggingObserver(_logger);
        _migrator = new Lazy<(Migrator, string)>(Create);
    }

    /// <summary>
    /// The migrator, made at the first call: reads the revisions from the assemblies, and fails with one line when the
    /// options name no database or no <see cref="RetortOptions.Connect"/>, or the revisions do not form a graph.
    /// </summary>
    public Migrator Migrator => _migrator.Value.Migrator;

    /// <summary>
    /// Upgrades the database to <see cref="RetortOptions.Target"/> (in <see cref="RetortOptions.Phase"/>), logging each revision
    /// applied, or one line saying it is up to date; returns the heads it is at. A failure is logged as one line and thrown.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var database = "(not configured)";
        try
        {
            (var migrator, database) = _migrator.Value;
            var runs = _observer.Runs;
            var heads = _options.Phase is { } phase
                ? await migrator.UpgradeAsync(_options.Target, phase, cancellationToken)
                : await migrator.UpgradeAsync(_options.Target, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (_observer.Runs == runs)
                Log.UpToDate(_logger, database, Describe(heads), Math.Round(elapsed, 1));
            else
                Log.Migrated(_logger, database, Describe(heads), Math.Round(elapsed, 1));
            return heads;
        }
        catch (Exception e)
        {
            Log.Failed(_logger, database, e.Message);
            throw;
        }
    }

    /// <summary>The revisions an upgrade to the configured target would apply; none at head.</summary>
    public Task<IReadOnlyList<Revision>> PendingAsync(CancellationToken cancellationToken = default) =>
        _options.Phase is { } phase ? Migrator.PendingAsync(_options.Target, phase, cancellationToken) : Migrator.PendingAsync(_options.Target, cancellationToken);

    /// <summary>Who holds the migration lock (a replica migrating), or null when it is free.</summary>
    public Task<string?> LockHolderAsync(CancellationToken cancellationToken = default) => Migrator.Lock.StatusAsync(cancellationToken);

    private static string Describe(IReadOnlyList<string> heads) => heads.Count == 0 ? "base" : string.Join(", ", heads);

    private (Migrator, string) Create()
    {
        if (_options.Connect is not { } connect)
            throw new RetortException("Retort: no RetortOptions.Connect; give the provider's connections in AddRetort, e.g. o.Connect = cs => new NpgsqlConnection(cs)");
        var config = Config(connect);
        var assemblies = _options.Assemblies.Concat(_options.AssemblyNames.Select(Load)).Distinct().ToList();
        if (assemblies.Count == 0 && Assembly.GetEntryAssembly() is { } entry)
            assemblies.Add(entry);
        var migrator = new Migrator(new MigratorOptions
        {
            Assemblies = assemblies,
            Config = config,
            Connect = url => connect(url.ConnectionString),
            Observer = _observer,
            Progress = new LoggerWriter(_logger),
        });
        return (migrator, DatabaseUrl.From(config).Display);
    }

    private static Assembly Load(string name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new RetortException($"Retort:AssemblyNames names '{name}', which does not load: {e.Message}");
        }
    }

    private RetortConfig Config(Func<string, System.Data.Common.DbConnection> connect)
    {
        var o = _options;
        var connectionString = o.ConnectionString;
        if (o.Url is null && connectionString is null)
            throw new RetortException(o.ConnectionStringName is { } name
                ? $"Retort: ConnectionStrings:{name} (Retort:ConnectionStringName) is not set"
                : "Retort names no database: set Retort:ConnectionStringName (a name in ConnectionStrings), Retort:ConnectionString or Retort:Url");
        if (o.Lock is { } lockKind && lockKind is not ("session" or "table" or "none"))
            throw new RetortException($"Retort:Lock is '{lockKind}'; use session, table or none");
        var directory = o.BaseDirectory ?? AppContext.BaseDirectory;
        var config = new RetortConfig
        {
            BaseDirectory = directory,
            ScriptLocation = directory,
            VersionLocations = [],
            Url = o.Url,
            ConnectionString = o.Url is null ? connectionString : null,
            Provider = o.Url is null ? o.Provider ?? ProviderOf(connect) : null,
            VersionTableSchema = o.VersionTableSchema,
        };
        return config with
        {
            VersionTable = o.VersionTable ?? config.VersionTable,
            // The log's table follows the version table's name, as retort.json's default does.
            LogTable = o.VersionTable is { } table ? table + "_log" : config.LogTable,
            Lock = o.Lock ?? config.Lock,
            LockTimeout = o.LockTimeout ?? config.LockTimeout,
            LockLease = o.LockLease ?? config.LockLease,
            TransactionPerMigration = o.TransactionPerMigration ?? config.TransactionPerMigration,
            Log = o.Log ?? config.Log,
        };
    }

    // The provider's namespace names it (Npgsql, Microsoft.Data.Sqlite, MySqlConnector, Microsoft.Data.SqlClient), so
    // the connection factory the application gives is all it has to say.
    private static string ProviderOf(Func<string, System.Data.Common.DbConnection> connect)
    {
        using var probe = connect("");
        return probe.GetType().Namespace ?? probe.GetType().Name;
    }
}
