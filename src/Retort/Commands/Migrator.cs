using System.Reflection;
using Retort.Configuration;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

/// <summary>
/// Runs migrations compiled into an application (its build includes <c>migrations/versions/*.cs</c>), at start-up or
/// from a deployment step, without the CLI, retort.json or Roslyn: the revision graph comes from the classes'
/// <see cref="RevisionAttribute"/>s and the application brings its own ADO.NET provider.
/// </summary>
/// <example>
/// <code>
/// var migrator = new Migrator(new MigratorOptions
/// {
///     Assemblies = [typeof(Program).Assembly],
///     Url = "postgresql://app@db/app",
///     Connect = url => new NpgsqlConnection(url.ConnectionString),
/// });
/// await migrator.UpgradeAsync("head", cancellationToken);
/// </code>
/// </example>
public sealed class Migrator
{
    private readonly Commands _commands;

    /// <summary>A migrator for <paramref name="options"/>; reads the revisions from the assemblies at once.</summary>
    /// <exception cref="RetortException">No revision in the assemblies, or a graph error (duplicate id, missing parent, cycle).</exception>
    public Migrator(MigratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Assemblies is not { Count: > 0 })
            throw new RetortException("MigratorOptions.Assemblies names no assembly to take the revisions from");
        var config = (options.Config ?? new RetortConfig
        {
            BaseDirectory = AppContext.BaseDirectory,
            ScriptLocation = AppContext.BaseDirectory,
            VersionLocations = [],
        }) with { Url = options.Url ?? options.Config?.Url };
        if (config.Url is null && (config.Provider is null || config.ConnectionString is null))
            throw new RetortException("MigratorOptions names no database: set Url, or Config's Url, or Config's Provider and ConnectionString");
        var scripts = ScriptDirectory.FromAssemblies(config, options.Assemblies);
        if (scripts.Headers.Count == 0)
            throw new RetortException($"No revision classes (a Migration with [Revision]) in {string.Join(", ", options.Assemblies.Select(a => a.GetName().Name))}");
        var source = MigrationSource.FromAssemblies(options.Assemblies);
        _commands = new Commands(scripts, options.Connect, (_, _) => Task.FromResult(source), options.Progress) { Observer = options.Observer };
    }

    /// <summary>The revision graph read from the assemblies.</summary>
    public RevisionMap Revisions => _commands.Scripts.Map;

    /// <summary>The migration lock of the database: who holds it (a replica migrating), for health checks.</summary>
    public MigrationLockCommands Lock => _commands.Lock;

    /// <summary>Upgrades the database to <paramref name="target"/>; returns the heads it is at afterwards.</summary>
    public Task<IReadOnlyList<string>> UpgradeAsync(string target = "head", CancellationToken cancellationToken = default) =>
        UpgradeAsync(target, null, cancellationToken);

    /// <summary>
    /// Upgrades the database to <paramref name="target"/> in one deploy phase: <see cref="MigrationPhase.PreDeploy"/> before
    /// the new application version starts (up to, not including, the first post-deploy revision on each branch),
    /// <see cref="MigrationPhase.PostDeploy"/> once the old version is gone (the rest). Returns the heads it is at afterwards.
    /// </summary>
    public Task<IReadOnlyList<string>> UpgradeAsync(string target, MigrationPhase phase, CancellationToken cancellationToken = default) =>
        UpgradeAsync(target, (MigrationPhase?)phase, cancellationToken);

    // An application starts far more often than it finds revisions to apply: at the target, one query on one connection
    // answers, without the lock and the checks of the version table's shape and log that a run needs.
    private async Task<IReadOnlyList<string>> UpgradeAsync(string target, MigrationPhase? phase, CancellationToken cancellationToken)
    {
        await using (var session = _commands.Session())
        {
            if (await Moves.AlreadyThereAsync(session, Revisions, target, phase, cancellationToken) is { } heads)
                return heads;
        }
        return await _commands.UpgradeAsync(target, phase: phase, cancellationToken: cancellationToken);
    }

    /// <summary>Downgrades the database to <paramref name="target"/> (<c>-1</c>, <c>base</c>, an id...).</summary>
    public Task<IReadOnlyList<string>> DowngradeAsync(string target, CancellationToken cancellationToken = default) =>
        _commands.DowngradeAsync(target, cancellationToken: cancellationToken);

    /// <summary>The revisions the database is at (none before the first upgrade).</summary>
    public Task<IReadOnlyList<Revision>> CurrentAsync(CancellationToken cancellationToken = default) =>
        _commands.CurrentAsync(missingIsEmpty: true, cancellationToken);

    /// <summary>The revisions an upgrade to <paramref name="target"/> would apply, in order; none when it is there.</summary>
    public Task<IReadOnlyList<Revision>> PendingAsync(string target = "head", CancellationToken cancellationToken = default) =>
        PendingAsync(target, null, cancellationToken);

    /// <summary>The revisions an upgrade to <paramref name="target"/> in <paramref name="phase"/> would apply, in order.</summary>
    public Task<IReadOnlyList<Revision>> PendingAsync(string target, MigrationPhase phase, CancellationToken cancellationToken = default) =>
        PendingAsync(target, (MigrationPhase?)phase, cancellationToken);

    private async Task<IReadOnlyList<Revision>> PendingAsync(string target, MigrationPhase? phase, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? current;
        await using (var session = _commands.Session())
            current = await Moves.QuickHeadsAsync(session, Revisions, cancellationToken);
        current ??= (await _commands.VersionHeadsAsync(missingIsEmpty: true, cancellationToken)).Select(r => r.Id).ToList();
        return Revisions.PlanUpgrade(current, target, phase).Steps;
    }

    /// <summary>Writes the SQL of an upgrade (<c>FROM:TO</c> or a target from base) to <paramref name="sql"/> without connecting.</summary>
    public Task WriteUpgradeSqlAsync(TextWriter sql, string target = "head", CancellationToken cancellationToken = default) =>
        _commands.UpgradeAsync(target, sql, cancellationToken: cancellationToken);

    /// <summary>Writes the SQL of an upgrade in one deploy phase (see <see cref="UpgradeAsync(string, MigrationPhase, CancellationToken)"/>).</summary>
    public Task WriteUpgradeSqlAsync(TextWriter sql, string target, MigrationPhase phase, CancellationToken cancellationToken = default) =>
        _commands.UpgradeAsync(target, sql, phase: phase, cancellationToken: cancellationToken);
}

/// <summary>What a <see cref="Migrator"/> runs, and where.</summary>
public sealed record MigratorOptions
{
    /// <summary>The assemblies holding the revision classes.</summary>
    public required IReadOnlyList<Assembly> Assemblies { get; init; }

    /// <summary>The database (<c>sqlite:///app.db</c>, <c>postgresql://user:password@host/db</c>...); overrides <see cref="Config"/>'s.</summary>
    public string? Url { get; init; }

    /// <summary>Creates connections with the application's provider (Npgsql, MySqlConnector, Microsoft.Data.Sqlite...).</summary>
    public required ConnectionFactory Connect { get; init; }

    /// <summary>Further settings (version table, log, lock, transactions), as <c>retort.json</c> would give them; defaults otherwise.</summary>
    public RetortConfig? Config { get; init; }

    /// <summary>Where progress lines (<c>Running upgrade a -> b</c>) go; nowhere by default.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Hears of each revision and statement as runs apply them (structured logging, progress displays).</summary>
    public MigrationObserver? Observer { get; init; }
}
