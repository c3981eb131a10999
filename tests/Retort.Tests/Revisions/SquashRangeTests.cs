using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>Which ranges a squash may replace, and what around a range changes with it.</summary>
public sealed class SquashRangeTests
{
    // The range's revisions have files; those around it have none here, so no file is read for mentions of the range.
    private static RevisionHeader In(string id, string[] down, string[]? labels = null, string[]? dependsOn = null) =>
        Full(id, down, labels, dependsOn, path: $"/p/{id}.cs");

    [Fact]
    public void A_line_is_taken_in_upgrade_order_with_its_labels_its_outside_dependencies_and_the_revisions_on_its_end()
    {
        var map = Map(Rev("b0"), Rev("side"), In("a1", ["b0"], labels: ["core"]), In("a2", ["a1"], dependsOn: ["side"]), In("a3", ["a2"]),
            Rev("c1", "a3"), Full("d1", ["side"], dependsOn: ["a3"]));

        var range = SquashRange.Of(map, "a1:a3");

        Assert.Equal("a1 a2 a3", Ids(range.Chain));
        Assert.Equal(["core"], range.Labels);
        Assert.Equal(["side"], range.Dependencies);
        Assert.Equal("c1 d1", Ids(range.Dependents));
    }

    [Fact]
    public void A_merge_as_the_first_revision_is_a_line_and_a_dependency_below_it_is_not_repeated()
    {
        var map = Map(Rev("x"), Rev("y"), In("m", ["x", "y"]), In("a2", ["m"], dependsOn: ["x"]));

        var range = SquashRange.Of(map, "m:a2");

        Assert.Equal("m a2", Ids(range.Chain));
        Assert.Empty(range.Dependencies);
    }

    [Fact]
    public void A_branch_point_a_merge_inside_and_revisions_beside_the_line_are_refused_naming_the_revision()
    {
        Assert.Equal("Cannot squash 'a1:a3': revision a2 is a branch point (a3, z revise it); only the last revision of the range may have revisions outside it on top",
            Error(() => SquashRange.Of(Map(In("a1", []), In("a2", ["a1"]), In("a3", ["a2"]), Rev("z", "a2")), "a1:a3")));
        Assert.Equal("Cannot squash 'a1:a3': revision a3 is a merge point (it revises a2, z); a squash replaces one line of revisions",
            Error(() => SquashRange.Of(Map(In("a1", []), In("a2", ["a1"]), Rev("z"), In("a3", ["a2", "z"])), "a1:a3")));
        Assert.Equal("Cannot squash ':a3': it starts at 2 revisions (a1, z); a squash replaces one line of revisions, FROM:TO",
            Error(() => SquashRange.Of(Map(In("a1", []), In("z", []), In("a3", ["a1", "z"])), ":a3")));
    }

    [Fact]
    public void A_dependency_from_outside_on_the_middle_of_the_range_is_refused()
    {
        var map = Map(In("a1", []), In("a2", ["a1"]), In("a3", ["a2"]), Full("o1", [], dependsOn: ["a2"], path: null));

        Assert.Equal("Cannot squash 'a1:a3': revision o1 (an assembly) depends on a2, which is inside the range; only its last revision may be depended on " +
            "from outside: squash up to a2 or below it, or drop the dependency", Error(() => SquashRange.Of(map, "a1:a3")));
    }
}
