using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>Several bases whose lines depend on each other (Alembic's MultipleBaseCrossDependencyTest*).</summary>
public sealed class CrossDependencyTests
{
    /// <summary>
    /// base1 (b_1) → a1a → b1a and base1 → a1b → b1b (depends on a3); base2 (b_2) → a2 → b2 → c2
    /// (depends on a3) → d2; base3 (b_3) → a3 → b3.
    /// </summary>
    private readonly RevisionMap one = Map(
        Full("base1", [], labels: ["b_1"]), Rev("a1a", "base1"), Rev("a1b", "base1"), Rev("b1a", "a1a"),
        Full("b1b", ["a1b"], dependsOn: ["a3"]),
        Full("base2", [], labels: ["b_2"]), Rev("a2", "base2"), Rev("b2", "a2"), Full("c2", ["b2"], dependsOn: ["a3"]),
        Rev("d2", "c2"),
        Full("base3", [], labels: ["b_3"]), Rev("a3", "base3"), Rev("b3", "a3"));

    /// <summary>
    /// base1 (b_1) → a1 → b1 → c1; base2 (b_2, depends on b_1) → a2 → b2 → c2 → d2;
    /// base3 (b_3) → a3 → b3 → c3 (depends on b2) → d3.
    /// </summary>
    private readonly RevisionMap two = Map(
        Full("base1", [], labels: ["b_1"]), Rev("a1", "base1"), Rev("b1", "a1"), Rev("c1", "b1"),
        Full("base2", [], labels: ["b_2"], dependsOn: ["b_1"]), Rev("a2", "base2"), Rev("b2", "a2"), Rev("c2", "b2"),
        Rev("d2", "c2"),
        Full("base3", [], labels: ["b_3"]), Rev("a3", "base3"), Rev("b3", "a3"), Full("c3", ["b3"], dependsOn: ["b2"]),
        Rev("d3", "c3"));

    [Fact]
    public void Dependencies_do_not_make_heads_or_bases()
    {
        Assert.Equal("b1a b1b d2 b3", Ids(one.Heads));
        Assert.Equal("base1 base2 base3", Ids(one.Bases));
        Assert.Equal(["a3"], one["c2"].Dependencies);
        Assert.Equal(["b1b", "c2", "b3"], one["a3"].AllNextRevisions);
        Assert.Equal(["b3"], one["a3"].NextRevisions);
        Assert.Equal("c1 d2 d3", Ids(two.Heads));
        Assert.Equal(["base1"], two["base2"].Dependencies);
        Assert.False(two["base2"].IsRealBase);
    }

    [Theory]
    [InlineData("base", "heads", "b1a a1a b1b a1b base1 d2 c2 b2 a2 base2 b3 a3 base3")]
    [InlineData("base", "b_2@head", "d2 c2 b2 a2 base2 a3 base3")]
    [InlineData("base", "b_3@head", "b3 a3 base3")]
    [InlineData("base", "b1b", "b1b a1b base1 a3 base3")]
    [InlineData("b_2@base", "heads", "d2 c2 b2 a2 base2 a3 base3")]
    [InlineData("b_3@base", "heads", "b3 a3 base3")]
    public void History_of_the_first_shape(string lower, string upper, string expected) =>
        Assert.Equal(expected, Ids(one.Walk(lower, upper)));

    [Fact]
    public void Upgrading_one_line_pulls_in_what_it_depends_on_first()
    {
        Assert.Equal("base3 a3 base2 a2 b2 c2 d2", Ids(one.UpgradeSteps([], "b_2@head")));
        Assert.Equal("base3 a3 base1 a1b b1b", Ids(one.UpgradeSteps([], "b1b")));
        Assert.Equal("a2 b2 c2 d2", Ids(one.UpgradeSteps(["base2", "b3"], "d2")));
    }

    [Fact]
    public void Downgrading_a_line_leaves_what_it_depends_on()
    {
        Assert.Equal("d2 c2 b2 a2 base2", Ids(one.DowngradeSteps(["d2"], "b_2@base")));
        Assert.Equal("b3 a3 base3", Ids(one.DowngradeSteps(["b3"], "base")));
        Assert.Equal("b1b a1b base1", Ids(one.DowngradeSteps(["b1b"], "b1b@base")));
        Assert.Equal("d2 c2 b2 a2 base2", Ids(one.DowngradeSteps(["b1a", "b1b", "d2", "b3"], "b_2@base")));
        Assert.Equal(
            "b1a a1a b1b a1b base1 d2 c2 b2 a2 base2 b3 a3 base3",
            Ids(one.DowngradeSteps(["b1a", "b1b", "d2", "b3"], "base")));
    }

    [Fact]
    public void Downgrading_a_dependency_takes_its_dependents_down_first()
    {
        Assert.Equal("b1b d2 c2 b3 a3 base3", Ids(one.DowngradeSteps(["b1a", "b1b", "d2", "b3"], "b_3@base")));
        Assert.Equal("b1b d2 c2 b3 a3", Ids(one.DowngradeSteps(["b1a", "b1b", "d2", "b3"], "base3")));
    }

    [Fact]
    public void A_history_range_across_lines_is_not_a_range()
    {
        Assert.Equal(
            "History range 'd2:b2' is not a line of history: 'd2' is not an ancestor of b2",
            Error(() => one.Walk("d2", "b2")));
        Assert.Equal(
            "History range 'd2:b3' is not a line of history: 'd2' is not an ancestor of b3",
            Error(() => one.Walk("d2", "b3")));
    }

    [Theory]
    [InlineData("base", "heads", "c1 b1 a1 d2 c2 d3 c3 b3 a3 base3 b2 a2 base2 base1")]
    [InlineData("base", "b_2@head", "d2 c2 b2 a2 base2 base1")]
    [InlineData("base", "b_3@head", "d3 c3 b3 a3 base3 b2 a2 base2 base1")]
    [InlineData("base", "b_1@head", "c1 b1 a1 base1")]
    [InlineData("b_1@base", "heads", "c1 b1 a1 base1")]
    [InlineData("b_2@base", "heads", "d2 c2 b2 a2 base2 base1")]
    [InlineData("b_3@base", "heads", "d3 c3 b3 a3 base3 b2 a2 base2 base1")]
    public void History_of_the_second_shape(string lower, string upper, string expected) =>
        Assert.Equal(expected, Ids(two.Walk(lower, upper)));

    [Fact]
    public void A_line_based_on_nothing_but_a_dependency()
    {
        var map = Map(Rev("base1"), Rev("a1", "base1"), Rev("b1", "a1"), Full("c2", [], dependsOn: ["a1"]), Rev("c3", "c2"));

        Assert.Equal("b1 c3 c2 a1 base1", Ids(map.Walk(null, null)));
        Assert.Equal("base1 a1 c2 c3", Ids(map.UpgradeSteps([], "c3")));
        // a1 stays, so c2 and c3 (which only depend on it) stay too.
        Assert.Equal("b1", Ids(map.DowngradeSteps(["b1", "c3"], "a1")));
        Assert.Equal("b1 c3 c2 a1", Ids(map.DowngradeSteps(["b1", "c3"], "base1")));
        Assert.Equal("c2 c3", Ids(map.UpgradeSteps(["b1"], "heads")));
    }
}
