using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>
/// A DbContext registered in the application's host (<c>AddDbContext</c> in Program.cs) with no design-time factory and
/// no parameterless constructor (samples/efcore-host): the probe finds and creates it through the host, as
/// <c>dotnet ef</c> does, and a database EF created checks clean.
/// </summary>
[Collection("efcore")]
public sealed class HostedContextTests
{
    private static string Assembly => Path.Combine(EfSample.RepositoryRoot, "artifacts", "bin", "Sample.EfCoreHost", "debug", "Sample.EfCoreHost.dll");

    [Fact]
    public async Task A_context_only_the_applications_host_can_make_is_found_and_checks_clean()
    {
        var folder = Directory.CreateTempSubdirectory("retort-ef-host-").FullName;
        var db = Path.Combine(folder, "notes.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Assembly);
        start.ArgumentList.Add("ensure-created");
        start.Environment["ConnectionStrings__App"] = $"Data Source={db}";
        using (var process = Process.Start(start)!)
        {
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, output);
        }

        var project = EfSample.NewFolder($"sqlite:////{db.TrimStart('/')}", $$"""{ "assembly": "{{Assembly}}" }""", sharedCache: false);
        var diff = await EfSample.Commands(project).CompareAsync();
        Assert.Empty(diff.Upgrade.Select(OperationSummary.Describe));
        // The model did come from the context (an empty model would not compare clean against EF's tables either).
        var model = File.ReadAllText(Directory.GetFiles(Path.Combine(project, ".retort", "cache", "efcore"), "model-*.json").Single());
        Assert.Contains("\"Notebooks\"", model);
        Assert.Contains("\"IX_Notebooks_Title\"", model);

        // A change only the host's context has: the live database loses its unique index, and the comparison wants it back.
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP INDEX IX_Notebooks_Title";
            await command.ExecuteNonQueryAsync();
        }
        diff = await EfSample.Commands(project).CompareAsync();
        var create = Assert.IsType<Retort.Ops.CreateIndexOperation>(Assert.Single(diff.Upgrade));
        Assert.Equal("added index 'IX_Notebooks_Title' on 'Notebooks' (Title)", OperationSummary.Describe(create));
        Assert.True(create.Index.Unique);
        Directory.Delete(folder, recursive: true);
    }
}
