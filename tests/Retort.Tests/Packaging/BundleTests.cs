using System.Text;
using Retort.Tests.Cli;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Packaging;

/// <summary>The runner of <c>retort bundle</c>, published once by scripts/runner.sh into a temporary folder.</summary>
public sealed class BundleRunner : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("retort-runner").FullName;

    public string Path => System.IO.Path.Combine(_root, "retort-runner");

    public async Task InitializeAsync()
    {
        // Without ReadyToRun: what is tested is the same, and the compile would add a minute to the suite.
        var publish = await PackagedFeed.RunAsync(PackagedFeed.Repository, "bash", "scripts/runner.sh", "-o", _root, "--no-ready-to-run");
        Assert.True(publish.ExitCode == 0, $"scripts/runner.sh failed:\n{publish.Output}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// <c>retort bundle</c>: one executable, copied to a folder with nothing else in it, runs the project's revisions with the
/// URL from its environment, says what the CLI says, and exits as the CLI exits.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class BundleTests(BundleRunner runner) : IClassFixture<BundleRunner>
{
    private static TestProject Project(string url)
    {
        var project = new TestProject(url).TableRevision("a1").TableRevision("b1", "a1");
        // The URL is read where the bundle runs, from its environment.
        File.WriteAllText(Path.Combine(project.Root, "retort.json"), """{ "scriptLocation": "migrations", "url": "${APP_DB}" }""");
        return project;
    }

    // Bundles the project and copies the bundle to a folder of its own; returns the folder and what bundle printed.
    private async Task<(string Folder, string Said)> BundleAsync(TestProject project, Dictionary<string, string> environment)
    {
        var bundled = await Run(project.Root, environment, "dotnet", Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll"), "bundle", "-o", "migrate", "--runner", runner.Path);
        Assert.True(bundled.ExitCode == 0, bundled.Stderr);
        // Deployed alone: no retort.json, no revision files, no SDK needed.
        var deploy = Directory.CreateTempSubdirectory("retort-deploy").FullName;
        // File.Copy keeps the executable bits.
        File.Copy(Path.Combine(project.Root, "migrate"), Path.Combine(deploy, "migrate"));
        return (deploy, bundled.Stdout);
    }

    [Fact]
    public async Task A_bundle_alone_in_a_folder_upgrades_reports_and_fails_as_the_CLI_does()
    {
        var deploy = Directory.CreateTempSubdirectory("retort-deploy-db").FullName;
        var environment = new Dictionary<string, string> { ["APP_DB"] = $"sqlite:///{deploy}/app.db" };
        using var project = Project(environment["APP_DB"]);
        var (folder, said) = await BundleAsync(project, environment);
        Assert.Matches(@"^Wrote migrate: 2 revision\(s\), head b1, \d+\.\d MB\. Run it where the database is: RETORT_URL=\.\.\. migrate upgrade head\n$", said);
        var migrate = Path.Combine(folder, "migrate");

        var upgraded = await Run(folder, environment, migrate, "upgrade", "head");
        Assert.True(upgraded.ExitCode == 0, upgraded.Stderr);
        Assert.Equal("Running upgrade  -> a1, step a1\nRunning upgrade a1 -> b1, step b1\n", upgraded.Stderr);
        var current = await Run(folder, environment, migrate, "current");
        Assert.Equal((0, "b1 (head)\n"), (current.ExitCode, current.Stdout));
        // Nothing was compiled: no cache folder beside it, and the runner carries no Roslyn.
        Assert.Equal(["migrate"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        // The single-file manifest names each file it holds.
        var held = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(runner.Path));
        Assert.Contains("Npgsql.dll", held);
        Assert.DoesNotContain("Microsoft.CodeAnalysis.dll", held);
        Assert.DoesNotContain("Microsoft.CodeAnalysis.CSharp.dll", held);

        // Offline, the same script as the CLI's, for another URL given as RETORT_URL.
        var offline = new Dictionary<string, string>(environment) { ["RETORT_URL"] = "sqlite:///other.db" };
        var bundledSql = await Run(folder, offline, migrate, "upgrade", "head", "--sql");
        var cliSql = await Run(project.Root, offline, "dotnet", Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll"), "upgrade", "head", "--sql");
        Assert.Equal(0, bundledSql.ExitCode);
        // Each script names its own run id; a bundle has no files to checksum, so its log rows carry none (as Migrator's).
        static string RunIdsOut(string sql) => System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(sql, "'[0-9a-f]{8}-[0-9a-f-]{27}'", "'RUN'"), "'[0-9a-f]{64}', [0-9]+", "NULL, NULL");
        Assert.Equal(RunIdsOut(cliSql.Stdout), RunIdsOut(bundledSql.Stdout));
        Assert.Contains("CREATE TABLE t_b1", bundledSql.Stdout);

        var unknown = await Run(folder, environment, migrate, "upgrade", "nope");
        Assert.Equal((1, "retort: error: No revision, branch label or symbol named 'nope'\n"), (unknown.ExitCode, unknown.Stderr));
        var writing = await Run(folder, environment, migrate, "revision", "-m", "x");
        Assert.Equal(2, writing.ExitCode);
        Assert.StartsWith("retort: error: unknown command 'revision' (commands: history, heads, branches, show, upgrade, downgrade, stamp, current, resolve, ensure-version, lock, verify, lint)", writing.Stderr);
        var down = await Run(folder, environment, migrate, "downgrade", "base");
        Assert.True(down.ExitCode == 0, down.Stderr);
        var atBase = await Run(folder, environment, migrate, "current");
        Assert.Equal((0, ""), (atBase.ExitCode, atBase.Stdout));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Two_bundles_started_at_once_on_one_PostgreSQL_database_apply_each_revision_once()
    {
        const string Database = "retort_bundle_jobs";
        await LiveDatabase.DropDatabaseAsync(LiveServer.Postgres, Database);
        var url = await LiveDatabase.CreateDatabaseAsync(LiveServer.Postgres, Database);
        try
        {
            var environment = new Dictionary<string, string> { ["APP_DB"] = url };
            using var project = Project(url);
            project.Revision("c1", ["b1"], "op.Execute(\"SELECT pg_sleep(1)\"); op.CreateTable(\"t_c1\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
                "op.DropTable(\"t_c1\");");
            var (folder, _) = await BundleAsync(project, environment);
            var migrate = Path.Combine(folder, "migrate");
            // Two Jobs of one deploy: the URL from the environment (as from a secret), the same executable.
            var runs = await Task.WhenAll(Run(folder, environment, migrate, "upgrade", "head"), Run(folder, environment, migrate, "upgrade", "head"));
            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
            Assert.Equal(3, runs.Sum(r => r.Stderr.Split("Running upgrade ").Length - 1));
            await using var connection = new Npgsql.NpgsqlConnection(Retort.Configuration.DatabaseUrl.Parse(url, "/").ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT string_agg(revision || ' ' || status, ',' ORDER BY id) FROM retort_version_log", connection);
            Assert.Equal("a1 done,b1 done,c1 done", await command.ExecuteScalarAsync());
        }
        finally
        {
            await LiveDatabase.DropDatabaseAsync(LiveServer.Postgres, Database);
        }
    }

    [Fact]
    public async Task A_bundle_runs_upgrade_all_over_the_targets_of_its_retort_json()
    {
        using var project = Project("sqlite:///unused.db");
        // Both targets' files are named relative to where the bundle runs; the second is a set's member, read from a file there.
        File.WriteAllText(Path.Combine(project.Root, "retort.json"), """
            { "scriptLocation": "migrations", "sections": { "one": { "url": "sqlite:///one.db", "tags": ["eu"] }, "shards": { "targets": { "file": "shards.txt" } } } }
            """);
        var (folder, _) = await BundleAsync(project, []);
        File.WriteAllText(Path.Combine(folder, "shards.txt"), "sqlite:///shard_a.db\n");
        var migrate = Path.Combine(folder, "migrate");

        var upgraded = await Run(folder, [], migrate, "upgrade", "head", "--all");

        Assert.True(upgraded.ExitCode == 0, upgraded.Stdout + upgraded.Stderr);
        Assert.Contains("2 target(s) in ", upgraded.Stdout);
        Assert.Contains(": 2 upgraded", upgraded.Stdout);
        Assert.True(File.Exists(Path.Combine(folder, "one.db")) && File.Exists(Path.Combine(folder, "shard_a.db")));
        var current = await Run(folder, [], migrate, "current", "-n", "shard_a");
        Assert.Equal((0, "b1 (head)\n"), (current.ExitCode, current.Stdout));
        var eu = await Run(folder, [], migrate, "current", "--where", "tag=eu");
        Assert.Matches(@"\none +b1 +b1 +\d\.\d\d s +head\n1 target\(s\)", eu.Stdout);
    }

    [Fact]
    public async Task A_password_in_retort_json_a_missing_runner_and_a_damaged_bundle_are_one_line_each_and_write_nothing()
    {
        using var project = new TestProject("postgresql://app:s3cret@db.example/app").TableRevision("a1");
        var cli = Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll");
        var secret = await Run(project.Root, [], "dotnet", cli, "bundle", "-o", "migrate", "--runner", runner.Path);
        Assert.Equal(1, secret.ExitCode);
        Assert.Equal($"retort: error: {Path.Combine(project.Root, "retort.json")}: url holds a password, which the bundle would carry to wherever it is copied; " +
            "write it as \"${DATABASE_URL}\" (read when the bundle runs) or leave it out and give RETORT_URL or --url at run time\n", secret.Stderr);
        Assert.False(File.Exists(Path.Combine(project.Root, "migrate")));

        File.WriteAllText(Path.Combine(project.Root, "retort.json"), """{ "scriptLocation": "migrations", "url": "${APP_DB}" }""");
        var missing = await Run(project.Root, [], "dotnet", cli, "bundle", "-o", "migrate", "--runner", "/nonexistent/retort-runner");
        Assert.Equal((1, "retort: error: No bundle runner at /nonexistent/retort-runner: build it with scripts/runner.sh (it writes artifacts/retort/runner/retort-runner), or pass --runner FILE\n"),
            (missing.ExitCode, missing.Stderr));
        Assert.False(File.Exists(Path.Combine(project.Root, "migrate")));

        var made = await Run(project.Root, new() { ["APP_DB"] = "sqlite:///app.db" }, "dotnet", cli, "bundle", "-o", "migrate", "--runner", runner.Path);
        Assert.True(made.ExitCode == 0, made.Stderr);
        var migrate = Path.Combine(project.Root, "migrate");
        var bytes = await File.ReadAllBytesAsync(migrate);
        // The payload's zip directory cut short, as by a copy that stopped.
        bytes.AsSpan(bytes.Length - 60, 40).Clear();
        await File.WriteAllBytesAsync(migrate, bytes);
        var damaged = await Run(project.Root, [], migrate, "current");
        Assert.Equal(1, damaged.ExitCode);
        Assert.StartsWith($"retort: error: {migrate}: the bundle's payload is damaged (", damaged.Stderr);
        Assert.EndsWith("); write it again with 'retort bundle'\n", damaged.Stderr);
    }

    private static Task<CliProcess.Result> Run(string directory, Dictionary<string, string> environment, string program, params string[] args) =>
        CliProcess.RunProgramAsync(program, directory, environment, args);
}

/// <summary>Tests that publish or pack from this checkout, one at a time: each builds, and two builds at once collide.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection
{
    public const string Name = "packaging";
}
