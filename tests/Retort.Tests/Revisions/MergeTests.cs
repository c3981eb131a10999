using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

public sealed class MergeTests
{
    /// <summary>a → b1, b2 → c (merge) → d: Alembic's DiamondTest.</summary>
    private readonly RevisionMap diamond = Map(Rev("a"), Rev("b1", "a"), Rev("b2", "a"), Rev("c", "b1", "b2"), Rev("d", "c"));

    /// <summary>
    /// a → b → c1 → d1 and b → c2 → d2 (label c2branch), merged by e, then f: Alembic's MergedPathTest.
    /// </summary>
    private readonly RevisionMap merged = Map(
        Rev("a"), Rev("b", "a"), Rev("c1", "b"), Rev("d1", "c1"),
        Full("c2", ["b"], labels: ["c2branch"]), Rev("d2", "c2"), Rev("e", "d1", "d2"), Rev("f", "e"));

    [Fact]
    public void A_diamond_walks_both_sides_before_the_branch_point()
    {
        Assert.Equal("d c b1 b2 a", Ids(diamond.Walk("a", "d")));
        Assert.Equal("a b2 b1 c d", Ids(diamond.UpgradeSteps([], "head")));
        Assert.Equal("d c b1 b2", Ids(diamond.DowngradeSteps(["d"], "a")));
        Assert.True(diamond["c"].IsMergePoint);
        Assert.True(diamond["a"].IsBranchPoint);
    }

    [Fact]
    public void A_merge_point_waits_for_every_parent()
    {
        Assert.Equal("b2 c", Ids(diamond.UpgradeSteps(["b1"], "c")));
        Assert.Equal("b1 c d", Ids(diamond.UpgradeSteps(["b2"], "d")));
    }

    [Fact]
    public void Downgrading_to_one_parent_of_a_merge_undoes_the_merge_only()
    {
        Assert.Equal("c", Ids(diamond.DowngradeSteps(["c"], "b1")));
        Assert.Equal("d c", Ids(diamond.DowngradeSteps(["d"], "b2")));
    }

    [Fact]
    public void Minus_one_from_a_merge_point_names_its_parents()
    {
        Assert.Equal(
            "'-1' is ambiguous: 'c' is a merge point of b1, b2; name one of them instead",
            Error(() => diamond.DowngradeSteps(["c"], "-1")));
        Assert.Equal(
            "'d-2' is ambiguous: 'c' is a merge point of b1, b2; name one of them instead",
            Error(() => diamond.Resolve("d-2")));
        Assert.Equal(
            "'a+1' is ambiguous: 'a' branches into b1, b2; name one of them or use a branch label",
            Error(() => diamond.Resolve("a+1")));
    }

    [Fact]
    public void Upgrading_across_a_merge_runs_each_branch_then_the_merge()
    {
        Assert.Equal("c2 d2 c1 d1 e f", Ids(merged.UpgradeSteps(["b"], "f")));
        Assert.Equal("f e d1 c1 d2 c2", Ids(merged.DowngradeSteps(["f"], "b")));
        Assert.Equal("e f", Ids(merged.UpgradeSteps(["d1", "d2"], "head")));
        Assert.Equal("c1 d1 e", Ids(merged.UpgradeSteps(["d2"], "e")));
    }

    [Fact]
    public void A_label_follows_its_branch_through_the_merge_but_not_below_the_branch_point()
    {
        Assert.Equal(["c2branch"], merged["f"].BranchLabels);
        Assert.Equal(["c2branch"], merged["e"].BranchLabels);
        Assert.Empty(merged["d1"].BranchLabels);
        Assert.Empty(merged["b"].BranchLabels);
        Assert.Equal("f", Ids(merged.Resolve("c2branch@head")));
        Assert.Equal("b", Ids(merged.Resolve("c2branch@b")));
        Assert.Equal("Revision 'd1' is not a member of branch 'c2branch'", Error(() => merged.Resolve("c2branch@d1")));
        Assert.Equal("f e d1 c1 d2 c2 b a", Ids(merged.Walk("c2branch@base", null)));
    }

    /// <summary>Three lines a*, b*, c* merged by d1, while c2 and c3 also go on (Alembic's BranchFrom3WayMergepointTest).</summary>
    [Fact]
    public void A_three_way_merge_with_lines_going_on_past_it()
    {
        var map = Map(
            Rev("a1"), Rev("b1", "a1"), Rev("c1", "b1"),
            Rev("a2"), Rev("b2", "a2"), Rev("c2", "b2"),
            Rev("a3"), Rev("b3", "a3"), Rev("c3", "b3"),
            Rev("d1", "c1", "c2", "c3"), Rev("d2", "c2"), Rev("d3", "c3"));

        Assert.Equal("d1 d2 d3", Ids(map.Heads));
        Assert.Equal("a1 a2 a3", Ids(map.Bases));
        Assert.Equal("c1 d1", Ids(map.UpgradeSteps(["d3", "d2", "b1"], "d1")));
        Assert.Equal("d1 c1", Ids(map.DowngradeSteps(["d3", "d2", "d1"], "b1")));
        Assert.Equal("c2 c1 d1", Ids(map.UpgradeSteps(["d3", "b2", "b1"], "d1")));
        Assert.Equal("d2", Ids(map.UpgradeSteps(["d3", "d1"], "d2")));
        Assert.Equal(
            "a3 b3 c3 a2 b2 c2 d3 d2 a1 b1 c1 d1",
            Ids(map.UpgradeSteps([], "heads")));
        Assert.Equal(
            "'d1@-1' is ambiguous: 'd1' is a merge point of c1, c2, c3; name one of them instead",
            Error(() => map.DowngradeSteps(["d1", "d2", "d3"], "d1@-1")));
    }

    /// <summary>A line that branches off from a merged line (Alembic's BranchFromMergepointTest).</summary>
    [Fact]
    public void A_branch_leaving_a_line_that_also_feeds_a_merge()
    {
        var map = Map(
            Rev("a1"), Rev("b1", "a1"), Rev("c1", "b1"),
            Rev("a2"), Rev("b2", "a2"), Rev("c2", "b2"),
            Rev("d1", "c1", "c2"), Rev("d2", "c2"));

        Assert.Equal("c1 d1", Ids(map.UpgradeSteps(["d2", "b1"], "d1")));
        Assert.Equal("d1 c1", Ids(map.DowngradeSteps(["d2", "d1"], "b1")));
        Assert.Equal("d1 c1 b1 a1 d2 c2 b2 a2", Ids(map.Walk(null, null)));
    }

    /// <summary>Two merge points of the same three branches (Alembic's TwinMergeTest, #297).</summary>
    [Fact]
    public void Twin_merges_of_the_same_branches()
    {
        var map = Map(
            Rev("a"), Rev("b1", "a"), Rev("b2", "a"), Rev("b3", "a"),
            Rev("c1", "b1", "b2", "b3"), Rev("c2", "b1", "b2", "b3"), Rev("d1", "c1"), Rev("d2", "c2"));

        Assert.Equal("b3 b2 b1 c2 d2 c1 d1", Ids(map.UpgradeSteps(["a"], "heads")));
        Assert.Equal("d1 c1", Ids(map.DowngradeSteps(["d1", "d2"], "c1@b1")));
        Assert.Equal("d1 c1 d2 c2 b1 b2 b3", Ids(map.DowngradeSteps(["d1", "d2"], "a")));
    }
}
