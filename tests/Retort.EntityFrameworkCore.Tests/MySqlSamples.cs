using System.Diagnostics;
using Retort.Configuration;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>
/// The MariaDB samples, one model (samples/efcore9-mysql/ShopContext.cs, ShopChanges.cs) on two providers, each run in
/// a process of its own: Pomelo 9 on EF Core 9 (samples/efcore9-mysql; EF Core 9 cannot load beside this process's EF
/// Core 10) and Oracle's MySql.EntityFrameworkCore 10 (samples/efcore10-mysql).
/// </summary>
internal static class MySqlSamples
{
    public const string Pomelo = "Sample.EfCore9";
    public const string Oracle = "Sample.EfCore10MySql";

    public static string Assembly(string sample) => Path.Combine(EfSample.RepositoryRoot, "artifacts", "bin", sample, "debug", sample + ".dll");

    /// <summary>The efCore setting naming the sample's assembly and <paramref name="context"/>.</summary>
    public static string Setting(string sample, string context) => $$"""{ "assembly": "{{Assembly(sample)}}", "context": "{{context}}" }""";

    /// <summary>Creates the database of <paramref name="context"/>'s model with EF's own EnsureCreated, in the sample's process.</summary>
    public static async Task EnsureCreatedAsync(string sample, string url, string context = "ShopContext")
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Assembly(sample), "ensure-created", DatabaseUrl.Parse(url, "/").ConnectionString, context })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0 && (await output).Trim() == "True", await output + await error);
    }
}

/// <summary>Databases of the live MariaDB (RETORT_TEST_MYSQL) for one test, named retort_efm_*, dropped at the end.</summary>
internal sealed class MariaDbDatabases : IAsyncDisposable
{
    private readonly List<string> _names = [];

    private static string Server =>
        Environment.GetEnvironmentVariable("RETORT_TEST_MYSQL") is { Length: > 0 } url ? url
        : throw new InvalidOperationException("RETORT_TEST_MYSQL is not set: this test runs against a live MariaDB (scripts/test.sh sets it)");

    /// <summary>A new, empty database's URL.</summary>
    public async Task<string> CreateAsync(string name)
    {
        var database = $"retort_efm_{name.ToLowerInvariant()}_{Environment.ProcessId}";
        await AdminAsync($"DROP DATABASE IF EXISTS {database}", $"CREATE DATABASE {database}");
        _names.Add(database);
        return new UriBuilder(Server) { Path = "/" + database }.Uri.ToString();
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

    public async ValueTask DisposeAsync()
    {
        await MySqlConnector.MySqlConnection.ClearAllPoolsAsync();
        await AdminAsync([.. _names.Select(n => $"DROP DATABASE IF EXISTS {n}")]);
    }
}
