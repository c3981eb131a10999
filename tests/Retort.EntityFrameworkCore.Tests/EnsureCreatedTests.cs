using Sample.EfCore;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>A database EF Core's EnsureCreated made for the sample's model compares equal to that model.</summary>
[Collection("efcore")]
public sealed class EnsureCreatedTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_database_EF_created_needs_no_operation(Db db)
    {
        await using var databases = new TestDatabases();
        var url = await databases.CreateAsync(db, "created");
        await EfSample.EnsureCreatedAsync(typeof(AppDbContext), url);
        using var provider = new ProviderScope(db);
        var diff = await EfSample.Commands(EfSample.NewFolder(url, EfSample.AssemblySetting("AppDbContext"))).CompareAsync();
        Assert.Empty(diff.Upgrade.Select(OperationSummary.Describe));
    }
}

/// <summary>Sets SAMPLE_PROVIDER for the probe, which the sample's design-time factory reads, and puts it back.</summary>
internal sealed class ProviderScope : IDisposable
{
    public ProviderScope(Db db) => Environment.SetEnvironmentVariable("SAMPLE_PROVIDER", db == Db.Postgres ? "postgres" : null);

    public void Dispose() => Environment.SetEnvironmentVariable("SAMPLE_PROVIDER", null);
}
