using System.Diagnostics;
using Retort.Tests.Cli;
using Retort.Tests.Execution;

namespace Retort.Tests.Live;

/// <summary>
/// Retort on the three-node MariaDB Galera cluster of scripts/galera.sh: GET_LOCK holds only on the node that took it,
/// so Retort detects Galera and keeps runs apart with the lease row, which replicates. Runners are CLI processes, each
/// pointed at one node, as a fleet of deploy jobs behind a load balancer would be.
/// </summary>
public sealed class GaleraClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [LiveFact(LiveServer.Galera)]
    public async Task Six_runners_on_three_nodes_apply_each_revision_once_under_the_replicated_lease()
    {
        const string Database = "retort_galera_six";
        await using var cluster = await ClusterDatabase.CreateAsync(Database);
        using var project = new TestProject(LiveDatabase.GaleraNode(1, Database));
        string[] ids = ["a1", "b1", "c1", "d1"];
        for (var i = 0; i < ids.Length; i++)
            project.Revision(ids[i], i == 0 ? [] : [ids[i - 1]],
                // Slow enough that the runners meet at the lock.
                $"op.Execute(\"SELECT SLEEP(0.4)\"); op.CreateTable(\"t_{ids[i]}\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
                $"op.DropTable(\"t_{ids[i]}\");");
        // Compiles once, so the runners race for the lock rather than for the compile cache.
        Assert.Equal(0, (await CliProcess.RunAsync(project.Root, "upgrade", "head", "--sql")).ExitCode);

        var runs = Enumerable.Range(0, 6)
            .Select(i => CliProcess.RunAsync(project.Root, "upgrade", "head", "--url", LiveDatabase.GaleraNode(i % 3 + 1, Database)))
            .ToArray();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr));
        var stderr = string.Join("\n", results.Select(r => r.Stderr));
        Assert.Contains("(Galera) (lock table retort_version_lock)", stderr);
        Assert.Equal(4, results.Sum(r => r.Stderr.Split("Running upgrade ").Length - 1));
        for (var node = 1; node <= 3; node++)
        {
            Assert.Equal(["d1"], await cluster.ValuesAsync(node, "SELECT version_num FROM retort_version"));
            Assert.Equal(["a1 upgrade done", "b1 upgrade done", "c1 upgrade done", "d1 upgrade done"],
                await cluster.ValuesAsync(node, "SELECT CONCAT(revision, ' ', direction, ' ', status) FROM retort_version_log ORDER BY id"));
            Assert.Equal(["retort_version", "retort_version_lock", "retort_version_log", "t_a1", "t_b1", "t_c1", "t_d1"],
                await cluster.ValuesAsync(node, $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{Database}' ORDER BY table_name"));
        }
    }

    [LiveFact(LiveServer.Galera)]
    public async Task A_node_killed_mid_migration_leaves_a_state_a_rerun_on_another_node_completes_and_the_node_rejoins_in_step()
    {
        const string Database = "retort_galera_kill";
        await using var cluster = await ClusterDatabase.CreateAsync(Database);
        using var project = new TestProject(LiveDatabase.GaleraNode(2, Database));
        File.WriteAllText(Path.Combine(project.Root, "retort.json"),
            $$"""{ "scriptLocation": "migrations", "url": "{{LiveDatabase.GaleraNode(2, Database)}}", "lockLease": 3 }""");
        project.TableRevision("a1")
            .Revision("b1", ["a1"], "op.Execute(\"CREATE TABLE t_slow AS SELECT SLEEP(4) AS x\"); op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
                "op.DropTable(\"t_b1\"); op.DropTable(\"t_slow\");")
            .TableRevision("c1", "b1");
        Assert.Equal(0, (await CliProcess.RunAsync(project.Root, "upgrade", "a1")).ExitCode);

        try
        {
            using (var run = WatchedCli.Start(project.Root, "upgrade", "head"))
            {
                await run.WaitForAsync("Running upgrade a1 -> b1", Patience);
                await Task.Delay(800);
                await Galera("kill", "2");
                // The runner's node is gone: it fails with the connection, its lease left to run out.
                Assert.NotEqual(0, await run.ExitAsync(Patience));
            }

            var node3 = LiveDatabase.GaleraNode(3, Database);
            var refused = await CliProcess.RunAsync(project.Root, "upgrade", "head", "--url", node3);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("Run 'retort upgrade b1 --resume' to go on from statement 1;", refused.Stderr);
            var resumed = await CliProcess.RunAsync(project.Root, "upgrade", "b1", "--resume", "--url", node3);
            Assert.True(resumed.ExitCode == 0, resumed.Stderr);
            // Killed with its node, the statement never reached the cluster: the resume sees that and runs it again.
            Assert.Contains("it did not take effect (table t_slow is gone)", resumed.Stderr);
            var finished = await CliProcess.RunAsync(project.Root, "upgrade", "head", "--url", node3);
            Assert.True(finished.ExitCode == 0, finished.Stderr);
            Assert.Equal(["c1"], await cluster.ValuesAsync(3, "SELECT version_num FROM retort_version"));

            await Galera("start-node", "2");
            Assert.Equal(["c1"], await cluster.ValuesAsync(2, "SELECT version_num FROM retort_version"));
            Assert.Equal(await cluster.ValuesAsync(3, "SELECT CONCAT(revision, ' ', direction, ' ', status) FROM retort_version_log ORDER BY id"),
                await cluster.ValuesAsync(2, "SELECT CONCAT(revision, ' ', direction, ' ', status) FROM retort_version_log ORDER BY id"));
            var current = await CliProcess.RunAsync(project.Root, "current");
            Assert.True(current.ExitCode == 0, current.Stderr);
            Assert.Contains("c1 (head)", current.Stdout);
        }
        finally
        {
            // The other tests need all three nodes; start-node is a no-op for a running node.
            await Galera("start-node", "2");
        }
    }

    private static async Task Galera(params string[] args)
    {
        var script = Path.Combine(TestArtifacts.RepositoryRoot() ?? throw new InvalidOperationException("Not in the repository"), "scripts", "galera.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        Assert.True(process.ExitCode == 0, $"scripts/galera.sh {string.Join(' ', args)}: {await stderr}");
    }

    /// <summary>A database on the cluster, made through node 1 and read on any node.</summary>
    private sealed class ClusterDatabase(string name) : IAsyncDisposable
    {
        public static async Task<ClusterDatabase> CreateAsync(string name)
        {
            await LiveDatabase.DropDatabaseAsync(LiveServer.Galera, name);
            await LiveDatabase.CreateDatabaseAsync(LiveServer.Galera, name);
            return new ClusterDatabase(name);
        }

        public async Task<List<string>> ValuesAsync(int node, string sql)
        {
            await using var connection = TestProject.Connect(Retort.Configuration.DatabaseUrl.Parse(LiveDatabase.GaleraNode(node, name), "/"));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var values = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            return values;
        }

        public ValueTask DisposeAsync() => new(LiveDatabase.DropDatabaseAsync(LiveServer.Galera, name));
    }
}
