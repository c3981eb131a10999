using Retort.Tests.Live;

namespace Retort.Tests.Execution;

// Each class runs every test of LiveRunSuite on its database, and the tests of that database alone.

[RunsOn(TestDatabase.Sqlite)]
public sealed class SqliteRunTests : LiveRunSuite
{
    [DatabaseFact]
    public async Task Compiling_a_long_runs_migrations_ahead_runs_none_of_their_code_out_of_turn()
    {
        // Forty revisions start the second thread that loads their classes and compiles their Upgrade from the last one
        // back; each class's static constructor and Upgrade write a line, so anything it ran early would show out of order.
        var calls = Path.Combine(Project.Root, "calls.txt").Replace("\\", "/");
        var ids = Enumerable.Range(1, 40).Select(i => $"r{i:00}").ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            Project.Revision(ids[i], i == 0 ? [] : [ids[i - 1]],
                $"System.IO.File.AppendAllText(\"{calls}\", \"upgrade {ids[i]}\\n\"); op.CreateTable(\"t_{ids[i]}\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
                members: $"static R_{ids[i]}() => System.IO.File.AppendAllText(\"{calls}\", \"class {ids[i]}\\n\");");
        }
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(ids.SelectMany(id => new[] { $"class {id}", $"upgrade {id}" }), File.ReadAllLines(calls));
        Assert.Equal(["r40"], await VersionRowsAsync());
        Assert.Equal(ids.Select(id => $"{id} upgrade done"), await LogRowsAsync());
    }

    [DatabaseFact]
    public async Task A_tag_with_a_nul_character_is_logged_whole()
    {
        // SQLite gets the log's values as literals, which cannot hold a NUL: such a row goes with parameters.
        Project.TableRevision("a1").TableRevision("b1", "a1");
        await Project.Commands().UpgradeAsync("head", tag: "rel\01");
        Assert.Equal(["rel\01", "rel\01"], await LogRowsAsync("tag"));
    }

    [DatabaseFact]
    public async Task A_migration_recorded_ahead_of_the_run_is_replayed_not_called_again()
    {
        // SQLite records each revision's operations before the run to decide on foreign-key enforcement; a migration
        // recorded to its end is replayed from that recording, so code with side effects runs once.
        var calls = Path.Combine(Project.Root, "calls.txt").Replace("\\", "/");
        Project.Revision("a1", [], $"System.IO.File.AppendAllText(\"{calls}\", \"a1\\n\"); op.CreateTable(\"t_a1\", new Column(\"id\", SqlType.Integer, primaryKey: true));")
            .Revision("b1", ["a1"], $"System.IO.File.AppendAllText(\"{calls}\", \"b1\\n\"); _ = op.Connection; op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        await Project.Commands().UpgradeAsync("head");
        // b1 reads op.Connection, where recording stops: the run calls it again, live.
        Assert.Equal(["a1", "b1", "b1"], File.ReadAllLines(calls));
        Assert.Equal(["retort_version", "retort_version_log", "t_a1", "t_b1"], await TablesAsync());
    }
}

[RunsOn(TestDatabase.Postgresql)]
public sealed class PostgresRunTests : LiveRunSuite
{
    [DatabaseFact]
    public async Task A_concurrent_index_is_built_outside_the_run_transaction()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            "op.AddColumn(\"t_a1\", new Column(\"code\", SqlType.Integer)); op.CreateIndex(\"ix_t_a1_code\", \"t_a1\", new[] { \"code\" }, concurrently: true);",
            "op.DropIndex(\"ix_t_a1_code\", \"t_a1\", concurrently: true); op.DropColumn(\"t_a1\", \"code\");");
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(["b1"], await VersionRowsAsync());
        await Project.Commands().DowngradeAsync("a1");
        Assert.Equal(["a1"], await VersionRowsAsync());
    }
}

/// <summary>Besides the suite, the half-applied revision, which only a database whose DDL commits itself can be left with.</summary>
[RunsOn(TestDatabase.Mysql)]
public sealed partial class MariaDbRunTests : LiveRunSuite;
