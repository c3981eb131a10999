using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>Alembic's order on wider graphs: depth first along a branch, each branch point after all its branches.</summary>
public sealed class TraversalOrderTests
{
    /// <summary>a1 → a2 → a3 → b1/b2 → … with db1 branching again and a merge of e2b1 and e2b2 (Alembic's BranchTravellingTest).</summary>
    private readonly RevisionMap travelling = Map(
        Rev("a1"), Rev("a2", "a1"), Rev("a3", "a2"), Rev("b1", "a3"), Rev("b2", "a3"),
        Rev("cb1", "b1"), Rev("cb2", "b2"), Rev("db1", "cb1"), Rev("db2", "cb2"),
        Rev("e1b1", "db1"), Rev("fe1b1", "e1b1"), Rev("e2b1", "db1"), Rev("e2b2", "db2"), Rev("merge", "e2b1", "e2b2"));

    /// <summary>a → b1, b2; b1 → cb1 → d1cb1, d2cb1; b2 → cb2 → d1cb2, d2cb2, d3cb2; d1d2cb2 merges d1cb2 and d2cb2.</summary>
    private readonly RevisionMap multiple = Map(
        Rev("a"), Rev("b1", "a"), Rev("b2", "a"), Rev("cb1", "b1"), Rev("cb2", "b2"),
        Rev("d1cb1", "cb1"), Rev("d2cb1", "cb1"), Rev("d1cb2", "cb2"), Rev("d2cb2", "cb2"), Rev("d3cb2", "cb2"),
        Rev("d1d2cb2", "d1cb2", "d2cb2"));

    /// <summary>Three bases; base1 forks, base3's line merges with base2's (Alembic's MultipleBaseTest).</summary>
    private readonly RevisionMap forest = Map(
        Rev("base1"), Rev("base2"), Rev("base3"), Rev("a1a", "base1"), Rev("a1b", "base1"), Rev("a2", "base2"),
        Rev("a3", "base3"), Rev("b1a", "a1a"), Rev("b1b", "a1b"), Rev("b2", "a2"), Rev("b3", "a3"), Rev("c2", "b2"),
        Rev("d2", "c2"), Rev("mergeb3d2", "b3", "d2"));

    [Theory]
    [InlineData("a1", "merge", "merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2 a1")]
    [InlineData("b1", "merge", "merge e2b1 db1 cb1 b1")]
    [InlineData("a2", "merge", "merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2")]
    [InlineData("base", "fe1b1", "fe1b1 e1b1 db1 cb1 b1 a3 a2 a1")]
    [InlineData("a3", "heads", "fe1b1 e1b1 merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3")]
    [InlineData("a1", "heads", "fe1b1 e1b1 merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2 a1")]
    public void Branches_are_walked_to_their_branch_point_before_going_below_it(string lower, string upper, string expected) =>
        Assert.Equal(expected, Ids(travelling.Walk(lower, upper)));

    [Fact]
    public void Upgrading_to_a_merge_fills_in_the_branch_not_yet_applied()
    {
        Assert.Equal("b2 cb2 db2 e2b2 e2b1 merge", Ids(travelling.UpgradeSteps(["db1"], "merge")));
        Assert.Equal("db2 e2b2 db1 e2b1 merge e1b1 fe1b1", Ids(travelling.UpgradeSteps(["cb1", "cb2"], "heads")));
    }

    [Fact]
    public void Overlapping_targets_or_current_revisions_are_refused()
    {
        Assert.Equal(
            "Requested revisions overlap: 'db1' is an ancestor of 'fe1b1'",
            Error(() => travelling.Walk("base", "current", ["db1", "b2", "fe1b1"])));
        Assert.Equal(
            "Current revisions overlap: 'cb1' is an ancestor of 'e1b1'",
            Error(() => travelling.UpgradeSteps(["cb1", "e1b1"], "heads")));
        Assert.Equal(
            "Requested revisions overlap: 'a2' is an ancestor of 'b2'",
            Error(() => forest.Walk("current", "c2", ["a2", "b2"])));
    }

    [Theory]
    [InlineData("a", "d1d2cb2", "d1d2cb2 d1cb2 d2cb2 cb2 b2 a")]
    [InlineData("a", "d3cb2", "d3cb2 cb2 b2 a")]
    [InlineData("base", "d3cb2", "d3cb2 cb2 b2 a")]
    public void History_from_one_head(string lower, string upper, string expected) =>
        Assert.Equal(expected, Ids(multiple.Walk(lower, upper)));

    [Theory]
    [InlineData("a", "d2cb2 d3cb2", "d2cb2 d3cb2 cb2 b2 a")]
    [InlineData("base", "d3cb2 cb1", "cb1 b1 d3cb2 cb2 b2 a")]
    [InlineData("b2", "d1cb1 d2cb2 d3cb2", "d2cb2 d3cb2 cb2 b2")]
    public void History_from_several_current_heads(string lower, string current, string expected) =>
        Assert.Equal(expected, Ids(multiple.Walk(lower, "current", current.Split(' '))));

    [Fact]
    public void A_branch_grown_from_an_interior_revision()
    {
        // a → b1 → c1 → d11, d12 and a → b2: b2 and d12 branch off below the heads (a splice).
        var map = Map(Rev("a"), Rev("b1", "a"), Rev("b2", "a"), Rev("c1", "b1"), Rev("d11", "c1"), Rev("d12", "c1"));

        Assert.Equal("b2 d11 d12 c1 b1 a", Ids(map.Walk(null, null)));
        Assert.Equal("b2 d11 d12", Ids(map.Heads));
        Assert.Equal("d12", Ids(map.UpgradeSteps(["d11", "b2"], "d12")));
        Assert.Equal("b2", Ids(map.DowngradeSteps(["b2", "d11", "d12"], "b2@a")));
        Assert.Equal("d11 d12 c1 b1", Ids(map.DowngradeSteps(["b2", "d11", "d12"], "d11@a")));
        Assert.Equal("d11 d12 c1", Ids(map.DowngradeSteps(["b2", "d11", "d12"], "b1")));
        Assert.Equal("d12", Ids(map.DowngradeSteps(["b2", "d11", "d12"], "d12@c1")));
    }

    [Fact]
    public void Several_bases_walk_each_tree_in_file_order()
    {
        Assert.Equal(
            "b1a a1a b1b a1b base1 mergeb3d2 b3 a3 base3 d2 c2 b2 a2 base2",
            Ids(forest.Walk(null, null)));
        Assert.Equal("mergeb3d2 d2 c2", Ids(forest.Walk("c2", "heads")));
        Assert.Equal("b3 a3 base3", Ids(forest.Walk("base3", "b3")));
        Assert.Equal(
            "d2 base3 a3 b3 mergeb3d2 base1 a1b b1b a1a b1a",
            Ids(forest.UpgradeSteps(["c2"], "heads")));
        Assert.Equal("base1 base2 base3", Ids(forest.Bases));
    }

    [Fact]
    public void Two_independent_trees_upgrade_the_later_file_first()
    {
        // Alembic's ForestTest: the order is Alembic's topological order, reversed.
        var map = Map(Rev("a1"), Rev("b1", "a1"), Rev("a2"), Rev("b2", "a2"));

        Assert.Equal("a2 b2 a1 b1", Ids(map.UpgradeSteps([], "heads")));
        Assert.Equal("b1 a1 b2 a2", Ids(map.DowngradeSteps(["b1", "b2"], "base")));
        Assert.Equal("b2 a2", Ids(map.DowngradeSteps(["b1", "b2"], "b2@base")));
    }
}
