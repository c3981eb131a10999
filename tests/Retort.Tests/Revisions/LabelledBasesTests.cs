using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>
/// Two independent lines, each labelled: a (abranch) → b → somelongername → c, and
/// d → e (ebranch) → someothername → f (Alembic's LabeledBranchTest).
/// </summary>
public sealed class LabelledBasesTests
{
    private readonly RevisionMap map = Map(
        Full("a", [], labels: ["abranch"]), Rev("b", "a"), Rev("somelongername", "b"), Rev("c", "somelongername"),
        Rev("d"), Full("e", ["d"], labels: ["ebranch"]), Rev("someothername", "e"), Rev("f", "someothername"));

    [Fact]
    public void A_label_reaches_descendants_and_ancestors_down_a_plain_line()
    {
        Assert.Equal(["ebranch"], map["d"].BranchLabels);
        Assert.Equal(["ebranch"], map["f"].BranchLabels);
        Assert.Equal(["abranch"], map["c"].BranchLabels);
        Assert.Equal("a d", Ids(map.Bases));
        Assert.Equal("c f", Ids(map.Heads));
    }

    [Theory]
    [InlineData("ebranch@head", "f")]
    [InlineData("abranch@head", "c")]
    [InlineData("abranch@heads", "c")]
    [InlineData("abranch@base", "")]
    [InlineData("ebranch@d", "d")]
    [InlineData("ebranch@ebranch", "e")]
    [InlineData("abranch", "a")]
    [InlineData("ebranch", "e")]
    [InlineData("e", "e")]
    [InlineData("e@d", "d")]
    [InlineData("someoth@d", "d")]
    [InlineData("ebranch@some", "someothername")]
    [InlineData("abranch@some", "somelongername")]
    [InlineData("someo", "someothername")]
    [InlineData("ebra", "e")]
    [InlineData("heads", "c f")]
    [InlineData("ebranch@-1", "someothername")]
    [InlineData("ebranch@+1", "d")]
    [InlineData("ebranch@+2", "e")]
    [InlineData("ebranch@e+1", "someothername")]
    public void Symbols_resolve_as_in_alembic(string symbol, string expected) =>
        Assert.Equal(expected, Ids(map.Resolve(symbol)));

    [Theory]
    [InlineData("ebranch@b", "Revision 'b' is not a member of branch 'ebranch'")]
    [InlineData("abranch@d", "Revision 'd' is not a member of branch 'abranch'")]
    [InlineData("abranch@qprstuv", "No revision, branch label or symbol named 'qprstuv'")]
    [InlineData("ebranch@sos", "No revision, branch label or symbol named 'sos'")]
    [InlineData("x@d", "No branch label or revision named 'x' in 'x@d'")]
    [InlineData("some", "Revision prefix 'some' is ambiguous; it matches somelongername, someothername")]
    [InlineData("abranch@someoth", "Revision 'someothername' is not a member of branch 'abranch'")]
    [InlineData("head", "Multiple heads are present (c, f); use 'LABEL@head' for one branch, 'heads' for all, or name a revision")]
    [InlineData("+1", "'+1' is ambiguous: there are several bases (a, d); name one of them or use a branch label")]
    public void Bad_symbols_say_what_is_wrong(string symbol, string message) =>
        Assert.Equal(message, Error(() => map.Resolve(symbol)));

    [Theory]
    [InlineData("ebranch@base", "heads", "f someothername e d")]
    [InlineData("abranch@base", "heads", "c somelongername b a")]
    [InlineData("base", "ebranch@head", "f someothername e d")]
    [InlineData("base", "abranch@head", "c somelongername b a")]
    [InlineData("ebranch@head", "heads", "f")]
    [InlineData("ebranch@d", "heads", "f someothername e d")]
    [InlineData("e@base", "heads", "f someothername e d")]
    [InlineData("c@base", "heads", "c somelongername b a")]
    [InlineData("ebranch@-2", "heads", "f someothername e")]
    [InlineData("base", "ebranch@+2", "e d")]
    [InlineData("base", "heads", "c somelongername b a f someothername e d")]
    public void History_ranges_keep_to_a_branch(string lower, string upper, string expected) =>
        Assert.Equal(expected, Ids(map.Walk(lower, upper)));

    [Fact]
    public void Each_line_upgrades_and_downgrades_on_its_own()
    {
        Assert.Equal("d e someothername f a b somelongername c", Ids(map.UpgradeSteps([], "heads")));
        Assert.Equal("d e", Ids(map.UpgradeSteps([], "ebranch@+2")));
        Assert.Equal("a b", Ids(map.UpgradeSteps(["f"], "abranch@+2")));
        Assert.Equal("f someothername e d", Ids(map.DowngradeSteps(["c", "f"], "ebranch@base")));
        Assert.Equal("someothername f", Ids(map.UpgradeSteps(["c", "e"], "ebranch@head")));
        Assert.Equal("f", Ids(map.DowngradeSteps(["c", "f"], "ebranch@-1")));
        Assert.Equal("c somelongername", Ids(map.DowngradeSteps(["c", "f"], "abranch@-2")));
    }

    [Fact]
    public void Several_current_revisions_on_one_branch_are_ambiguous_for_relative_steps()
    {
        var forked = Map(Full("a", [], labels: ["lib"]), Rev("b", "a"), Rev("c", "a"));
        Assert.Equal(
            "'lib@-1' is ambiguous: current revisions b, c are all on branch 'lib'; name a revision",
            Error(() => forked.DowngradeSteps(["b", "c"], "lib@-1")));
        Assert.Equal(
            "Branch 'lib' has several heads (b, c); use 'lib@heads' for all of them, or name a revision",
            Error(() => forked.Resolve("lib@head")));
        Assert.Equal("b c", Ids(forked.Resolve("lib@heads")));
    }
}
