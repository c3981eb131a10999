namespace Retort.EntityFrameworkCore.Tests;

/// <summary>
/// The probe, compiled against EF Core 8, inside an application on EF Core 9 with Pomelo's MySQL provider
/// (samples/efcore9-mysql), and inside one on EF Core 10 with Oracle's MySql.EntityFrameworkCore
/// (samples/efcore10-mysql), against the live MariaDB: the database EF created checks clean, and the schema Retort
/// creates from the same model is the one EF created.
/// </summary>
[Collection("efcore")]
public sealed class MariaDbProviderTests
{
    [Theory]
    [InlineData(MySqlSamples.Pomelo, "\"EfVersion\": \"9.0.")]
    [InlineData(MySqlSamples.Oracle, "\"EfVersion\": \"10.0.")]
    public async Task A_MySQL_provider_model_checks_clean_and_builds_what_EF_builds(string sample, string efVersion)
    {
        await using var databases = new MariaDbDatabases();
        var createdUrl = await databases.CreateAsync(sample.Replace('.', '_') + "_created");
        var builtUrl = await databases.CreateAsync(sample.Replace('.', '_') + "_built");
        await MySqlSamples.EnsureCreatedAsync(sample, createdUrl);

        var folder = EfSample.NewFolder(createdUrl, MySqlSamples.Setting(sample, "ShopContext"), sharedCache: false);
        var diff = await EfSample.Commands(folder).CompareAsync();
        Assert.Empty(diff.Upgrade.Select(OperationSummary.Describe));
        Assert.Empty(diff.Warnings);
        var model = Directory.GetFiles(Path.Combine(folder, ".retort", "cache", "efcore"), "model-*.json").Single();
        Assert.Contains(efVersion, File.ReadAllText(model));

        var empty = EfSample.NewFolder(builtUrl, MySqlSamples.Setting(sample, "ShopContext"), sharedCache: false);
        var commands = EfSample.Commands(empty);
        await commands.AutogenerateAsync(new RevisionRequest("from the " + sample + " model"));
        commands.Reload();
        await commands.UpgradeAsync("heads");
        Assert.Empty(await ModelChangeTests.DifferencesAsync(createdUrl, builtUrl));
    }
}
