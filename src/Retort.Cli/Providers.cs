using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Runtime.CompilerServices;
using Npgsql;
using Retort.Configuration;

namespace Retort.Cli;

/// <summary>
/// The ADO.NET providers the CLI brings, one per database; <see cref="DatabaseProviders"/> picks the one a URL names. One
/// per run (<see cref="GlobalOptions.Providers"/>), holding the run's PostgreSQL data sources.
/// </summary>
internal sealed class Providers
{
    private readonly DatabaseProviders _all;

    // One data source per connection string for the run, as Npgsql keeps one pool per string for a plain
    // NpgsqlConnection: a data source built per connection would load the server's types (a catalog query) at every
    // connect and keep a pool of its own that nothing reuses.
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _postgresSources = new(StringComparer.Ordinal);

    // One method per provider, kept apart, so that a run loads only its own provider's assembly.
#if RETORT_NATIVE
    // The native front carries SQLite and PostgreSQL only (CurrentCommand hands the others to the managed CLI).
    public Providers() => _all = new(Sqlite, Postgres, _ => throw new Engine.HandOffException(), _ => throw new Engine.HandOffException());
#else
    public Providers() => _all = new(Sqlite, Postgres, MySql, SqlServer);
#endif

    public DbConnection Create(DatabaseUrl url) => _all.Connect(url);

    /// <summary>What readies the provider of <paramref name="url"/> before its first connection, or null (see <see cref="DatabaseProviders.WarmUp"/>).</summary>
    public Action? WarmUp(DatabaseUrl url) => _all.WarmUp(url);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbConnection Sqlite(string connectionString) => new InterruptibleSqliteConnection(connectionString);

#if !RETORT_NATIVE
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbConnection MySql(string connectionString) =>
        new MySqlConnector.MySqlConnection(WithTimeout(connectionString, "Connection Timeout"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbConnection SqlServer(string connectionString) =>
        new Microsoft.Data.SqlClient.SqlConnection(WithTimeout(connectionString, "Connect Timeout"));
#endif

    // The slim builder skips the type plugins (ranges, JSON, arrays...) whose set-up dominates start-up; TLS and
    // Kerberos are switched back on, so that sslmode, root certificates and GSSAPI work as with Npgsql's full builder.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DbConnection Postgres(string connectionString) =>
        _postgresSources.GetOrAdd(connectionString, PostgresSource).CreateConnection();

    private static NpgsqlDataSource PostgresSource(string connectionString)
    {
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString).EnableTransportSecurity().EnableIntegratedSecurity();
        var settings = builder.ConnectionStringBuilder;
        // Npgsql's builder answers ContainsKey for every key it knows; its connection string names only those given.
        var given = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        if (!given.ContainsKey("Timeout"))
            settings.Timeout = 5;
        // So that pg_stat_activity (and the lock's "held by" line) says who a connection is.
        if (!given.ContainsKey("Application Name") && Environment.GetEnvironmentVariable("PGAPPNAME") is null)
            settings.ApplicationName = "retort";
        // GSS encryption needs a Kerberos ticket, which hardly any migration run has: probing for one costs every
        // connection a library load. Kerberos authentication still works; the URL or PGGSSENCMODE can ask for encryption.
        if (!given.ContainsKey("GSS Encryption Mode") && Environment.GetEnvironmentVariable("PGGSSENCMODE") is null)
            settings.GssEncryptionMode = GssEncryptionMode.Disable;
        // Npgsql's default (Prefer) encrypts without checking the certificate: on the loopback interface that hides
        // nothing from anyone, yet costs a TLS handshake and a read of the system's CA bundle (~70 ms). Allow still
        // falls back to TLS where the server demands it; a URL's sslmode is always obeyed.
        if (!given.ContainsKey("SSL Mode") && IsLocal(settings.Host))
            settings.SslMode = SslMode.Allow;
        return builder.Build();
    }

    private static bool IsLocal(string? hosts) =>
        hosts is { Length: > 0 } && hosts.Split(',').All(host =>
            host.StartsWith('/') || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    // An unreachable host should fail in seconds with a clear line, not hang for the provider's default.
    private static string WithTimeout(string connectionString, string key)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!builder.ContainsKey(key))
            builder[key] = 5;
        return builder.ConnectionString;
    }
}
