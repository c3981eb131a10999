using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Retort.Configuration;
using Retort.Revisions;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Fleet;

/// <summary>
/// <see cref="Retort.Fleet"/> through the library: 50 PostgreSQL schemas of a target-set query (one schema per tenant, its
/// version table inside it) upgraded in one run with one made to fail, the revisions compiled once for 200 targets, the
/// connections a run holds at once, and the set's errors.
/// </summary>
public sealed class FleetTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///unused.db");
    private int _compiles;
    private int _open;
    private int _peak;
    private int _opened;

    public FleetTests() => _project.TableRevision("a1").TableRevision("b2", "a1");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _project.Dispose();
    }

    private string ConfigPath => Path.Combine(_project.Root, "retort.json");

    private void Sections(string sections) =>
        File.WriteAllText(ConfigPath, $$"""{ "scriptLocation": "migrations", "sections": { {{sections}} } }""");

    // Connections counted while open: the most a run holds at once, and how many it opens in all.
    private DbConnection Connect(DatabaseUrl url)
    {
        var connection = TestProject.Connect(url);
        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState == ConnectionState.Open)
            {
                Interlocked.Increment(ref _opened);
                var now = Interlocked.Increment(ref _open);
                int peak;
                while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
                {
                }
            }
            else if (e.OriginalState == ConnectionState.Open)
                Interlocked.Decrement(ref _open);
        };
        return connection;
    }

    private Task<MigrationSource> CountedLoad(ScriptDirectory scripts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _compiles);
        return _project.LoadAsync(scripts, cancellationToken);
    }

    private async Task<Retort.Fleet> FleetAsync(int parallel = 4, params string[] where) =>
        new(await Retort.Fleet.TargetsAsync(ConfigFile.LoadSections(ConfigPath), where, Connect), Connect, CountedLoad) { Parallel = parallel };

    [Fact]
    public async Task Two_hundred_targets_share_one_compile_and_hold_at_most_two_connections_each_running()
    {
        File.WriteAllLines(Path.Combine(_project.Root, "targets.txt"), Enumerable.Range(1, 200).Select(i => $"sqlite:///db/t{i:000}.db"));
        Directory.CreateDirectory(Path.Combine(_project.Root, "db"));
        Sections("""  "shards": { "targets": { "file": "targets.txt" } }  """);
        var finished = new List<string>();
        var fleet = new Retort.Fleet(await Retort.Fleet.TargetsAsync(ConfigFile.LoadSections(ConfigPath), [], Connect), Connect, CountedLoad)
        {
            Parallel = 4,
            Finished = (result, counts) => finished.Add($"{counts.Done}/{counts.Total} {result.Target}"),
        };

        var report = await fleet.UpgradeAsync("head");

        Assert.True(report.Succeeded, string.Join("\n", CommandText.Fleet(report)));
        Assert.Equal(1, _compiles);
        Assert.All(report.Results, r => Assert.Equal(["b2"], r.To));
        Assert.Equal(200, finished.Count);
        Assert.Equal("200/200", finished[^1].Split(' ')[0]);
        Assert.InRange(_peak, 1, 8);
        Assert.Equal(0, _open);
        Assert.Equal(new FleetCounts(200, 200, 0, 0), fleet.Counts);
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Fifty_postgres_schemas_from_a_query_upgrade_with_one_failing_and_the_rerun_takes_only_it()
    {
        var url = LiveDatabase.Url(LiveServer.Postgres);
        var prefix = $"flt{Guid.NewGuid():N}"[..11];
        var schemas = Enumerable.Range(1, 50).Select(i => $"{prefix}_{i:000}").ToList();
        await AdminAsync(url, string.Join(";", schemas.Select(s => $"CREATE SCHEMA {s}")) + $"; CREATE TABLE {prefix}_017.t_b2 (x int)");
        try
        {
            Sections($$"""
                "tenants": {
                  "url": "{{url}}",
                  "targets": { "query": "SELECT nspname FROM pg_namespace WHERE nspname LIKE '{{prefix}}\\_%' ORDER BY 1", "each": "schema" }
                }
                """);
            var fleet = await FleetAsync(parallel: 4);
            Assert.Equal(schemas, fleet.Targets.Select(t => t.Name));

            var first = await fleet.UpgradeAsync("head");

            var failed = Assert.Single(first.Results, r => r.Failed);
            Assert.Equal($"{prefix}_017", failed.Target);
            Assert.Contains("already exists", failed.Error);
            Assert.Equal(49, first.Results.Count(r => r.Status == "upgraded"));
            // Each tenant's tables and version table are in its own schema, none in public.
            Assert.Equal("b2", await ScalarAsync(url, $"SELECT version_num FROM {prefix}_001.retort_version"));
            Assert.Equal(1L, await ScalarAsync(url, $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{prefix}_050' AND table_name = 't_a1'"));
            Assert.Equal(0L, await ScalarAsync(url, $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{prefix}_017' AND table_name = 't_a1'"));
            // Unpooled: a finished tenant holds nothing open while the others run; each running one holds its lock's and its run's.
            Assert.InRange(_peak, 1, 8);
            Assert.Equal(0, _open);

            await AdminAsync(url, $"DROP TABLE {prefix}_017.t_b2");
            var rerun = await (await FleetAsync()).UpgradeAsync("head");

            Assert.True(rerun.Succeeded);
            Assert.Equal($"{prefix}_017", Assert.Single(rerun.Results, r => r.Status == "upgraded").Target);
            Assert.Equal(49, rerun.Results.Count(r => r.Status == FleetStatus.Unchanged));
            var current = await (await FleetAsync()).CurrentAsync();
            Assert.All(current.Results, r => Assert.Equal("head", r.Status));
        }
        finally
        {
            await AdminAsync(url, string.Join(";", schemas.Select(s => $"DROP SCHEMA IF EXISTS {s} CASCADE")));
        }
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task A_set_query_that_fails_and_one_that_finds_nothing_are_one_line_each()
    {
        var url = LiveDatabase.Url(LiveServer.Postgres);
        Sections($$"""  "tenants": { "url": "{{url}}", "targets": { "query": "SELECT nspname FROM no_such_table", "each": "schema" } }  """);
        var failing = await Assert.ThrowsAsync<RetortException>(() => FleetAsync());
        Assert.StartsWith($"{ConfigPath}: sections.tenants.targets.query failed on postgresql://", failing.Message);
        Assert.Contains("relation \"no_such_table\" does not exist", failing.Message);
        Assert.DoesNotContain("\n", failing.Message);

        Sections($$"""  "tenants": { "url": "{{url}}", "targets": { "query": "SELECT nspname FROM pg_namespace WHERE false", "each": "schema" } }  """);
        var empty = await Assert.ThrowsAsync<RetortException>(() => FleetAsync());
        Assert.Equal($"{ConfigPath}: sections.tenants.targets lists no databases (the query returned no rows)", empty.Message);
    }

    [Fact]
    public void A_set_with_both_query_and_file_and_schema_sets_off_postgres_are_refused()
    {
        Sections("""  "s": { "url": "sqlite:///a.db", "targets": { "query": "SELECT 1", "file": "t.txt" } }  """);
        Assert.Equal($"{ConfigPath}: 'targets' must name targets.query or targets.file, not both",
            Assert.Throws<RetortException>(() => ConfigFile.LoadSections(ConfigPath)).Message);

        Sections("""  "s": { "url": "sqlite:///a.db", "targets": { "quer": "SELECT 1" } }  """);
        Assert.Equal($"{ConfigPath}: unknown setting 'sections.s.targets.quer' (targets takes query, file, each)",
            Assert.Throws<RetortException>(() => ConfigFile.LoadSections(ConfigPath)).Message);
    }

    [Fact]
    public async Task Schema_sets_need_postgres()
    {
        File.WriteAllText(Path.Combine(_project.Root, "t.txt"), "tenant_a\n");
        Sections("""  "s": { "url": "sqlite:///a.db", "targets": { "file": "t.txt", "each": "schema" } }  """);
        var error = await Assert.ThrowsAsync<RetortException>(() => FleetAsync());
        Assert.Equal($"{ConfigPath}: sections.s.targets.each \"schema\" is for PostgreSQL, and the section's database is sqlite; list URLs with \"each\": \"url\"", error.Message);
    }

    internal static async Task AdminAsync(string url, string sql)
    {
        await using var connection = TestProject.Connect(DatabaseUrl.Parse(url, "/"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<object?> ScalarAsync(string url, string sql)
    {
        await using var connection = TestProject.Connect(DatabaseUrl.Parse(url, "/"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
