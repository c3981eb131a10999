using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>
/// A squash in the graph: its <c>Replaces</c> read from the file without compiling, its last replaced revision standing for
/// it wherever an id is read (version table rows, <c>Revises</c>, <c>DependsOn</c>, targets), and one in the middle of
/// it refused with what to do.
/// </summary>
public sealed class SquashGraphTests
{
    // base1 <- s (replaces a1, a2, a3) <- c1 <- c2; a1..a3 are gone.
    private static RevisionHeader Squash(string id, string[] down, params string[] replaces) =>
        new RevisionHeader(id, down, [], [], Message: "squash a", Path: "/p/migrations/versions/s.cs") { Replaces = replaces };

    private static RevisionMap Squashed(params RevisionHeader[] more) =>
        Map([Rev("base1"), Squash("s", ["base1"], "a1", "a2", "a3"), Rev("c1", "s"), Rev("c2", "c1"), .. more]);

    [Fact]
    public void The_header_reader_reads_Replaces_as_one_string_or_an_array()
    {
        var many = RevisionFileReader.Parse("""
            [Revision("s1", Revises = "b0", Replaces = new[] { "a1", "a2" }, CreateDate = "2026-01-02 03:04:05")]
            public sealed class S : Migration { }
            """, "x.cs")!;
        var one = RevisionFileReader.Parse("""[Revision("s2", Replaces = "a9")] public sealed class S : Migration { }""", "y.cs")!;
        var none = RevisionFileReader.Parse("""[Revision("s3")] public sealed class S : Migration { }""", "z.cs")!;

        Assert.Equal(["a1", "a2"], many.Replaces);
        Assert.Equal(["b0"], many.DownRevisions);
        Assert.Equal(["a9"], one.Replaces);
        Assert.Empty(none.Replaces);
    }

    [Fact]
    public void The_writer_writes_Replaces_so_that_the_reader_reads_it_back()
    {
        var header = new RevisionHeader("s1", ["b0"], [], [], "2026-01-02 03:04:05") { Replaces = ["a1", "a2"] };

        var attribute = RevisionWriter.Attribute(header);

        Assert.Equal("""[Revision("s1", Revises = "b0", CreateDate = "2026-01-02 03:04:05", Replaces = new[] { "a1", "a2" })]""", attribute);
        Assert.Equal(["a1", "a2"], RevisionFileReader.Parse(attribute + " class S : Migration { }", "s.cs")!.Replaces);
    }

    [Fact]
    public void The_last_replaced_revision_stands_for_the_squash_as_a_target_and_a_stored_row()
    {
        var map = Squashed();

        Assert.Equal("s", map.ResolveOne("a3")!.Id);
        Assert.Equal("s", map.StoredHead("a3", "retort_version")!.Id);
        Assert.Equal("s", map.SquashOf("a1")!.Id);
        Assert.Null(map.SquashOf("c1"));
        Assert.Null(map.StoredHead("zz", "retort_version"));
        Assert.Equal("c1 c2", Ids(map.UpgradeSteps(["a3"], "head")));
        Assert.Contains("\nSquashes: a1, a2, a3\n", RevisionFormatter.Entry(map["s"]));
    }

    [Fact]
    public void A_revision_written_on_the_last_replaced_one_before_the_squash_goes_on_the_squash()
    {
        // A branch begun on a3 before the squash was merged, and one depending on it.
        var map = Squashed(Rev("d1", "a3"), Full("e1", ["base1"], dependsOn: ["a3"]));

        Assert.Equal(["s"], map["d1"].DownRevisions);
        Assert.Equal(["s"], map["e1"].Dependencies);
        Assert.Equal("c1 d1", string.Join(" ", map["s"].NextRevisions));
    }

    [Fact]
    public void A_row_in_the_middle_of_a_squash_is_refused_with_the_way_out()
    {
        var message = Error(() => Squashed().StoredHead("a2", "retort_version"));

        Assert.StartsWith("The version table retort_version holds a2, which squash s (\"squash a\") replaced in the middle of its range (3 revisions, a1 to a3): " +
            "no revision now has this database's schema. Upgrade it to a3 with the revisions from before the squash (check out the parent of the commit that added ", message);
        Assert.Contains("s.cs, which 'git log --diff-filter=A --format=%h -- ", message);
        Assert.EndsWith("s.cs' names, and run 'retort upgrade a3' there), then come back; or, if its schema already is a3's, " +
            "run 'retort stamp s --purge' (which replaces every row of the version table)", message);
    }

    [Fact]
    public void A_target_or_a_parent_in_the_middle_of_a_squash_is_refused()
    {
        Assert.Equal("'a1' was replaced by squash s (\"squash a\") (3 revisions, a1 to a3) and is no longer a revision; name s, or a revision outside the squash",
            Error(() => Squashed().Resolve("a1")));
        Assert.Equal("Revision 'd1' (/p/d1.cs) revises 'a2', which squash s (\"squash a\") replaced in the middle of its range (3 revisions, a1 to a3); " +
            "only the last of them stands for the squash: write s, or a revision after it, instead",
            Error(() => Squashed(Full("d1", ["a2"], path: "/p/d1.cs"))));
    }

    [Fact]
    public void A_replaced_revision_still_defined_and_a_revision_replaced_twice_are_refused()
    {
        Assert.Equal("Revision 'a2' is defined in /p/a2.cs, but squash s (\"squash a\") replaced it (a squash left unfinished, or an old file restored): " +
            "delete /p/a2.cs if the squash stands, or the squash's file to undo it",
            Error(() => Squashed(Full("a2", ["base1"], path: "/p/a2.cs"))));
        Assert.Equal("Revision 'a3' is replaced by two squashes, s (\"squash a\") and t (\"squash a\"); keep one of them",
            Error(() => Squashed(Squash("t", ["c2"], "a3"))));
    }

    [Fact]
    public void The_header_cache_keeps_Replaces()
    {
        var dir = Directory.CreateTempSubdirectory("retort-squash-cache");
        try
        {
            var entries = new Dictionary<string, HeaderCache.Entry>
            {
                ["/p/s.cs"] = new(10, DateTime.UtcNow.AddHours(-1).Ticks, Squash("s", ["base1"], "a1", "a2"), "sum"),
            };
            HeaderCache.Write(dir.FullName, entries);

            Assert.True(HeaderCache.Read(dir.FullName).TryGet("/p/s.cs", 10, entries["/p/s.cs"].Ticks, out var entry));
            Assert.Equal(["a1", "a2"], entry.Header!.Replaces);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
