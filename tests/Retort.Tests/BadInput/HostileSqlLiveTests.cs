using System.Data.Common;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Tests.Dialects;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.BadInput;

/// <summary>
/// Hostile table and column names and hostile values run on every live database, online (parameters) and as the
/// offline script writes them: each stays one name or one value, comes back as given, and drops nothing.
/// </summary>
public abstract class HostileSqlLiveSuite : IDisposable
{
    private readonly LiveTarget _target;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-hostile-sql");

    protected HostileSqlLiveSuite() => _target = LiveTarget.Of(GetType());

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [DatabaseFact]
    public async Task Hostile_names_and_values_stay_data()
    {
        var database = "retort_" + Guid.NewGuid().ToString("N")[..12];
        var url = await _target.CreateDatabaseAsync(database, _dir.FullName);
        try
        {
            await RoundTripAsync(url, _target.DialectName);
        }
        finally
        {
            await _target.DropDatabaseAsync(database);
        }
    }

    private static async Task RoundTripAsync(string url, string dialectName)
    {
        var dialect = Dialect.ForName(dialectName);
        var id = Guid.NewGuid().ToString("N")[..8];
        var guard = $"guard_{id}";
        // MySQL names cannot end in a space and hold at most 64 characters; these fit every server.
        string[] names = [$"order_{id}", $"Order {id}", $"x\"; DROP TABLE guard_{id}; -- {id}", $"x`; DROP TABLE guard_{id}; -- {id}", $"x'{id}", $"naïve ☃ {id}"];
        string[] values = ["'; DROP TABLE users; --", "\\'; DROP TABLE users; --", "naïve ☃", "line\nbreak", "back`tick \"quote\""];
        await using var connection = TestProject.Connect(DatabaseUrl.Parse(url, "/"));
        await connection.OpenAsync();
        await RunAsync(connection, $"CREATE TABLE {guard} (id INTEGER)");
        try
        {
            foreach (var name in names)
            {
                foreach (var statement in dialect.Render(RenderedSql.Operation(op => op.CreateTable(name, new Column(name, SqlType.String(100))))))
                    await RunAsync(connection, statement.Sql);
                try
                {
                    foreach (var value in values)
                    {
                        var insert = dialect.Render(RenderedSql.Operation(op => op.BulkInsert(name, [new Dictionary<string, object?> { [name] = value }]))).Single();
                        await RunAsync(connection, insert.Sql, insert.Parameters);
                        await RunAsync(connection, insert.ScriptText);
                    }
                    var stored = await ReadAsync(connection, $"SELECT {dialect.Quote(name)} FROM {dialect.Quote(name)}");
                    Assert.Equal(values.SelectMany(v => new[] { v, v }).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
                }
                finally
                {
                    foreach (var statement in dialect.Render(RenderedSql.Operation(op => op.DropTable(name))))
                        await RunAsync(connection, statement.Sql);
                }
            }
            Assert.Equal(["0"], await ReadAsync(connection, $"SELECT COUNT(*) FROM {guard}"));
        }
        finally
        {
            await RunAsync(connection, $"DROP TABLE {guard}");
        }
    }

    private static async Task RunAsync(DbConnection connection, string sql, IReadOnlyList<object?>? parameters = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < (parameters?.Count ?? 0); i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = parameters![i];
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}

[RunsOn(TestDatabase.Sqlite)] public sealed class SqliteHostileSqlLiveTests : HostileSqlLiveSuite;

[RunsOn(TestDatabase.Postgresql)] public sealed class PostgresHostileSqlLiveTests : HostileSqlLiveSuite;

[RunsOn(TestDatabase.Mysql)] public sealed class MariaDbHostileSqlLiveTests : HostileSqlLiveSuite;
