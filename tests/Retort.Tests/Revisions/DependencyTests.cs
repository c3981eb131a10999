using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

public sealed class DependencyTests
{
    [Fact]
    public void A_revision_only_depended_on_is_an_effective_head_not_a_real_one()
    {
        var map = Map(Rev("a"), Full("b", [], dependsOn: ["a"]));

        Assert.Equal("a b", Ids(map.Heads));
        Assert.Equal("b", Ids(map.RealHeads));
        Assert.True(map["a"].IsHead);
        Assert.False(map["a"].IsRealHead);
        Assert.Equal("b", Ids(map.Resolve("heads")));
        Assert.Equal(
            "Multiple heads are present (a, b); use 'LABEL@head' for one branch, 'heads' for all, or name a revision",
            Error(() => map.Resolve("head")));
        Assert.Equal("a b", Ids(map.UpgradeSteps([], "heads")));
        Assert.Equal("b a", Ids(map.DowngradeSteps(["b"], "base")));
    }

    /// <summary>y1 (y), x1 (x), y2 → y1 depending on x1, x2 → x1 (Alembic's MultipleBranchEffectiveHead).</summary>
    [Theory]
    [InlineData("x2 y2", "x2")]
    [InlineData("x1 y2", "y2 x1")]
    [InlineData("y2", "y2 x1")]
    public void Stepping_down_a_branch_that_is_only_depended_on(string current, string expected)
    {
        var map = Map(
            Full("y1", [], labels: ["y"]), Full("x1", [], labels: ["x"]),
            Full("y2", ["y1"], dependsOn: ["x1"]), Rev("x2", "x1"));

        Assert.Equal(expected, Ids(map.DowngradeSteps(current.Split(' '), "x@-1")));
    }

    /// <summary>a1 → a2 → a3; b1 → b2 (needs a3) → b3 → b4 (needs a3) → b5 (needs b4): Alembic's NormalizedDownRevTest.</summary>
    [Fact]
    public void Dependencies_an_ancestor_already_declares_are_normalised_away()
    {
        var map = Map(
            Rev("a1"), Rev("a2", "a1"), Rev("a3", "a2"),
            Rev("b1"), Full("b2", ["b1"], dependsOn: ["a3"]), Rev("b3", "b2"),
            Full("b4", ["b3"], dependsOn: ["a3"]), Full("b5", ["b4"], dependsOn: ["b4"]));

        Assert.Equal(["a3"], map["b2"].Dependencies);
        Assert.Empty(map["b4"].Dependencies);
        Assert.Equal(["b4"], map["b5"].Dependencies);
        Assert.Equal("b5", Ids(map.RealHeads));
        Assert.Equal("a3 b5", Ids(map.Heads));
        Assert.Equal("b4 b3 b2 b1", Ids(map.DowngradeSteps(["b4"], "b1@base")));
        Assert.Equal("b5 b4 b3 b2 b1 a3 a2 a1", Ids(map.DowngradeSteps(["b5"], "base")));
        Assert.Equal("b5 b4 b3 b2 a3", Ids(map.DowngradeSteps(["b5"], "a2")));
        Assert.Equal("b5 b4 b3 b2 b1 a3 a2 a1", Ids(map.Walk(null, null)));
        Assert.Equal("b4", Ids(map.DowngradeSteps(["b4"], "b3")));
    }

    [Fact]
    public void A_dependency_on_the_own_parent_changes_nothing()
    {
        var map = Map(Rev("a1"), Full("a2", ["a1"], dependsOn: ["a1"]));

        Assert.Equal("a1 a2", Ids(map.UpgradeSteps([], "a2")));
        Assert.Equal("a2", Ids(map.DowngradeSteps(["a2"], "a1")));
        Assert.Equal("a2", Ids(map.Heads));
    }

    /// <summary>a1 → a2 → a3 (needs b1); b1 → b2 (needs a2) → b3: criss-crossing lines (Alembic's #377).</summary>
    [Fact]
    public void Criss_crossing_dependencies()
    {
        var map = Map(
            Rev("a1"), Rev("a2", "a1"), Rev("b1"), Full("b2", ["b1"], dependsOn: ["a2"]), Rev("b3", "b2"),
            Full("a3", ["a2"], dependsOn: ["b1"]));

        Assert.Equal("b2", Ids(map.DowngradeSteps(["a3", "b2"], "b1")));
        Assert.Equal("a1 a2 b1 a3 b2 b3", Ids(map.UpgradeSteps([], "heads")));
    }

    /// <summary>a1; b1 (based on nothing, needs a1); bmerge merges a1 and b1 (Alembic's #1373).</summary>
    [Fact]
    public void Merging_a_line_with_the_line_it_depends_on()
    {
        var map = Map(Rev("a1"), Full("b1", [], dependsOn: ["a1"]), Rev("bmerge", "a1", "b1"));

        Assert.Equal("b1", Ids(map.UpgradeSteps(["a1"], "b1")));
        Assert.Equal("bmerge", Ids(map.UpgradeSteps(["b1"], "bmerge")));
        Assert.Equal("bmerge", Ids(map.DowngradeSteps(["bmerge"], "a1")));
        Assert.Equal("bmerge", Ids(map.DowngradeSteps(["bmerge"], "b1")));
    }

    [Fact]
    public void Depends_on_may_name_a_branch_label_or_a_unique_partial_id()
    {
        var map = Map(
            Full("a1aaaa", [], labels: ["lib1"]), Rev("b1bbbb", "a1aaaa"), Full("c1cccc", ["b1bbbb"], labels: ["c1lib"]),
            Rev("a2aaaa"), Rev("b2bbbb", "a2aaaa"), Full("c2cccc", ["b2bbbb"], dependsOn: ["c1lib"]),
            Full("d2dddd", ["c2cccc"], dependsOn: ["a1aa"]));

        Assert.Equal(["c1cccc"], map["c2cccc"].Dependencies);
        // Alembic normalises only what an ancestor itself declares, not what that declaration implies.
        Assert.Equal(["a1aaaa"], map["d2dddd"].Dependencies);
        Assert.Equal("a1aaaa b1bbbb c1cccc b2bbbb c2cccc", Ids(map.UpgradeSteps(["a2aaaa"], "c2cccc")));
    }

    /// <summary>
    /// Three merges (a*, b*, c*) and d1, based on nothing, needing a3, b2 and c1 (Alembic's DependsOnBranchTestTwo).
    /// </summary>
    [Fact]
    public void Merges_tied_together_by_one_revision_with_several_dependencies()
    {
        var map = Map(
            Rev("a1"), Rev("a2"), Rev("a3"), Rev("amerge", "a1", "a2", "a3"),
            Rev("b1"), Rev("b2"), Rev("bmerge", "b1", "b2"),
            Rev("c1"), Rev("c2"), Rev("c3"), Rev("cmerge", "c1", "c2", "c3"),
            Full("d1", [], dependsOn: ["a3", "b2", "c1"]));

        Assert.Equal("bmerge", Ids(map.DowngradeSteps(["amerge", "bmerge", "cmerge", "d1"], "b2")));
        Assert.Equal("d1", Ids(map.DowngradeSteps(["amerge", "d1", "b1", "cmerge"], "d1@base")));
        Assert.Equal(
            "amerge a1 b1 b2 cmerge c1 a2 a3 c2 c3",
            Ids(map.DowngradeSteps(["amerge", "b1", "b2", "cmerge"], "base")));
        Assert.Equal(
            "c3 c2 b2 a3 a2 c1 d1 cmerge b1 bmerge a1 amerge",
            Ids(map.UpgradeSteps([], "heads")));
    }

    /// <summary>a → b → c, with c also based on a but needing b, and d merging b and c: a diamond with a dependency.</summary>
    [Fact]
    public void A_diamond_with_a_dependency_across_it()
    {
        var map = Map(Rev("a"), Rev("b", "a"), Full("c", ["a"], dependsOn: ["b"]), Rev("d", "b", "c"));

        Assert.Equal("a b c d", Ids(map.UpgradeSteps([], "d")));
        Assert.Equal("d", Ids(map.DowngradeSteps(["d"], "b")));
        Assert.Equal("d c b", Ids(map.DowngradeSteps(["d"], "a")));
        Assert.Equal("b c", Ids(map.UpgradeSteps(["a"], "c")));
        Assert.Equal("d c b a", Ids(map.Walk(null, null)));
    }

    /// <summary>a → b → c1 (c1branch) → d1 and b → c2 (c2branch) → d2 needing c1 (Alembic's BranchedPathTestCrossDependencies).</summary>
    [Fact]
    public void Downgrading_one_branch_takes_down_the_other_branch_that_depends_on_it()
    {
        var map = Map(
            Rev("a"), Rev("b", "a"), Full("c1", ["b"], labels: ["c1branch"]), Rev("d1", "c1"),
            Full("c2", ["b"], labels: ["c2branch"]), Full("d2", ["c2"], dependsOn: ["c1"]));

        Assert.Equal("d2 c2", Ids(map.DowngradeSteps(["d1", "d2"], "c2branch@b")));
        Assert.Equal("d1 d2 c1", Ids(map.DowngradeSteps(["d1", "d2"], "c1branch@b")));
        Assert.Equal("c1 c2 d2", Ids(map.UpgradeSteps(["b"], "d2")));
    }
}
