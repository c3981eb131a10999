namespace Retort.Tests.Live;

/// <summary>A database server that live tests run against, named by one environment variable.</summary>
public enum LiveServer
{
    Postgres,
    MySql,

    /// <summary>Node 1 of the three-node MariaDB Galera cluster scripts/galera.sh starts (its nodes: <see cref="LiveDatabase.GaleraNode"/>).</summary>
    Galera,
}

/// <summary>
/// The URLs of the live test servers, read from the variables that scripts/databases.sh writes.
/// Outside CI an absent server skips its tests; with CI=true it fails them, so a run whose
/// servers never started cannot pass as green.
/// </summary>
internal static class LiveDatabase
{
    public static string VariableName(LiveServer server) => server switch
    {
        LiveServer.Postgres => "RETORT_TEST_POSTGRES",
        LiveServer.MySql => "RETORT_TEST_MYSQL",
        LiveServer.Galera => "RETORT_TEST_GALERA_1",
        _ => throw new ArgumentOutOfRangeException(nameof(server), server, null),
    };

    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The server's URL, or null when its variable is unset or blank.</summary>
    public static string? Find(LiveServer server)
    {
        var url = Environment.GetEnvironmentVariable(VariableName(server));
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }

    /// <summary>The server's URL; fails the calling test when its variable is absent.</summary>
    public static string Url(LiveServer server)
    {
        var url = Find(server);
        if (url is null)
        {
            Assert.Fail($"{VariableName(server)} is not set and CI=true, so this live test cannot run; "
                + "run scripts/test.sh (it starts the servers and sets the variable).");
        }

        return url;
    }

    /// <summary>
    /// Whether a fixture should use the server: it should when the server is set, and with CI=true it fails the
    /// tests instead of leaving them to pass on an empty fixture.
    /// </summary>
    public static bool IsRequired(LiveServer server) => IsCi ? Url(server) is not null : Find(server) is not null;

    /// <summary>The URL of Galera node <paramref name="node"/> (1 to 3) for database <paramref name="database"/>.</summary>
    public static string GaleraNode(int node, string database)
    {
        var url = Environment.GetEnvironmentVariable($"RETORT_TEST_GALERA_{node}");
        if (string.IsNullOrWhiteSpace(url))
            Assert.Fail($"RETORT_TEST_GALERA_{node} is not set; run scripts/test.sh (it starts the cluster with scripts/galera.sh).");
        return new UriBuilder(url) { Path = "/" + database }.Uri.ToString();
    }

    /// <summary>Creates database <paramref name="name"/> on the server and returns its URL.</summary>
    public static async Task<string> CreateDatabaseAsync(LiveServer server, string name)
    {
        await AdminAsync(server, $"CREATE DATABASE {name}");
        return new UriBuilder(Url(server)) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>Drops database <paramref name="name"/>, ending its sessions on PostgreSQL.</summary>
    public static async Task DropDatabaseAsync(LiveServer server, string name)
    {
        if (server != LiveServer.Postgres)
        {
            // Each test's database has a pool of its own, whose idle connections would stay open for minutes after the
            // test: a suite of hundreds of databases then runs the server out of connections.
            await MySqlConnector.MySqlConnection.ClearAllPoolsAsync();
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {name}");
            return;
        }

        // FORCE cannot end a session the test role does not own, such as an autovacuum worker that has just started
        // on the new database: it ends on its own, so the drop is tried again for a while.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task AdminAsync(LiveServer server, string sql)
    {
        await using var connection = Execution.TestProject.Connect(Retort.Configuration.DatabaseUrl.Parse(Url(server), "/"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Why tests of the server are skipped, or null when they run (server set, or CI).</summary>
    public static string? SkipReason(LiveServer server) =>
        Find(server) is null && !IsCi
            ? $"{VariableName(server)} is not set; run scripts/test.sh to test against a live server{(server == LiveServer.Galera ? " (or scripts/galera.sh start)" : "")}."
            : null;
}

/// <summary>
/// A fact that needs a live server: skipped when the server's URL is absent, except with CI=true,
/// where it runs and <see cref="LiveDatabase.Url"/> fails it with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LiveFactAttribute : FactAttribute
{
    public LiveFactAttribute(LiveServer server) => Skip = LiveDatabase.SkipReason(server);
}
