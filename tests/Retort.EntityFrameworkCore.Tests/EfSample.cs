using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Retort.Cli;
using Retort.Configuration;
using Retort.Scripting;
using Sample.EfCore;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>A database the sample's model lives in: SQLite (a file) or PostgreSQL (a database of the live test server).</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The sample (samples/efcore, built with this test project), a Retort project folder per test pointing at its
/// assembly, and databases made by EF's own EnsureCreated. The probe cache is one folder shared by every project folder
/// (a link), so each context is probed once per dialect for the whole run.
/// </summary>
internal static class EfSample
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Project => Path.Combine(RepositoryRoot, "samples", "efcore", "Sample.EfCore.csproj");

    /// <summary>The sample's built assembly, with its deps.json and runtimeconfig.json.</summary>
    public static string Assembly => typeof(AppDbContext).Assembly.Location is var here && File.Exists(Path.ChangeExtension(here, ".runtimeconfig.json"))
        ? here
        : Path.Combine(RepositoryRoot, "artifacts", "bin", "Sample.EfCore", "debug", "Sample.EfCore.dll");

    private static readonly string SharedCache = Path.Combine(Path.GetTempPath(), $"retort-ef-cache-{Environment.ProcessId}");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Retort.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("Retort.slnx not found above the test's folder");
    }

    /// <summary>A fresh Retort project folder: <c>retort init</c>'s files and a retort.json with <paramref name="settings"/>.</summary>
    public static string NewFolder(string url, string efCore, bool sharedCache = true, string extra = "")
    {
        var folder = Directory.CreateTempSubdirectory("retort-ef-").FullName;
        Retort.Commands.Init(Path.Combine(folder, "migrations"), workingDirectory: folder);
        File.WriteAllText(Path.Combine(folder, "retort.json"), $$"""
            {
              "url": "{{url}}",
              "sqliteAutoBatch": true,
              "compareServerDefault": true,
              {{extra}}
              "model": { "efCore": {{efCore}} }
            }
            """);
        if (sharedCache)
        {
            Directory.CreateDirectory(SharedCache);
            Directory.CreateDirectory(Path.Combine(folder, ".retort", "cache"));
            Directory.CreateSymbolicLink(Path.Combine(folder, ".retort", "cache", "efcore"), SharedCache);
        }
        return folder;
    }

    /// <summary>The efCore setting naming the sample's built assembly and <paramref name="context"/>.</summary>
    public static string AssemblySetting(string context) => $$"""{ "assembly": "{{Assembly}}", "context": "{{context}}" }""";

    /// <summary>Retort's commands on <paramref name="folder"/>, loaded as the CLI loads them (the EF model hung on the compiled revisions).</summary>
    public static Commands Commands(string folder, TextWriter? log = null) =>
        new(ConfigFile.Load(Path.Combine(folder, "retort.json"), null), new Providers().Create,
            async (scripts, ct) => (await CompiledMigrationSource.LoadAsync(scripts, ct)).WithEfCoreModel(scripts.Config), log);

    /// <summary>Runs the built CLI in <paramref name="folder"/>.</summary>
    public static async Task<(int Exit, string Out, string Error)> CliAsync(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("RETORT_URL");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Creates the database of <paramref name="context"/>'s model with EF's own EnsureCreated.</summary>
    public static async Task EnsureCreatedAsync(Type context, string url)
    {
        var builder = new DbContextOptionsBuilder();
        var database = DatabaseUrl.Parse(url, "/");
        if (database.Id == Dialects.DialectId.Sqlite)
            builder.UseSqlite(database.ConnectionString);
        else
            builder.UseNpgsql(database.ConnectionString);
        await using var db = (DbContext)Activator.CreateInstance(context, builder.Options)!;
        Assert.True(await db.Database.EnsureCreatedAsync());
    }
}

/// <summary>Databases for one test: SQLite files in a temporary folder, or PostgreSQL databases named retort_ef_*, dropped at the end.</summary>
internal sealed class TestDatabases : IAsyncDisposable
{
    private readonly List<string> _postgres = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("retort-ef-db-").FullName;

    public static string Server =>
        Environment.GetEnvironmentVariable("RETORT_TEST_POSTGRES") is { Length: > 0 } url ? url
        : throw new InvalidOperationException("RETORT_TEST_POSTGRES is not set: the EF Core tests run against a live PostgreSQL (scripts/test.sh sets it)");

    /// <summary>A new, empty database's URL.</summary>
    public async Task<string> CreateAsync(Db db, string name)
    {
        if (db == Db.Sqlite)
            return $"sqlite:///{Path.Combine(_folder, name + ".db")}";
        var database = $"retort_ef_{name.ToLowerInvariant()}_{Environment.ProcessId}";
        await AdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        await AdminAsync($"CREATE DATABASE {database}");
        _postgres.Add(database);
        return new UriBuilder(Server) { Path = "/" + database }.Uri.ToString();
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(DatabaseUrl.Parse(Server, "/").ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var database in _postgres)
            await AdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        Directory.Delete(_folder, recursive: true);
    }
}
