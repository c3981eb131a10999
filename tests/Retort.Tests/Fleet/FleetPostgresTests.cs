using Npgsql;
using Retort.Configuration;
using Retort.Tests.Cli;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Fleet;

/// <summary>
/// A schema set on PostgreSQL whose schemas share one pool of connections: each connection put in its schema as it opens,
/// none seeing another schema's version table; <c>-n</c> on a member; and Ctrl+C in the middle of <c>upgrade head --all</c>
/// run as a process.
/// </summary>
public sealed class FleetPostgresTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///unused.db");
    private readonly string _url = LiveDatabase.Find(LiveServer.Postgres) ?? "";
    private readonly string _prefix = $"fp{Guid.NewGuid():N}"[..10];
    private readonly List<string> _schemas = [];

    public void Dispose()
    {
        if (_schemas.Count > 0)
            FleetTests.AdminAsync(_url, string.Join(";", _schemas.Select(s => $"DROP SCHEMA IF EXISTS {s} CASCADE"))).GetAwaiter().GetResult();
        _project.Dispose();
    }

    private string ConfigPath => Path.Combine(_project.Root, "retort.json");

    // COUNT empty schemas, listed by the section's query.
    private async Task SchemasAsync(int count)
    {
        _schemas.AddRange(Enumerable.Range(1, count).Select(i => $"{_prefix}_{i}"));
        await FleetTests.AdminAsync(_url, string.Join(";", _schemas.Select(s => $"CREATE SCHEMA {s}")));
        File.WriteAllText(ConfigPath, $$"""
            { "scriptLocation": "migrations", "sections": { "tenants": {
              "url": "{{_url}}",
              "targets": { "query": "SELECT nspname FROM pg_namespace WHERE nspname LIKE '{{_prefix}}\\_%' ORDER BY 1", "each": "schema" } } } }
            """);
    }

    private async Task<string?> VersionAsync(string schema) =>
        (long)(await FleetTests.ScalarAsync(_url, $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema}' AND table_name = 'retort_version'"))! == 0
            ? null
            : await FleetTests.ScalarAsync(_url, $"SELECT string_agg(version_num, ',') FROM {schema}.retort_version") as string;

    private async Task<bool> HasTableAsync(string schema, string table) =>
        (long)(await FleetTests.ScalarAsync(_url, $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema}' AND table_name = '{table}'"))! == 1;

    [LiveFact(LiveServer.Postgres)]
    public async Task Schemas_share_one_pool_and_never_see_each_others_version_table()
    {
        _project.TableRevision("a1").TableRevision("b2", "a1");
        await SchemasAsync(3);
        var sections = ConfigFile.LoadSections(ConfigPath);
        var targets = await Retort.Fleet.TargetsAsync(sections, [], TestProject.Connect);
        // One connection string for every schema, pooled: the set's query and each target draw on one pool.
        Assert.Single(targets.Select(t => DatabaseUrl.From(t.Config).ConnectionString).Distinct());
        Assert.Equal(DatabaseUrl.From(sections[0].Config).ConnectionString, DatabaseUrl.From(targets[0].Config).ConnectionString);

        // The middle schema alone, picked as -n picks it; its connections go back to the pool in its search_path.
        var middle = await Retort.Fleet.FindAsync(sections, $"{_prefix}_2", TestProject.Connect);
        Assert.Equal(["b2"], await new Commands(middle.Config, TestProject.Connect, _project.LoadAsync).UpgradeAsync("head"));

        // One at a time, so that each schema's run takes the connection the one before gave back.
        var fleet = new Retort.Fleet(targets, TestProject.Connect, _project.LoadAsync) { Parallel = 1 };
        var current = await fleet.CurrentAsync();
        Assert.Equal([(null, "behind"), ("b2", "head"), (null, "behind")],
            current.Results.Select(r => (r.From.Count == 0 ? null : string.Join(",", r.From), r.Status)));
        var upgraded = await fleet.UpgradeAsync("head");
        Assert.Equal(["upgraded", "unchanged", "upgraded"], upgraded.Results.Select(r => r.Status));
        var stamped = await fleet.StampAsync(["a1"]);
        Assert.Equal(["stamped", "stamped", "stamped"], stamped.Results.Select(r => r.Status));
        foreach (var schema in _schemas)
        {
            Assert.Equal("a1", await VersionAsync(schema));
            Assert.True(await HasTableAsync(schema, "t_b2"), schema);
        }
        Assert.False(await HasTableAsync("public", $"t_b2"));
        // A pooled connection handed to someone else is back in the server's search_path, not the last schema's.
        await using var pooled = TestProject.Connect(DatabaseUrl.From(sections[0].Config));
        await pooled.OpenAsync();
        await using var show = pooled.CreateCommand();
        show.CommandText = "SHOW search_path";
        Assert.DoesNotContain(_prefix, (string)(await show.ExecuteScalarAsync())!);
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Ctrl_C_in_upgrade_all_cancels_what_is_unfinished_leaves_no_schema_half_applied_and_the_rerun_finishes()
    {
        // b2 runs for 0.6 s, in two statements around the sleep: cut anywhere, its schema must be at a1 or b2 whole.
        _project.TableRevision("a1").Revision("b2", ["a1"],
            "op.CreateTable(\"t_b2\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.Execute(\"SELECT pg_sleep(0.6)\"); " +
            "op.CreateTable(\"t_b2x\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
            "op.DropTable(\"t_b2x\"); op.DropTable(\"t_b2\");");
        await SchemasAsync(6);

        using (var run = WatchedCli.Start(_project.Root, "upgrade", "head", "--all", "--parallel", "2"))
        {
            await run.WaitForAsync("[2/6]", TimeSpan.FromSeconds(30));
            await run.SignalAsync("INT");
            Assert.True(await run.ExitAsync(TimeSpan.FromSeconds(30)) == 1, run.Stdout + run.Stderr);
            var summary = run.Stdout.ReplaceLineEndings("\n");
            Assert.Contains("6 target(s) in ", summary);
            var rows = summary.Split('\n').Where(l => l.StartsWith(_prefix, StringComparison.Ordinal)).ToList();
            Assert.Equal(6, rows.Count);
            // What had not finished is cancelled (running or not yet started); nothing is reported failed.
            Assert.InRange(rows.Count(r => r.EndsWith(" cancelled", StringComparison.Ordinal)), 2, 4);
            Assert.All(rows, r => Assert.True(r.EndsWith(" upgraded", StringComparison.Ordinal) || r.EndsWith(" cancelled", StringComparison.Ordinal), r));
        }
        foreach (var schema in _schemas)
        {
            // Each schema at a revision of the chain, its tables just those of that revision.
            var version = await VersionAsync(schema);
            Assert.Contains(version, new string?[] { null, "a1", "b2" });
            Assert.Equal(version is "a1" or "b2", await HasTableAsync(schema, "t_a1"));
            Assert.Equal(version is "b2", await HasTableAsync(schema, "t_b2"));
            Assert.Equal(version is "b2", await HasTableAsync(schema, "t_b2x"));
        }

        var rerun = await CliProcess.RunAsync(_project.Root, "upgrade", "head", "--all", "--parallel", "6");
        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        foreach (var schema in _schemas)
            Assert.Equal("b2", await VersionAsync(schema));
    }
}
