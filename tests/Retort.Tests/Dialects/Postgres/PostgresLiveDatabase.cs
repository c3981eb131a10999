using Npgsql;
using Retort.Dialects;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.Postgres;

/// <summary>
/// A database of its own for one test class (<c>retort_&lt;random&gt;</c>, created by the retort role and
/// dropped afterwards), where each test works in a fresh schema that is first on its search_path.
/// </summary>
public sealed class PostgresLiveDatabase : IAsyncLifetime
{
    private string? _adminConnectionString;

    public string Name { get; } = "retort_" + Guid.NewGuid().ToString("N")[..12];

    public Dialect Dialect { get; } = Dialect.ForName("postgresql");

    public async Task InitializeAsync()
    {
        if (LiveDatabase.Find(LiveServer.Postgres) is not { } url)
            return;
        _adminConnectionString = ConnectionString(url);
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {Name}", admin).ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        // The shared drop: it retries while an autovacuum worker that the test role cannot end holds the new database
        // (FORCE then fails with 42501, which failed a CI run as a class cleanup failure).
        if (_adminConnectionString is not null)
            await LiveDatabase.DropDatabaseAsync(LiveServer.Postgres, Name);
    }

    /// <summary>A connection to this database whose search_path starts with a new, empty schema.</summary>
    public async Task<NpgsqlConnection> OpenSchemaAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(LiveDatabase.Url(LiveServer.Postgres))) { Database = Name };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var schema = "s_" + Guid.NewGuid().ToString("N")[..12];
        await new NpgsqlCommand($"CREATE SCHEMA {schema}; SET search_path TO {schema}, public", connection).ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>A postgresql:// URL as an Npgsql connection string (test code's own; the product's URL parser lives elsewhere).</summary>
    public static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        var user = uri.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
            Database = uri.AbsolutePath.TrimStart('/'),
            // Pooled connections would keep the test database busy and block its drop.
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>Runs an operation's statements as the database sink would: parameters online, in autocommit.</summary>
    public async Task ApplyAsync(NpgsqlConnection connection, MigrationOperation operation, NpgsqlTransaction? transaction = null)
    {
        foreach (var statement in Dialect.Render(operation))
        {
            await using var command = new NpgsqlCommand(statement.Sql, connection, transaction);
            foreach (var (value, i) in (statement.Parameters ?? []).Select((v, i) => (v, i)))
                command.Parameters.Add(new NpgsqlParameter("p" + i, value ?? DBNull.Value));
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Runs an operation's statements as a script writes them (literals instead of parameters).</summary>
    public async Task ApplyScriptAsync(NpgsqlConnection connection, MigrationOperation operation)
    {
        foreach (var statement in Dialect.Render(operation))
            await new NpgsqlCommand(statement.ScriptText, connection).ExecuteNonQueryAsync();
    }

    public Task<DatabaseSchema> InspectAsync(NpgsqlConnection connection, params TableName[] exclude) =>
        Dialect.InspectAsync(connection, exclude, CancellationToken.None);

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql) =>
        (T)(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;
}

/// <summary>
/// A theory that needs the live PostgreSQL server, skipped like <see cref="LiveFactAttribute"/>. (Named for this
/// folder so that it cannot clash with a shared LiveTheory that another dialect's tests may add.)
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresLiveTheoryAttribute : TheoryAttribute
{
    public PostgresLiveTheoryAttribute() => Skip = LiveDatabase.SkipReason(LiveServer.Postgres);
}
