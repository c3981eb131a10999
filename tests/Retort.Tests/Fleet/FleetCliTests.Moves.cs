using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Retort.Tests.Fleet;

/// <summary><c>stamp --all</c>, <c>downgrade -1 --all</c> with one target failing, and <c>-n</c> naming one member of a target set.</summary>
public sealed partial class FleetCliTests
{
    private string? VersionOf(string file)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Root, "db", file)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version_num) FROM retort_version";
        return command.ExecuteScalar() as string;
    }

    private bool HasTable(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Root, "db", file)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
        return (long)command.ExecuteScalar()! == 1;
    }

    [Fact]
    public async Task Stamp_all_sets_every_version_table_without_running_a_migration_and_fails_one_target_alone()
    {
        Fleet(3);
        // A table of the version table's name that is not one: that target's stamp fails, the others' go on.
        Execute("shard_002.db", "CREATE TABLE retort_version (junk INTEGER)");

        var stamped = await Retort("stamp", "b2", "--all", "--json");

        Assert.Equal(1, stamped.ExitCode);
        var document = JsonDocument.Parse(stamped.Stdout).RootElement;
        Assert.Equal("stamp --all", document.GetProperty("command").GetString());
        Assert.Equal(1, document.GetProperty("failed").GetInt32());
        var targets = document.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["eu1", "us1", "shard_001", "shard_002", "shard_003"], targets.Keys);
        Assert.Equal("failed", targets["shard_002"].GetProperty("status").GetString());
        Assert.All(targets.Values.Where(t => t.GetProperty("name").GetString() != "shard_002"), t =>
        {
            Assert.Equal("stamped", t.GetProperty("status").GetString());
            Assert.Equal(["b2"], t.GetProperty("to").EnumerateArray().Select(r => r.GetString()));
        });
        Assert.Equal("b2", VersionOf("us1.db"));
        Assert.False(HasTable("us1.db", "t_a1"));

        // Stamped again, the same revision is no change; the summary says so per target.
        var again = await Retort("stamp", "b2", "--where", "tag=eu");
        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"\neu1 +b2 +b2 +\d\.\d\d s +unchanged\n", again.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("1 target(s) in ", again.Stdout);

        var down = await Retort("stamp", "a1", "--where", "section=shards", "--parallel", "1", "--fail-fast");
        Assert.Equal(1, down.ExitCode);
        Assert.Contains(": 1 failed, 1 skipped, 1 stamped", down.Stdout);
        Assert.Equal("a1", VersionOf("shard_001.db"));
        Assert.Equal("b2", VersionOf("shard_003.db"));
    }

    [Fact]
    public async Task Downgrade_minus_one_all_moves_each_target_back_one_and_the_failing_one_stays_at_its_revision()
    {
        Fleet(4);
        Assert.Equal(0, (await Retort("upgrade", "head", "--all")).ExitCode);
        // b2's downgrade drops t_b2, which shard_003 no longer has.
        Execute("shard_003.db", "DROP TABLE t_b2");

        var down = await Retort("downgrade", "-1", "--all", "--parallel", "3");

        Assert.Equal(1, down.ExitCode);
        Assert.Contains("6 target(s) in ", down.Stdout);
        Assert.Contains(": 5 downgraded, 1 failed", down.Stdout);
        Assert.Matches(@"\n  shard_003: .*no such table: t_b2", down.Stdout.ReplaceLineEndings("\n"));
        foreach (var file in new[] { "eu1.db", "us1.db", "shard_001.db", "shard_002.db", "shard_004.db" })
        {
            Assert.Equal("a1", VersionOf(file));
            Assert.False(HasTable(file, "t_b2"), file);
            Assert.True(HasTable(file, "t_a1"), file);
        }
        // Its downgrade rolled back whole: still at b2, with t_a1.
        Assert.Equal("b2", VersionOf("shard_003.db"));
        Assert.True(HasTable("shard_003.db", "t_a1"));

        var toBase = await Retort("downgrade", "base", "--where", "tag=eu", "--json");
        Assert.Equal(0, toBase.ExitCode);
        var eu = Assert.Single(JsonDocument.Parse(toBase.Stdout).RootElement.GetProperty("targets").EnumerateArray());
        Assert.Equal(("eu1", "downgraded", 0), (eu.GetProperty("name").GetString(), eu.GetProperty("status").GetString(), eu.GetProperty("to").GetArrayLength()));
        Assert.Null(VersionOf("eu1.db"));
    }

    [Fact]
    public async Task N_picks_one_member_of_a_target_set_by_the_name_the_summary_shows()
    {
        Fleet(12);

        var one = await Retort("upgrade", "head", "-n", "shard_007");

        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Equal(["shard_007.db"], Directory.GetFiles(Path.Combine(Root, "db"), "*.db").Select(Path.GetFileName));
        var current = await Retort("current", "-n", "shard_007");
        Assert.Equal((0, "b2 (head)\n"), (current.ExitCode, current.Stdout.ReplaceLineEndings("\n")));
        Assert.Equal(0, (await Retort("stamp", "a1", "-n", "shard_007")).ExitCode);
        Assert.Equal("a1", VersionOf("shard_007.db"));
        // A section's name still picks the section.
        Assert.Equal(0, (await Retort("upgrade", "head", "-n", "eu1")).ExitCode);
        Assert.Equal("b2", VersionOf("eu1.db"));

        var typo = await Retort("current", "-n", "shard_07");
        Assert.Equal(1, typo.ExitCode);
        Assert.Equal("retort: error: -n shard_07: no section of " + Path.Combine(Root, "retort.json") +
            " and no member of its target sets (12) is named 'shard_07'; did you mean 'shard_007', 'shard_001', 'shard_002'?", typo.Stderr.TrimEnd());
        var far = await Retort("current", "-n", "nothing-like-it");
        Assert.EndsWith("is named 'nothing-like-it'; the sections are eu1, us1, shards", far.Stderr.TrimEnd());
    }
}
