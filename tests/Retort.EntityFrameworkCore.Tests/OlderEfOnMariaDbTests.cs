using System.Diagnostics;
using Retort.Configuration;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>
/// The probe, compiled against EF Core 8, inside an application on EF Core 9 with Pomelo's MySQL provider
/// (samples/efcore9-mysql), against the live MariaDB: the database EF created checks clean, and the schema Retort
/// creates from the same model is the one EF created.
/// </summary>
[Collection("efcore")]
public sealed class OlderEfOnMariaDbTests
{
    private static string Server =>
        Environment.GetEnvironmentVariable("RETORT_TEST_MYSQL") is { Length: > 0 } url ? url
        : throw new InvalidOperationException("RETORT_TEST_MYSQL is not set: this test runs against a live MariaDB (scripts/test.sh sets it)");

    private static string Assembly => Path.Combine(EfSample.RepositoryRoot, "artifacts", "bin", "Sample.EfCore9", "debug", "Sample.EfCore9.dll");

    [Fact]
    public async Task An_EF_Core_9_Pomelo_model_checks_clean_and_builds_what_EF_builds()
    {
        var created = $"retort_ef9_created_{Environment.ProcessId}";
        var built = $"retort_ef9_built_{Environment.ProcessId}";
        var createdUrl = UrlOf(created);
        var builtUrl = UrlOf(built);
        try
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {created}", $"DROP DATABASE IF EXISTS {built}", $"CREATE DATABASE {built}");
            var connection = DatabaseUrl.Parse(createdUrl, "/").ConnectionString;
            await EnsureCreatedAsync(connection);
            Environment.SetEnvironmentVariable("SAMPLE_CONNECTION", connection);

            var folder = EfSample.NewFolder(createdUrl, $$"""{ "assembly": "{{Assembly}}" }""", sharedCache: false);
            var diff = await EfSample.Commands(folder).CompareAsync();
            Assert.Empty(diff.Upgrade.Select(OperationSummary.Describe));
            var model = Directory.GetFiles(Path.Combine(folder, ".retort", "cache", "efcore"), "model-*.json").Single();
            Assert.Contains("\"EfVersion\": \"9.0.", File.ReadAllText(model));

            var empty = EfSample.NewFolder(builtUrl, $$"""{ "assembly": "{{Assembly}}" }""", sharedCache: false);
            var commands = EfSample.Commands(empty);
            await commands.AutogenerateAsync(new RevisionRequest("from the EF Core 9 model"));
            commands.Reload();
            await commands.UpgradeAsync("heads");
            Assert.Empty(await ModelChangeTests.DifferencesAsync(createdUrl, builtUrl));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SAMPLE_CONNECTION", null);
            await MySqlConnector.MySqlConnection.ClearAllPoolsAsync();
            await AdminAsync($"DROP DATABASE IF EXISTS {created}", $"DROP DATABASE IF EXISTS {built}");
        }
    }

    private static string UrlOf(string database) => new UriBuilder(Server) { Path = "/" + database }.Uri.ToString();

    // EF Core 9 cannot load beside this process's EF Core 10: the sample creates its database in a process of its own.
    private static async Task EnsureCreatedAsync(string connection)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Assembly);
        start.ArgumentList.Add("ensure-created");
        start.ArgumentList.Add(connection);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0 && output.Trim() == "True", output + error);
    }

    private static async Task AdminAsync(params string[] statements)
    {
        await using var connection = new MySqlConnector.MySqlConnection(DatabaseUrl.Parse(Server, "/").ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new MySqlConnector.MySqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
