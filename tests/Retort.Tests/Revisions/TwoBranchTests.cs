using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>
/// a → b, then b → c1 → d1 (label c1branch) and b → c2 → d2 (label c2branch): Alembic's BranchedPathTest.
/// </summary>
public sealed class TwoBranchTests
{
    private readonly RevisionMap map = Map(
        Rev("a"), Rev("b", "a"),
        Full("c1", ["b"], labels: ["c1branch"]), Rev("d1", "c1"),
        Full("c2", ["b"], labels: ["c2branch"]), Rev("d2", "c2"));

    [Fact]
    public void Each_branch_has_a_head_and_the_branch_point_knows_both_children()
    {
        Assert.Equal("d1 d2", Ids(map.Heads));
        Assert.Equal("a", Ids(map.Bases));
        Assert.True(map["b"].IsBranchPoint);
        Assert.Equal(["c1", "c2"], map["b"].NextRevisions);
    }

    [Fact]
    public void Labels_cover_their_branch_but_stop_at_the_branch_point()
    {
        Assert.Equal(["c1branch"], map["d1"].BranchLabels);
        Assert.Equal(["c2branch"], map["c2"].BranchLabels);
        Assert.Empty(map["b"].BranchLabels);
    }

    [Theory]
    [InlineData("b", "d1", "c1 d1")]
    [InlineData("a", "heads", "b c2 d2 c1 d1")]
    [InlineData("b", "c2branch@head-1", "c2")]
    [InlineData("c1", "c2branch@+1", "c2")]
    [InlineData("c1 c2", "c2branch@+1", "d2")]
    [InlineData("", "c1branch@head", "a b c1 d1")]
    [InlineData("d1", "c2branch@heads", "c2 d2")]
    public void Upgrade_steps(string current, string target, string expected) =>
        Assert.Equal(expected, Ids(map.UpgradeSteps(Split(current), target)));

    [Theory]
    [InlineData("d1 d2", "a", "d1 c1 d2 c2 b")]
    [InlineData("d2 d1", "base+2", "d1 c1 d2 c2")]
    [InlineData("d2 d1", "c2branch@base+2", "d2 c2")]
    [InlineData("d2 d1", "c2", "d2")]
    [InlineData("d2 d1", "c2branch@base+3", "d2")]
    [InlineData("d1 d2", "c1branch@-1", "d1")]
    [InlineData("d2 c1", "d2-1", "d2")]
    [InlineData("c1 d2", "d2-1", "d2")]
    [InlineData("c1 d2", "c1branch@b", "c1")]
    [InlineData("c1 d2", "c2branch@b", "d2 c2")]
    [InlineData("d1 d2", "c2@b", "d2 c2")]
    [InlineData("d1 d2", "d1@b", "d1 c1")]
    [InlineData("d1 d2", "c1branch@head-1", "d1")]
    [InlineData("d1 c2", "c2", "")]
    [InlineData("d1 c2", "d1", "")]
    // The branch's base is the shared base a, so everything goes (as in Alembic); c2branch@b keeps to the branch.
    [InlineData("d1 d2", "c2branch@base", "d1 c1 d2 c2 b a")]
    public void Downgrade_steps(string current, string target, string expected) =>
        Assert.Equal(expected, Ids(map.DowngradeSteps(Split(current), target)));

    [Fact]
    public void Minus_one_from_two_current_heads_goes_down_from_the_first_as_in_Alembic_but_plus_one_is_refused()
    {
        // Alembic takes the version table's first row and keeps to its line (with a warning the command prints).
        Assert.Equal(["d2"], map.DowngradeSteps(["d2", "d1"], "-1").Select(r => r.Id));
        Assert.Equal(["d1"], map.DowngradeSteps(["d1", "d2"], "-1").Select(r => r.Id));
        Assert.Equal(
            "'+1' is ambiguous with several current revisions (c1, c2); use 'LABEL@+1' or 'REV+1'",
            Error(() => map.UpgradeSteps(["c1", "c2"], "+1")));
    }

    [Fact]
    public void Head_is_ambiguous_and_the_message_says_what_to_use()
    {
        Assert.Equal(
            "Multiple heads are present (d1, d2); use 'LABEL@head' for one branch, 'heads' for all, or name a revision",
            Error(() => map.UpgradeSteps([], "head")));
        Assert.Equal("d1 d2", Ids(map.Resolve("heads")));
    }

    [Fact]
    public void Stepping_up_from_the_branch_point_needs_a_label()
    {
        Assert.Equal(
            "'b+1' is ambiguous: 'b' branches into c1, c2; name one of them or use a branch label",
            Error(() => map.Resolve("b+1")));
        Assert.Equal("c2", Ids(map.Resolve("c2branch@b+1")));
        Assert.Equal("d2", Ids(map.Resolve("c2branch@+4")));
    }

    [Theory]
    [InlineData("c1branch@head", "d1")]
    [InlineData("c1branch@heads", "d1")]
    [InlineData("c1branch@base", "")]
    [InlineData("c1branch", "c1")]
    [InlineData("c1branch@b", "b")]
    [InlineData("c2branch@-1", "c2")]
    [InlineData("-1", "c1 c2")]
    public void Branch_symbols_resolve(string symbol, string expected) =>
        Assert.Equal(expected, Ids(map.Resolve(symbol)));

    [Theory]
    [InlineData("c1branch@-1", "c1")]
    [InlineData("c2branch@-1", "b")]
    [InlineData("c2branch@+1", "d2")]
    [InlineData("current", "d1 c2")]
    public void Branch_relative_symbols_count_from_the_current_revision_on_that_branch(string symbol, string expected) =>
        Assert.Equal(expected, Ids(map.Resolve(symbol, ["d1", "c2"])));

    [Theory]
    [InlineData(null, null, "d1 c1 d2 c2 b a")]
    [InlineData("c2branch@base", null, "d2 c2 b a")]
    [InlineData("b", null, "d1 c1 d2 c2 b")]
    [InlineData("c1", null, "d1 c1")]
    public void History(string? lower, string? upper, string expected) =>
        Assert.Equal(expected, Ids(map.Walk(lower, upper)));

    private static string[] Split(string ids) => ids.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
