using Sample.EfCore;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary><c>retort check</c> on an EF Core model, run as the user runs it: one line for each mistake, and a warm run that neither builds nor probes.</summary>
[Collection("efcore")]
public sealed class CliTests
{
    [Theory]
    [InlineData("""{ "project": "no/such/folder" }""", "", "efCore.project: ", "does not exist")]
    [InlineData("ASSEMBLY", "--context Nope", "No DbContext named 'Nope' in Sample.EfCore; it has ", "Sample.EfCore.SchemasContext")]
    [InlineData("ASSEMBLY", "", "Sample.EfCore has 21 DbContexts (", "name one in model.efCore.context")]
    [InlineData("""{ "project": "P", "assembly": "A" }""", "", "'model' must name efCore.project or efCore.assembly, not both", "")]
    public async Task A_mistake_is_one_line_and_exit_2(string efCore, string option, string start, string end)
    {
        var setting = efCore == "ASSEMBLY" ? $$"""{ "assembly": "{{EfSample.Assembly}}" }""" : efCore;
        var folder = EfSample.NewFolder("sqlite:///app.db", setting);
        var (exit, _, error) = await EfSample.CliAsync(folder, ["check", .. option.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.Equal(2, exit);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(start, line);
        Assert.EndsWith(end, line.TrimEnd());
    }

    [Fact]
    public async Task A_context_on_another_provider_than_the_URL_is_one_line()
    {
        // The sample's factory picks SQLite unless SAMPLE_PROVIDER says postgres; the URL is PostgreSQL's (never reached).
        // A cache of its own: the shared one holds this context's PostgreSQL model, probed with SAMPLE_PROVIDER=postgres.
        var folder = EfSample.NewFolder("postgresql://nobody@127.0.0.1:1/none", EfSample.AssemblySetting("AppDbContext"), sharedCache: false);
        var (exit, _, error) = await EfSample.CliAsync(folder, "check");
        Assert.Equal(2, exit);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("The DbContext Sample.EfCore.AppDbContext uses Microsoft.EntityFrameworkCore.Sqlite, but the database URL is postgresql", line);
    }

    [Fact]
    public async Task A_second_check_neither_builds_nor_probes()
    {
        await using var databases = new TestDatabases();
        var url = await databases.CreateAsync(Db.Sqlite, "cached");
        await EfSample.EnsureCreatedAsync(typeof(AppDbContext), url);
        var folder = EfSample.NewFolder(url, $$"""{ "project": "{{EfSample.Project}}", "context": "AppDbContext" }""", sharedCache: false);

        var first = await EfSample.CliAsync(folder, "check");
        Assert.True(first.Exit == 0, first.Error + first.Out);
        var cache = Path.Combine(folder, ".retort", "cache", "efcore");
        var written = Directory.GetFiles(cache).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Single(written.Keys, f => Path.GetFileName(f).StartsWith("build-", StringComparison.Ordinal));
        Assert.Single(written.Keys, f => Path.GetFileName(f).StartsWith("model-", StringComparison.Ordinal));

        var second = await EfSample.CliAsync(folder, "check");
        Assert.True(second.Exit == 0, second.Error + second.Out);
        // A build would rewrite its stamp, a probe its model file.
        Assert.Equal(written, Directory.GetFiles(cache).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }
}
