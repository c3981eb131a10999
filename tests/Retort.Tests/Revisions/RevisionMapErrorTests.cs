using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>Every graph and symbol error, with its exact one-line message.</summary>
public sealed class RevisionMapErrorTests
{
    private readonly RevisionMap chain = Map(Rev("a"), Rev("b", "a"), Rev("c", "b"));

    [Fact]
    public void A_duplicate_id_names_both_files()
    {
        Assert.Equal(
            "Revision id 'abc' is declared twice: versions/a.cs and versions/b.cs",
            Error(() => Map(Full("abc", [], path: "versions/a.cs"), Full("abc", [], path: "versions/b.cs"))));
        Assert.Equal("Revision id 'abc' is declared twice", Error(() => Map(Rev("abc"), Rev("abc"))));
    }

    [Fact]
    public void Revises_or_depends_on_a_missing_revision_names_the_file()
    {
        Assert.Equal(
            "Revision 'abc' (versions/abc.cs) revises 'zzz', which does not exist",
            Error(() => Map(Full("abc", ["zzz"], path: "versions/abc.cs"))));
        Assert.Equal(
            "Revision 'abc' (versions/abc.cs) depends on 'zzz', which does not exist",
            Error(() => Map(Rev("a"), Full("abc", ["a"], dependsOn: ["zzz"], path: "versions/abc.cs"))));
        Assert.Equal("Revision 'm' revises 'a' twice", Error(() => Map(Rev("a"), Rev("m", "a", "a"))));
    }

    [Fact]
    public void An_ambiguous_partial_dependency_lists_the_matches()
    {
        Assert.Equal(
            "Revision 'x1' (v/x1.cs) depends on 'ab', which is ambiguous: it matches abc123, abd456",
            Error(() => Map(Rev("abc123"), Rev("abd456"), Full("x1", [], dependsOn: ["ab"], path: "v/x1.cs"))));
    }

    [Theory]
    [InlineData("a-b", "Revision id 'a-b' contains '-'; revision ids cannot contain @ - + :")]
    [InlineData("a@b+c", "Revision id 'a@b+c' contains '@', '+'; revision ids cannot contain @ - + :")]
    [InlineData("head", "Revision id 'head' is reserved: 'head', 'heads', 'base' and 'current' are symbols")]
    [InlineData("current", "Revision id 'current' is reserved: 'head', 'heads', 'base' and 'current' are symbols")]
    [InlineData(" ", "A revision has an empty id")]
    public void Ids_that_could_not_be_named_as_targets_are_refused(string id, string message) =>
        Assert.Equal(message, Error(() => Map(Rev(id))));

    [Fact]
    public void Id_errors_name_the_file()
    {
        Assert.Equal(
            "Revision id 'x:y' (versions/x.cs) contains ':'; revision ids cannot contain @ - + :",
            Error(() => Map(Full("x:y", [], path: "versions/x.cs"))));
        Assert.Equal("The revision in versions/x.cs has an empty id", Error(() => Map(Full("", [], path: "versions/x.cs"))));
    }

    [Fact]
    public void Branch_label_errors_name_both_revisions_or_the_bad_label()
    {
        Assert.Equal(
            "Branch label 'xy1' is declared by both 'c' (v/c.cs) and 'e' (v/e.cs)",
            Error(() => Map(
                Rev("a"), Rev("b", "a"), Full("c", ["b"], labels: ["xy1"], path: "v/c.cs"),
                Rev("d"), Full("e", ["d"], labels: ["xy1"], path: "v/e.cs"))));
        Assert.Equal(
            "Branch label 'a' of revision 'b' is already a revision id",
            Error(() => Map(Rev("a"), Full("b", ["a"], labels: ["a"]))));
        Assert.Equal(
            "Branch label 'my@lib' of revision 'a' contains '@'; branch labels cannot contain @ :",
            Error(() => Map(Full("a", [], labels: ["my@lib"]))));
        Assert.Equal(
            "Branch label 'heads' of revision 'a' is reserved: 'head', 'heads', 'base' and 'current' are symbols",
            Error(() => Map(Full("a", [], labels: ["heads"]))));
        Assert.Equal("Revision 'a' declares an empty branch label", Error(() => Map(Full("a", [], labels: [""]))));
    }

    [Fact]
    public void A_cycle_names_every_revision_in_it_in_upgrade_order()
    {
        Assert.Equal("Cycle in the revision graph: a -> b -> c -> a", Error(() => Map(Rev("a", "c"), Rev("b", "a"), Rev("c", "b"))));
        Assert.Equal(
            "Cycle in the revision graph: c -> d -> e -> c",
            Error(() => Map(Rev("a"), Rev("b", "a"), Rev("c", "b", "e"), Rev("d", "c"), Rev("e", "d"))));
        Assert.Equal(
            "Cycle in the revision graph: a -> b -> c -> a",
            Error(() => Map(Rev("a", "c"), Rev("b", "a"), Rev("c", "b"), Rev("d", "c"), Rev("e", "d"))));
    }

    [Fact]
    public void Self_loops_and_dependency_cycles_are_cycles_too()
    {
        Assert.Equal("Cycle in the revision graph: a -> a", Error(() => Map(Rev("a", "a"))));
        Assert.Equal("Cycle in the revision graph: b -> b", Error(() => Map(Rev("a"), Rev("b", "a", "b"), Rev("c1", "b"))));
        Assert.Equal(
            "Cycle in the revision graph: a -> a ('a' depends on 'a')",
            Error(() => Map(Full("a", [], dependsOn: ["a"]))));
        Assert.Equal(
            "Cycle in the revision graph: a -> b -> c -> a ('a' depends on 'c')",
            Error(() => Map(Full("a", [], dependsOn: ["c"]), Rev("b", "a"), Rev("c", "b"))));
        Assert.Equal(
            "Cycle in the revision graph: c -> d -> e -> c ('c' depends on 'e')",
            Error(() => Map(Rev("a"), Rev("b", "a"), Full("c", ["b"], dependsOn: ["e"]), Rev("d", "c"), Rev("e", "d"))));
    }

    [Fact]
    public void Unknown_and_ambiguous_symbols()
    {
        var map = Map(Rev("abc123"), Rev("abd456", "abc123"));
        Assert.Equal("Revision prefix 'ab' is ambiguous; it matches abc123, abd456", Error(() => map.Resolve("ab")));
        Assert.Equal("abd456", Ids(map.Resolve("abd")));
        Assert.Equal("No revision, branch label or symbol named 'xyz'", Error(() => map.Resolve("xyz")));
        Assert.Equal("No revision with id 'abc'", Error(() => map["abc"]));
        Assert.Null(map.Find("abc"));
    }

    [Fact]
    public void Ids_of_three_characters_or_fewer_match_only_exactly()
    {
        var map = Map(Rev("abc"), Rev("abcd", "abc"));
        Assert.Equal("abcd", Ids(map.Resolve("ab")));
        Assert.Equal("abc", Ids(map.Resolve("abc")));
    }

    [Fact]
    public void Symbols_that_need_current_revisions_say_so()
    {
        Assert.Equal("'current' needs the database's current revisions", Error(() => chain.Resolve("current")));
        Assert.Equal("'current' needs the database's current revisions", Error(() => chain.Walk("current", null)));
    }

    [Fact]
    public void Several_revisions_where_one_is_needed()
    {
        var forked = Map(Rev("a"), Rev("b1", "a"), Rev("b2", "a"));
        Assert.Equal("'heads' names several revisions (b1, b2); name one of them", Error(() => forked.ResolveOne("heads")));
        Assert.Equal("'heads' names several revisions (b1, b2); name one of them", Error(() => forked.Resolve("heads+1")));
        Assert.Equal("b1", forked.ResolveOne("b1")?.Id);
        Assert.Null(forked.ResolveOne("base"));
    }

    [Fact]
    public void Naming_a_revision_twice_or_one_below_another_is_refused()
    {
        Assert.Equal("Revision 'c' is named more than once", Error(() => chain.ResolveDistinct(["c", "head"])));
        Assert.Equal("Requested revisions overlap: 'a' is an ancestor of 'c'", Error(() => chain.ResolveDistinct(["c", "a"])));
        var forked = Map(Rev("a"), Rev("b1", "a"), Rev("b2", "a"));
        Assert.Equal("b1 b2", Ids(forked.ResolveDistinct(["b1", "b2"])));
    }

    [Fact]
    public void Relative_labels_with_nothing_applied_on_the_branch()
    {
        var map = Map(Full("a", [], labels: ["x"]), Rev("b", "a"), Full("c", [], labels: ["y"]));
        Assert.Equal(
            "'y@-1' has no starting point: nothing on branch 'y' is applied",
            Error(() => map.DowngradeSteps(["b"], "y@-1")));
        Assert.Equal("c", Ids(map.UpgradeSteps(["b"], "y@+1")));
    }
}
