using Npgsql;
using Retort.Configuration;

namespace Retort.Hosting.Tests;

/// <summary>
/// The PostgreSQL server of the live tests (RETORT_TEST_POSTGRES): a fresh database per test, dropped after. Outside CI an
/// absent server skips the tests; with CI=true it fails them.
/// </summary>
internal static class LivePostgres
{
    public const string Variable = "RETORT_TEST_POSTGRES";

    public static string? Find() => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public static string? SkipReason => Find() is null && !IsCi ? $"{Variable} is not set; run scripts/test.sh to test against a live server." : null;

    private static string Url => Find() ?? throw new InvalidOperationException($"{Variable} is not set and CI=true, so this live test cannot run; run scripts/test.sh");

    /// <summary>Creates a database named <c>retort_hosting_PREFIX_RANDOM</c>; returns its name and Npgsql connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync(string prefix)
    {
        var name = $"retort_hosting_{prefix}_{Guid.NewGuid():N}"[..40];
        await AdminAsync($"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(DatabaseUrl.Parse(Url, "/").ConnectionString) { Database = name };
        return (name, builder.ConnectionString);
    }

    public static async Task DropDatabaseAsync(string name)
    {
        // An autovacuum worker that just started on the new database is not ours to end: try again for a while.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    public static Task<List<string>> QueryAsync(string connectionString, string sql) => QueryAsync(new NpgsqlConnection(connectionString), sql);

    /// <summary>Each row of <paramref name="sql"/> as its values joined by spaces (null as "null"); the connection is opened and disposed.</summary>
    public static async Task<List<string>> QueryAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
            return rows;
        }
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseUrl.Parse(Url, "/").ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs the PostgreSQL server: skipped when it is not set, except with CI=true, where it fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = LivePostgres.SkipReason;
}
