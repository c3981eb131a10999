using MySqlConnector;
using Retort.Configuration;

namespace Retort.Hosting.Tests;

/// <summary>
/// The MariaDB server of the live tests (RETORT_TEST_MYSQL): a fresh database per test, dropped after. Outside CI an
/// absent server skips the tests; with CI=true it fails them.
/// </summary>
internal static class LiveMariaDb
{
    public const string Variable = "RETORT_TEST_MYSQL";

    public static string? SkipReason => Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } && !LivePostgres.IsCi
        ? $"{Variable} is not set; run scripts/test.sh to test against a live server."
        : null;

    private static string Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url
        : throw new InvalidOperationException($"{Variable} is not set and CI=true, so this live test cannot run; run scripts/test.sh");

    /// <summary>Creates a database named <c>retort_hosting_PREFIX_RANDOM</c>; returns its name and MySqlConnector connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync(string prefix)
    {
        var name = $"retort_hosting_{prefix}_{Guid.NewGuid():N}"[..40];
        await AdminAsync($"CREATE DATABASE {name}");
        var builder = new MySqlConnectionStringBuilder(DatabaseUrl.Parse(Url, "/").ConnectionString) { Database = name };
        return (name, builder.ConnectionString);
    }

    public static async Task DropDatabaseAsync(string name)
    {
        await MySqlConnection.ClearAllPoolsAsync();
        await AdminAsync($"DROP DATABASE IF EXISTS {name}");
    }

    public static Task<List<string>> QueryAsync(string connectionString, string sql) => LivePostgres.QueryAsync(new MySqlConnection(connectionString), sql);

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new MySqlConnection(DatabaseUrl.Parse(Url, "/").ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs the MariaDB server: skipped when it is not set, except with CI=true, where it fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MariaDbFactAttribute : FactAttribute
{
    public MariaDbFactAttribute() => Skip = LiveMariaDb.SkipReason;
}
