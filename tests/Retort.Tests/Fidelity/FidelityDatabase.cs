using System.Data.Common;
using Microsoft.Data.Sqlite;
using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Tests.Autogenerate;
using Retort.Tests.Dialects.MySql;
using Retort.Tests.Dialects.Postgres;
using Retort.Tests.Live;

namespace Retort.Tests.Fidelity;

/// <summary>A live database server on which each test gets an empty database (or schema) of its own, made from a corpus file.</summary>
public abstract class FidelityDatabase : IAsyncLifetime
{
    public abstract Dialect Dialect { get; }

    /// <summary>A connection to a new, empty database.</summary>
    public abstract Task<DbConnection> EmptyAsync();

    /// <summary>A connection to a new database made by the corpus schema's DDL for this server.</summary>
    public async Task<DbConnection> CreateAsync(string schema)
    {
        var connection = await EmptyAsync();
        await LiveApply.ExecuteAsync(Dialect, connection, FidelityCorpus.Ddl(schema, Dialect));
        return connection;
    }

    public Task<DatabaseSchema> InspectAsync(DbConnection connection) => Dialect.InspectAsync(connection, [], CancellationToken.None);

    /// <summary>What autogenerate finds between the model and the live database, asking the database where text cannot decide.</summary>
    public async Task<SchemaDiff> CompareAsync(DatabaseSchema wanted, DbConnection connection, CompareOptions options) =>
        await SchemaComparer.CompareAsync(wanted, await InspectAsync(connection), Dialect, options, connection);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

public sealed class SqliteFidelityDatabase : FidelityDatabase
{
    private readonly List<string> _files = [];

    public override Dialect Dialect { get; } = Dialect.ForName("sqlite");

    public override async Task<DbConnection> EmptyAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"retort_fidelity_{Guid.NewGuid():N}.db");
        _files.Add(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public override Task DisposeAsync()
    {
        foreach (var file in _files)
            File.Delete(file);
        return Task.CompletedTask;
    }
}

public sealed class PostgresFidelityDatabase : FidelityDatabase
{
    private readonly PostgresLiveDatabase _database = new();

    public override Dialect Dialect => _database.Dialect;

    public override Task InitializeAsync() => _database.InitializeAsync();

    public override Task DisposeAsync() => _database.DisposeAsync();

    public override async Task<DbConnection> EmptyAsync()
    {
        _ = LiveDatabase.Url(LiveServer.Postgres);
        return await _database.OpenSchemaAsync();
    }
}

public sealed class MariaDbFidelityDatabase : FidelityDatabase
{
    private readonly MySqlTestDatabase _database = new();

    public override Dialect Dialect => _database.Dialect;

    public override Task InitializeAsync() => _database.InitializeAsync();

    public override Task DisposeAsync() => _database.DisposeAsync();

    public override async Task<DbConnection> EmptyAsync()
    {
        _ = LiveDatabase.Url(LiveServer.MySql);
        return await _database.FreshAsync();
    }
}
