using System.Data.Common;
using Microsoft.Data.Sqlite;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Tests.Dialects.Sqlite;

/// <summary>A fresh SQLite database in a temporary file, with the dialect that renders, applies and reads it back.</summary>
internal sealed class SqliteLiveDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"retort_{Guid.NewGuid():N}.db");

    public SqliteLiveDatabase() =>
        // Without pooling the file is closed with the connection and can be deleted.
        Connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());

    public SqliteConnection Connection { get; }

    public Dialect Dialect { get; } = Dialect.ForName("sqlite");

    public Task OpenAsync() => Connection.OpenAsync();

    /// <summary>Renders the operation and runs its statements as an online run does, with parameters; returns how many ran.</summary>
    public async Task<int> ApplyAsync(MigrationOperation operation, DbTransaction? transaction = null)
    {
        var statements = Dialect.Render(operation);
        foreach (var statement in statements)
        {
            await using var command = Connection.CreateCommand();
            command.CommandText = statement.Sql;
            command.Transaction = (SqliteTransaction?)transaction;
            for (var i = 0; i < (statement.Parameters?.Count ?? 0); i++)
                command.Parameters.AddWithValue($"@p{i}", statement.Parameters![i] ?? DBNull.Value);
            await command.ExecuteNonQueryAsync();
        }
        return statements.Count;
    }

    /// <summary>Runs the operation's statements as a script writes them (values as literals).</summary>
    public async Task ApplyScriptAsync(MigrationOperation operation)
    {
        foreach (var statement in Dialect.Render(operation))
            await ExecuteAsync(statement.ScriptText);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The rows of a query, each as its values joined by " | ".</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    public Task<DatabaseSchema> InspectAsync(params TableName[] exclude) => Dialect.InspectAsync(Connection, exclude, CancellationToken.None);

    /// <summary>Every table and view read back, one line each (see <see cref="SchemaText"/>).</summary>
    public async Task<string> SchemaAsync() => SchemaText.Of(await InspectAsync());

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        File.Delete(_path);
    }
}
