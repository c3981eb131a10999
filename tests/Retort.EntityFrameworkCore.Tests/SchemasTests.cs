using Retort.Autogenerate;
using Retort.Ops;
using Sample.EfCore;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>
/// An EF model on PostgreSQL outside the default schema (<c>HasDefaultSchema("app")</c>, <c>ToTable("Invoices",
/// schema: "billing")</c>): the database EnsureCreated made checks clean, and a change to a table of such a schema is one
/// operation, on that schema's table, that upgrades to what EnsureCreated makes for the changed model.
/// </summary>
[Collection("efcore")]
public sealed class SchemasTests
{
    [Fact]
    public async Task A_database_EF_created_in_its_schemas_needs_no_operation()
    {
        await using var databases = new TestDatabases();
        using var provider = new ProviderScope(Db.Postgres);
        var url = await databases.CreateAsync(Db.Postgres, "schemas");
        await EfSample.EnsureCreatedAsync(typeof(SchemasContext), url);
        var diff = await EfSample.Commands(EfSample.NewFolder(url, EfSample.AssemblySetting(nameof(SchemasContext)))).CompareAsync();
        Assert.Empty(diff.Upgrade.Select(OperationSummary.Describe));
        Assert.DoesNotContain(diff.Warnings, w => w.Contains("schema", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(SchemasAddColumnContext), nameof(AddColumnOperation))]
    [InlineData(typeof(SchemasAddIndexContext), nameof(CreateIndexOperation))]
    public async Task A_change_in_a_schema_is_one_operation_on_that_schema(Type context, string operation)
    {
        await using var databases = new TestDatabases();
        using var provider = new ProviderScope(Db.Postgres);
        var url = await databases.CreateAsync(Db.Postgres, context.Name);
        await EfSample.EnsureCreatedAsync(typeof(SchemasContext), url);
        var folder = EfSample.NewFolder(url, EfSample.AssemblySetting(context.Name));
        var commands = EfSample.Commands(folder);

        var diff = await commands.CompareAsync();
        var change = Assert.Single(diff.Upgrade);
        Assert.Equal(operation, change.GetType().Name);
        Assert.Equal(new TableName("Invoices", "billing"), change switch
        {
            AddColumnOperation add => add.Table,
            CreateIndexOperation index => index.Index.Table,
            _ => new TableName("unexpected"),
        });

        await commands.AutogenerateAsync(new RevisionRequest(context.Name));
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "migrations"), "*.cs", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("\"billing\"", StringComparison.Ordinal));
        commands.Reload();
        await commands.UpgradeAsync("heads");
        Assert.Empty((await commands.CompareAsync()).Upgrade.Select(OperationSummary.Describe));

        var fresh = await databases.CreateAsync(Db.Postgres, context.Name + "_fresh");
        await EfSample.EnsureCreatedAsync(context, fresh);
        Assert.Empty(await ModelChangeTests.DifferencesAsync(fresh, url));
        Assert.Equal(await SchemaOfAsync(fresh), await SchemaOfAsync(url));
    }

    // Every table, column and index outside PostgreSQL's own schemas, with its schema.
    private static async Task<List<string>> SchemaOfAsync(string url)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Configuration.DatabaseUrl.Parse(url, "/").ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns
            WHERE table_schema IN ('app', 'billing')
            UNION ALL SELECT schemaname || '.' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname IN ('app', 'billing')
            ORDER BY 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
