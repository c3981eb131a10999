using Retort.Revisions;

namespace Retort.Tests.Revisions;

public sealed class RevisionFileReaderTests
{
    private static RevisionHeader Parse(string text) =>
        RevisionFileReader.Parse(text, "versions/x.cs") ?? throw new Xunit.Sdk.XunitException("no header");

    [Fact]
    public void Reads_the_design_example_with_summary_and_class()
    {
        var header = Parse("""
            using Retort;

            namespace Migrations;

            /// <summary>add new column Address</summary>
            [Revision("3f2a9c1b7d4e", Revises = "1a2b3c4d5e6f", CreateDate = "2026-11-26 19:30:00")]
            public sealed class AddNewColumnAddress : Migration
            {
                public override void Upgrade(Operations op) { op.Execute("SELECT 1 [x]"); }
            }
            """);
        Assert.Equal("3f2a9c1b7d4e", header.Id);
        Assert.Equal(["1a2b3c4d5e6f"], header.DownRevisions);
        Assert.Equal("2026-11-26 19:30:00", header.CreateDate);
        Assert.Equal("add new column Address", header.Message);
        Assert.Equal("Migrations.AddNewColumnAddress", header.ClassName);
        Assert.Empty(header.BranchLabels);
    }

    [Fact]
    public void Reads_a_merge_with_arrays_in_every_spelling()
    {
        var header = Parse("""
            namespace A.B { 
            /// <summary>
            /// merge the two lines
            /// second paragraph &amp; more
            /// </summary>
            [Obsolete("x"), Retort.Revision(@"m1", Revises = new[] { "a1", "b2" }, BranchLabels = new string[] { "shop" },
                DependsOn = ["d1", "d2"])]
            internal class Merge : Migration { }
            }
            """);
        Assert.Equal(["a1", "b2"], header.DownRevisions);
        Assert.Equal(["shop"], header.BranchLabels);
        Assert.Equal(["d1", "d2"], header.DependsOn);
        Assert.Equal("merge the two lines", header.Message);
        Assert.Equal("merge the two lines\nsecond paragraph & more", header.Doc);
        Assert.Equal("A.B.Merge", header.ClassName);
    }

    [Fact]
    public void Skips_comments_and_strings_that_look_like_attributes()
    {
        var header = Parse("""
            // [Revision("fake")]
            /* [Revision("fake2")] */
            [Revision("real", Revises = null)]
            public class R : Migration { }
            """);
        Assert.Equal("real", header.Id);
        Assert.Empty(header.DownRevisions);
    }

    [Fact]
    public void A_file_without_a_migration_is_not_a_revision()
    {
        Assert.Null(RevisionFileReader.Parse("namespace X; static class Shared { static int[] A = new int[3]; static int B => A[0]; }", "versions/shared.cs"));
    }

    [Fact]
    public void A_migration_without_the_attribute_is_reported_with_its_file()
    {
        var error = Assert.Throws<RetortException>(() =>
            RevisionFileReader.Parse("public sealed class Forgot : Migration { }", "versions/forgot.cs"));
        Assert.Equal("versions/forgot.cs: class Forgot derives from Migration but has no [Revision(\"...\")] attribute", error.Message);
    }

    [Fact]
    public void A_constant_instead_of_a_literal_is_reported_with_line_and_column()
    {
        var error = Assert.Throws<RetortException>(() => RevisionFileReader.Parse(
            "using Retort;\n[Revision(\"abc\", Revises = Ids.Previous)]\nclass R : Migration { }", "versions/r.cs"));
        Assert.Equal("versions/r.cs(2,28): Revises must be a string literal or an array of them (constants are not read without compiling)", error.Message);
    }

    [Fact]
    public void An_unknown_argument_is_reported()
    {
        var error = Assert.Throws<RetortException>(() => RevisionFileReader.Parse(
            "[Revision(\"abc\", Revize = \"x\")]\nclass R : Migration { }", "r.cs"));
        Assert.Equal("r.cs(1,18): [Revision] has no argument 'Revize'", error.Message);
    }

    [Fact]
    public void A_header_past_the_first_read_is_found_by_reading_the_whole_file()
    {
        var dir = Directory.CreateTempSubdirectory("retort-reader");
        var path = Path.Combine(dir.FullName, "big.cs");
        File.WriteAllText(path, "// " + new string('x', 20_000) + "\n/// <summary>late</summary>\n[Revision(\"late1\")]\nclass Late : Migration { }\n");
        var header = RevisionFileReader.Read(path);
        Assert.Equal("late1", header?.Id);
        Assert.Equal("late", header?.Message);
        dir.Delete(true);
    }
}
