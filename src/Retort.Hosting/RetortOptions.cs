using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;
using System.Reflection;

namespace Retort.Hosting;

/// <summary>
/// Where and how a host migrates its database: bound from the <c>Retort</c> configuration section, then changed in code by
/// <see cref="RetortServiceCollectionExtensions.AddRetort(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{RetortOptions}?, string)"/>'s delegate. Give the database by <see cref="ConnectionStringName"/>
/// (resolved through <c>ConnectionStrings</c>), <see cref="ConnectionString"/> or <see cref="Url"/>, and the provider's
/// connections by <see cref="Connect"/>.
/// </summary>
/// <example>
/// <code>
/// // appsettings.json: { "ConnectionStrings": { "App": "Host=db;Database=app" }, "Retort": { "ConnectionStringName": "App" } }
/// builder.Services.AddRetort(o => o.Connect = cs => new NpgsqlConnection(cs)).MigrateAtStartup();
/// </code>
/// </example>
public sealed class RetortOptions
{
    /// <summary>The name of a connection string in the <c>ConnectionStrings</c> section; used when neither <see cref="Url"/> nor <see cref="ConnectionString"/> is set.</summary>
    public string? ConnectionStringName { get; set; }

    /// <summary>The provider's connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The provider of <see cref="ConnectionString"/> (<c>postgresql</c>, <c>sqlite</c>, <c>mysql</c>, <c>mariadb</c>, <c>sqlserver</c>,
    /// or an ADO.NET provider's name); when unset, read from the namespace of the connection <see cref="Connect"/> makes
    /// (Npgsql, Microsoft.Data.Sqlite, MySqlConnector, Microsoft.Data.SqlClient).
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>A Retort database URL (<c>postgresql://user:password@host/db</c>, <c>sqlite:///app.db</c>), instead of a connection string.</summary>
    public string? Url { get; set; }

    /// <summary>Makes a connection (not yet open) from a provider connection string: <c>cs =&gt; new NpgsqlConnection(cs)</c>.</summary>
    public Func<string, DbConnection>? Connect { get; set; }

    /// <summary>The assemblies whose <c>[Revision]</c> classes are the migrations; the entry assembly when empty.</summary>
    public IList<Assembly> Assemblies { get; } = [];

    /// <summary>Names of assemblies to load and add to <see cref="Assemblies"/> (for configuration files).</summary>
    public IList<string> AssemblyNames { get; } = [];

    /// <summary>What an upgrade goes to: <c>head</c> (the default), <c>heads</c>, a revision id, <c>LABEL@head</c>.</summary>
    public string Target { get; set; } = "head";

    /// <summary>A deploy phase to upgrade in (<c>PreDeploy</c> or <c>PostDeploy</c>); every pending revision when unset.</summary>
    public MigrationPhase? Phase { get; set; }

    /// <summary>Upgrade in a hosted service before the application serves (see <see cref="RetortBuilder.MigrateAtStartup"/>).</summary>
    public bool MigrateAtStartup { get; set; }

    /// <summary>The version table; <c>retort_version</c> by default.</summary>
    public string? VersionTable { get; set; }

    /// <summary>The version table's schema; the connection's default schema when unset.</summary>
    public string? VersionTableSchema { get; set; }

    /// <summary>The lock that keeps replicas starting at once apart: <c>session</c> (default), <c>table</c> or <c>none</c>.</summary>
    public string? Lock { get; set; }

    /// <summary>How many seconds a run waits for another run's lock before failing; 300 by default.</summary>
    public int? LockTimeout { get; set; }

    /// <summary>How many seconds a lease of the lock table lasts without renewal (<c>Lock = "table"</c>).</summary>
    public int? LockLease { get; set; }

    /// <summary>Commit after each revision instead of once for the whole run.</summary>
    public bool? TransactionPerMigration { get; set; }

    /// <summary>Keep the log of applied steps (<c>retort_version_log</c>); on by default.</summary>
    public bool? Log { get; set; }

    /// <summary>The folder a relative SQLite path in <see cref="Url"/> is taken from; the host's content root by default.</summary>
    public string? BaseDirectory { get; set; }
}
