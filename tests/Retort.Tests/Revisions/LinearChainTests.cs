using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>a → b → c → d → e (Alembic's RevisionPathTest).</summary>
public sealed class LinearChainTests
{
    private readonly RevisionMap map = Map(Rev("a"), Rev("b", "a"), Rev("c", "b"), Rev("d", "c"), Rev("e", "d"));

    [Fact]
    public void A_chain_has_one_head_and_one_base()
    {
        Assert.Equal("e", Ids(map.Heads));
        Assert.Equal("e", Ids(map.RealHeads));
        Assert.Equal("a", Ids(map.Bases));
        Assert.Equal(["b"], map["a"].NextRevisions);
    }

    [Theory]
    [InlineData("c", "e", "d e")]
    [InlineData("", "c", "a b c")]
    [InlineData("", "head", "a b c d e")]
    [InlineData("", "heads", "a b c d e")]
    [InlineData("a", "+2", "b c")]
    [InlineData("a", "+1", "b")]
    [InlineData("b", "+3", "c d e")]
    [InlineData("a", "b+2", "b c d")]
    [InlineData("a", "d-2", "b")]
    [InlineData("e", "head", "")]
    [InlineData("", "+1", "a")]
    [InlineData("", "base+1", "a")]
    public void Upgrade_steps_go_up_in_order(string current, string target, string expected) =>
        Assert.Equal(expected, Ids(map.UpgradeSteps(Split(current), target)));

    [Theory]
    [InlineData("e", "c", "e d")]
    [InlineData("c", "base", "c b a")]
    [InlineData("c", "-1", "c")]
    [InlineData("e", "-3", "e d c")]
    [InlineData("d", "a+2", "d")]
    [InlineData("d", "c-2", "d c b")]
    [InlineData("a", "-1", "a")]
    [InlineData("a", "a", "")]
    [InlineData("e", "e", "")]
    [InlineData("", "base", "")]
    public void Downgrade_steps_go_down_in_order(string current, string target, string expected) =>
        Assert.Equal(expected, Ids(map.DowngradeSteps(Split(current), target)));

    [Fact]
    public void Counting_past_the_head_or_base_is_refused_with_the_start_named()
    {
        Assert.Equal("Relative revision '+5' goes past the head from 'b'", Error(() => map.UpgradeSteps(["b"], "+5")));
        Assert.Equal("Relative revision '-5' goes past base from 'b'", Error(() => map.DowngradeSteps(["b"], "-5")));
        Assert.Equal("Relative revision '+6' goes past the head from base", Error(() => map.UpgradeSteps([], "+6")));
        Assert.Equal("Relative revision '-1' goes past base: nothing is applied", Error(() => map.DowngradeSteps([], "-1")));
        Assert.Equal("Relative revision 'c+3' goes past the head from 'c'", Error(() => map.Resolve("c+3")));
    }

    [Fact]
    public void Counting_the_wrong_way_is_refused()
    {
        Assert.Equal(
            "Cannot upgrade to '-2': it counts down from the current revision; use downgrade",
            Error(() => map.UpgradeSteps(["b"], "-2")));
        Assert.Equal(
            "Cannot downgrade to '+2': it counts up from the current revision; use upgrade",
            Error(() => map.DowngradeSteps(["b"], "+2")));
    }

    [Fact]
    public void A_downgrade_target_above_or_beside_the_current_revision_is_refused()
    {
        Assert.Equal("'c' is not a downgrade target from current heads b", Error(() => map.DowngradeSteps(["b"], "c")));
        Assert.Equal("'b' is not a downgrade target: nothing is applied", Error(() => map.DowngradeSteps([], "b")));
    }

    [Fact]
    public void An_upgrade_to_a_revision_at_or_below_the_current_one_is_nothing_to_do_as_in_Alembic()
    {
        // A pinned deploy ("upgrade b") run again after the database moved on must not fail.
        Assert.Empty(map.UpgradeSteps(["d"], "b"));
        Assert.Empty(map.UpgradeSteps(["d"], "b+1"));
        Assert.Empty(map.UpgradeSteps(["d"], "d"));
    }

    [Theory]
    [InlineData("head", "e")]
    [InlineData("heads", "e")]
    [InlineData("base", "")]
    [InlineData("c", "c")]
    [InlineData("c+1", "d")]
    [InlineData("c-1", "b")]
    [InlineData("c-3", "")]
    [InlineData("base+2", "b")]
    [InlineData("head-2", "c")]
    [InlineData("-1", "d")]
    [InlineData("+1", "a")]
    public void Symbols_resolve_without_current_revisions(string symbol, string expected) =>
        Assert.Equal(expected, Ids(map.Resolve(symbol)));

    [Theory]
    [InlineData("current", "c")]
    [InlineData("+1", "d")]
    [InlineData("+2", "e")]
    [InlineData("-1", "b")]
    [InlineData("-3", "")]
    public void Relative_symbols_count_from_the_current_revision(string symbol, string expected) =>
        Assert.Equal(expected, Ids(map.Resolve(symbol, ["c"])));

    [Theory]
    [InlineData(null, null, "e d c b a")]
    [InlineData("b", "d", "d c b")]
    [InlineData("-2", null, "e d c")]
    [InlineData("-9", null, "e d c b a")]
    [InlineData("base", "+2", "b a")]
    [InlineData("c", "+9", "e d c")]
    [InlineData("current", "heads", "e d c")]
    [InlineData("base", "current", "c b a")]
    public void History_walks_newest_first(string? lower, string? upper, string expected) =>
        Assert.Equal(expected, Ids(map.Walk(lower, upper, ["c"])));

    [Fact]
    public void A_history_range_upside_down_is_refused()
    {
        Assert.Equal(
            "History range 'd:b' is not a line of history: 'd' is not an ancestor of b",
            Error(() => map.Walk("d", "b")));
    }

    [Fact]
    public void An_empty_map_has_nothing_to_walk_or_apply()
    {
        var empty = Map();
        Assert.Empty(empty.Heads);
        Assert.Empty(empty.Walk(null, null));
        Assert.Empty(empty.UpgradeSteps([], "head"));
        Assert.Empty(empty.UpgradeSteps([], "heads"));
        Assert.Empty(empty.DowngradeSteps([], "base"));
        Assert.Null(empty.ResolveOne("head"));
        Assert.Equal("Relative revision '+1' goes past the head from base", Error(() => empty.Resolve("+1")));
    }

    [Fact]
    public void Ancestors_and_descendants_are_inclusive_and_in_file_order()
    {
        Assert.Equal("a b c", Ids(map.Ancestors(["c"])));
        Assert.Equal("c d e", Ids(map.Descendants(["c"])));
        Assert.Equal("No revision with id 'zz'", Error(() => map.Ancestors(["zz"])));
    }

    private static string[] Split(string ids) => ids.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
