using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary><see cref="HistoryGraph"/>'s lanes, as git log --graph draws them, over shapes beyond the CLI's golden graph.</summary>
public sealed class HistoryGraphTests
{
    private static string Draw(RevisionMap map) => string.Join('\n', HistoryGraph.Draw(map.Walk(null, null), r => r.Id)) + "\n";

    [Fact]
    public void A_three_way_merge_opens_two_lanes_and_the_branch_point_closes_them()
    {
        var map = Map(Rev("r"), Rev("a", "r"), Rev("b", "r"), Rev("c", "r"), Rev("m", "a", "b", "c"));
        Assert.Equal("""
            *  m
            |\ \
            * | |  a
            | * |  b
            | | *  c
            |/ /
            |/
            *  r

            """, Draw(map));
    }

    [Fact]
    public void A_merge_beside_another_head_keeps_that_lane_straight()
    {
        var map = Map(Rev("r"), Rev("x", "r"), Rev("p", "r"), Rev("q", "r"), Rev("y", "p", "q"));
        Assert.Equal("""
            *  x
            | *  y
            | |\
            | * |  p
            | | *  q
            |/ /
            |/
            *  r

            """, Draw(map));
    }

    [Fact]
    public void Two_roots_merged_end_in_two_bases()
    {
        var map = Map(Rev("r1"), Rev("r2"), Rev("a", "r1"), Rev("m", "a", "r2"));
        Assert.Equal("""
            *  m
            |\
            * |  a
            * |  r1
             /
            *  r2

            """, Draw(map));
    }

    [Fact]
    public void A_lane_that_passes_another_on_its_way_runs_below_it()
    {
        var map = Map(Rev("n0"), Rev("n1", "n0"), Rev("n2", "n1"), Rev("n3", "n0"), Rev("n4"), Rev("n5", "n3", "n4"), Rev("n6", "n2"));
        Assert.Equal("""
            *  n5
            |\
            * |  n3
            | | *  n6
            | | *  n2
            | | *  n1
            |_|/
            |/|
            * |  n0
             /
            *  n4

            """, Draw(map));
    }

    [Fact]
    public void A_straight_line_is_one_lane()
    {
        var map = Map(Rev("a"), Rev("b", "a"), Rev("c", "b"));
        Assert.Equal("*  c\n*  b\n*  a\n", Draw(map));
    }
}
