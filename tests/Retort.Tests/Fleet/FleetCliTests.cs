using System.Text.Json;
using Microsoft.Data.Sqlite;
using Retort.Tests.Cli;
using Retort.Tests.Execution;

namespace Retort.Tests.Fleet;

/// <summary>
/// <c>--all</c> through the built CLI on SQLite files: 200 databases of a target-set file upgraded in one command with one
/// made to fail, the rerun, <c>current</c>, <c>check</c> and <c>--sql</c> over the fleet, <c>--where</c>,
/// <c>--fail-fast</c>, and the one-line errors of a fleet that cannot be resolved.
/// </summary>
public sealed partial class FleetCliTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///unused.db");

    public FleetCliTests()
    {
        _project.TableRevision("a1").TableRevision("b2", "a1");
        Directory.CreateDirectory(Path.Combine(Root, "db"));
    }

    private string Root => _project.Root;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _project.Dispose();
    }

    private void Config(string sections) =>
        File.WriteAllText(Path.Combine(Root, "retort.json"), $$"""{ "scriptLocation": "migrations", "sections": { {{sections}} } }""");

    // COUNT shard files listed in targets.txt, and two named sections tagged eu and us.
    private void Fleet(int count)
    {
        File.WriteAllLines(Path.Combine(Root, "targets.txt"),
            ["# one URL a line", .. Enumerable.Range(1, count).Select(i => $"sqlite:///db/shard_{i:000}.db")]);
        Config("""
            "eu1": { "url": "sqlite:///db/eu1.db", "tags": ["eu"] },
            "us1": { "url": "sqlite:///db/us1.db", "tags": ["us"] },
            "shards": { "targets": { "file": "targets.txt" }, "tags": ["shard"] }
            """);
    }

    private void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Root, "db", file)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private Task<CliProcess.Result> Retort(params string[] args) => CliProcess.RunAsync(Root, args);

    [Fact]
    public async Task Two_hundred_files_upgrade_in_one_command_one_fails_alone_and_the_rerun_applies_only_it()
    {
        Fleet(198);
        Execute("shard_117.db", "CREATE TABLE t_b2 (x INTEGER)");

        var first = await Retort("upgrade", "head", "--all", "--parallel", "4");

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("200 target(s) in ", first.Stdout);
        Assert.Contains(": 199 upgraded, 1 failed", first.Stdout);
        Assert.Matches(@"\n  shard_117: Upgrade b2 \(b2\.cs\) failed: SQLite Error 1: 'table ""?t_b2""? already exists'", first.Stdout);
        // Off a terminal, one line per finished target, numbered in finishing order.
        var lines = first.Stderr.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(200, lines.Length);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"[{i}/200]"), lines.Select(l => l.Split(' ')[0]));
        Assert.Contains(lines, l => l.StartsWith("[") && l.Contains(" shard_001 base -> b2 ", StringComparison.Ordinal) && l.EndsWith(" upgraded", StringComparison.Ordinal));

        var current = JsonDocument.Parse((await Retort("current", "--all", "--json")).Stdout).RootElement;
        Assert.Equal("current --all", current.GetProperty("command").GetString());
        var behind = current.GetProperty("targets").EnumerateArray().Where(t => t.GetProperty("status").GetString() != "head").ToList();
        Assert.Equal("shard_117", Assert.Single(behind).GetProperty("name").GetString());
        Assert.Equal(200, current.GetProperty("total").GetInt32());

        Execute("shard_117.db", "DROP TABLE t_b2");
        var rerun = await Retort("upgrade", "head", "--all", "--json");

        Assert.Equal(0, rerun.ExitCode);
        var targets = JsonDocument.Parse(rerun.Stdout).RootElement.GetProperty("targets").EnumerateArray().ToList();
        var moved = Assert.Single(targets, t => t.GetProperty("status").GetString() == "upgraded");
        Assert.Equal("shard_117", moved.GetProperty("name").GetString());
        Assert.Equal(["b2"], moved.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(199, targets.Count(t => t.GetProperty("status").GetString() == "unchanged"));
    }

    [Fact]
    public async Task Where_picks_sections_by_tag_and_fail_fast_skips_what_has_not_started()
    {
        Fleet(6);
        var eu = await Retort("upgrade", "head", "--where", "tag=eu");
        Assert.Equal(0, eu.ExitCode);
        Assert.Contains("\neu1 ", eu.Stdout);
        Assert.DoesNotContain("us1", eu.Stdout);
        Assert.False(File.Exists(Path.Combine(Root, "db", "us1.db")));

        var one = await Retort("upgrade", "head", "--where", "name=shard_004");
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("1 target(s) in ", one.Stdout);
        Assert.True(File.Exists(Path.Combine(Root, "db", "shard_004.db")));
        File.Delete(Path.Combine(Root, "db", "shard_004.db"));

        Execute("shard_001.db", "CREATE TABLE t_a1 (x INTEGER)");
        var fast = await Retort("upgrade", "head", "--where", "section=shards", "--parallel", "1", "--fail-fast");
        Assert.Equal(1, fast.ExitCode);
        Assert.Contains("6 target(s) in ", fast.Stdout);
        Assert.Contains(": 5 skipped, 1 failed", fast.Stdout);
        Assert.False(File.Exists(Path.Combine(Root, "db", "shard_002.db")));
    }

    [Fact]
    public async Task Sql_all_prints_one_script_per_target_under_its_name()
    {
        Fleet(2);
        var result = await Retort("upgrade", "head", "--sql", "--all");

        Assert.Equal(0, result.ExitCode);
        var stdout = result.Stdout.ReplaceLineEndings("\n");
        Assert.Equal(["-- target: eu1", "-- target: us1", "-- target: shard_001", "-- target: shard_002"],
            stdout.Split('\n').Where(l => l.StartsWith("-- target: ", StringComparison.Ordinal)));
        Assert.Equal(4, stdout.Split("CREATE TABLE t_b2").Length - 1);
        Assert.Contains("4 target(s) in ", result.Stderr);
        Assert.False(File.Exists(Path.Combine(Root, "db", "eu1.db")));
    }

    [Fact]
    public async Task Check_all_exits_1_when_a_target_differs_from_the_model_and_names_it()
    {
        Fleet(2);
        File.WriteAllText(Path.Combine(Root, "Model.cs"), """
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            namespace App;
            [Table("t_a1")] public class A { [Key, Column("id")] public int Id { get; set; } }
            [Table("t_b2")] public class B { [Key, Column("id")] public int Id { get; set; } }
            """);
        var config = File.ReadAllText(Path.Combine(Root, "retort.json"));
        File.WriteAllText(Path.Combine(Root, "retort.json"), config.Replace("\"scriptLocation\": \"migrations\",", "\"scriptLocation\": \"migrations\", \"model\": { \"sources\": [\"Model.cs\"] },"));
        Assert.Equal(0, (await Retort("upgrade", "head", "--all")).ExitCode);
        Execute("us1.db", "CREATE TABLE extra (id INTEGER PRIMARY KEY)");

        var check = await Retort("check", "--all");

        Assert.True(check.ExitCode == 1, check.Stdout + check.Stderr);
        Assert.Matches("\nus1: new upgrade operations detected \\(1\\):\n  .*'extra'", check.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains(": 3 clean, 1 changed", check.Stdout);
    }

    [Theory]
    [InlineData("upgrade head --all -n eu1", "retort: error: -n picks one section and --all runs them all; for part of the fleet use --where section=eu1 or --where tag=NAME")]
    [InlineData("upgrade head --where tag=asia", "retort: error: --where tag=asia: no section has tag 'asia'; the tags are eu, shard, us")]
    [InlineData("current --where region=eu", "retort: error: --where takes tag=NAME, section=NAME or name=TARGET, not 'region=eu'")]
    [InlineData("current --where name=shard_009", "retort: error: --where name=shard_009: no target is named 'shard_009' (there are 4: eu1, us1, shard_001, shard_002)")]
    [InlineData("upgrade head --all --url sqlite:///x.db", "retort: error: --url names one database and --all runs those retort.json names; leave one of them out")]
    [InlineData("upgrade head -n shards", "retort: error: Section 'shards' stands for a set of databases (targets.file); run it with --all --where section=shards")]
    [InlineData("upgrade head --parallel 2", "retort: error: --parallel and --fail-fast are for --all (see 'retort upgrade --help')")]
    [InlineData("upgrade head --all --parallel 0", "retort: error: --parallel takes 1 or more, not 0 (see 'retort upgrade --help')")]
    [InlineData("stamp a1 --all --sql", "retort: error: --sql is for one database's stamp; --all stamps each database of the fleet (see 'retort stamp --help')")]
    public async Task Bad_fleet_input_is_one_line(string args, string error)
    {
        Fleet(2);
        var result = await Retort(args.Split(' '));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(error, result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task A_missing_file_and_an_empty_set_are_one_line()
    {
        Config("""  "shards": { "targets": { "file": "nowhere.txt" } }  """);
        var missing = await Retort("upgrade", "head", "--all");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"retort: error: {Path.Combine(Root, "retort.json")}: sections.shards.targets.file: {Path.Combine(Root, "nowhere.txt")} does not exist", missing.Stderr.TrimEnd());

        File.WriteAllText(Path.Combine(Root, "nowhere.txt"), "# none yet\n");
        var empty = await Retort("current", "--all");
        Assert.Equal($"retort: error: {Path.Combine(Root, "retort.json")}: sections.shards.targets lists no databases ({Path.Combine(Root, "nowhere.txt")} has no lines)", empty.Stderr.TrimEnd());
    }
}
