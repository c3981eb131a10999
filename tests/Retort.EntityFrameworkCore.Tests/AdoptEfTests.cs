using Microsoft.EntityFrameworkCore;
using Retort.Configuration;
using Sample.EfCore;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary><c>retort adopt-ef</c> on a database EF Core migrations manage: EnsureCreated plus a row in __EFMigrationsHistory, as <c>dotnet ef database update</c> leaves it.</summary>
[Collection("efcore")]
public sealed class AdoptEfTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Adopting_writes_a_proved_baseline_stamps_it_and_leaves_EF_history(Db db)
    {
        await using var databases = new TestDatabases();
        using var provider = new ProviderScope(db);
        var url = await databases.CreateAsync(db, "adopt");
        await EfSample.EnsureCreatedAsync(typeof(AppDbContext), url);
        await ExecuteAsync(url, """
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20260101000000_Initial', '10.0.15');
            """);
        var folder = EfSample.NewFolder(url, EfSample.AssemblySetting("AppDbContext"));

        var dry = await EfSample.CliAsync(folder, "adopt-ef", "--dry-run");
        Assert.True(dry.Exit == 0, dry.Error + dry.Out);
        Assert.StartsWith("The database matches the EF Core model; adopt-ef would write a baseline revision creating 12 tables, 9 indexes", dry.Out);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "migrations", "versions")));

        var adopt = await EfSample.CliAsync(folder, "adopt-ef", "--rev-id", "efbase");
        Assert.True(adopt.Exit == 0, adopt.Error + adopt.Out);
        Assert.Contains("__EFMigrationsHistory is left as it was", adopt.Out);
        var current = await EfSample.CliAsync(folder, "current");
        Assert.Contains("efbase", current.Out);
        var check = await EfSample.CliAsync(folder, "check");
        Assert.True(check.Exit == 0, check.Error + check.Out);
        Assert.Equal("20260101000000_Initial", await ScalarAsync(url, """SELECT "MigrationId" FROM "__EFMigrationsHistory" """));
        Assert.DoesNotContain("__EFMigrationsHistory", File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "migrations", "versions")).Single()));
    }

    [Fact]
    public async Task A_database_that_differs_from_the_model_is_refused_with_the_differences()
    {
        await using var databases = new TestDatabases();
        var url = await databases.CreateAsync(Db.Sqlite, "adopt_differs");
        await EfSample.EnsureCreatedAsync(typeof(AppDbContext), url);
        var folder = EfSample.NewFolder(url, EfSample.AssemblySetting("AddColumnContext"));

        var adopt = await EfSample.CliAsync(folder, "adopt-ef");
        Assert.Equal(1, adopt.Exit);
        var line = Assert.Single(adopt.Error.Trim().Split('\n'));
        Assert.StartsWith("retort: error: The database differs from the EF Core model in 1 way(s)", line);
        Assert.EndsWith("; added column 'Customers.Nickname'", line.TrimEnd());
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "migrations", "versions")));
    }

    private static async Task ExecuteAsync(string url, string sql)
    {
        await using var connection = new Cli.Providers().Create(DatabaseUrl.Parse(url, "/"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(string url, string sql)
    {
        await using var connection = new Cli.Providers().Create(DatabaseUrl.Parse(url, "/"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
