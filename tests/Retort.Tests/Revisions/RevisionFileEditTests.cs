using Retort.Revisions;

namespace Retort.Tests.Revisions;

/// <summary>The edits a squash makes to the files around it: one literal of the attribute, nothing else of the file.</summary>
public sealed class RevisionFileEditTests
{
    private const string File = """
        using Retort;

        // Revises = "a3" in a comment stays as it is.
        /// <summary>on a3</summary>
        [Revision("c1", Revises = new[] { "a3", "b7" }, DependsOn = "a3", CreateDate = "2026-01-02 03:04:05")]
        public sealed class C1 : Migration
        {
            public override void Upgrade(Operations op) { op.ReplaceView("v", "SELECT 1", replaces: "a2"); op.Execute("SELECT 'a3'"); }
        }
        """;

    [Fact]
    public void Rewrites_only_the_literal_of_the_named_argument()
    {
        var revises = RevisionFileEdit.Rewrite(File, "c1.cs", ["Revises"], "a3", "s9");

        Assert.Equal(File.Replace("""Revises = new[] { "a3", "b7" }""", """Revises = new[] { "s9", "b7" }"""), revises);
        Assert.Equal(["s9", "b7"], RevisionFileReader.Parse(revises, "c1.cs")!.DownRevisions);
        Assert.Equal(["a3"], RevisionFileReader.Parse(revises, "c1.cs")!.DependsOn);

        var both = RevisionFileEdit.Rewrite(revises, "c1.cs", ["DependsOn"], "a3", "s9");
        Assert.Equal(["s9"], RevisionFileReader.Parse(both, "c1.cs")!.DependsOn);
        Assert.Contains("// Revises = \"a3\" in a comment stays as it is.", both);
    }

    [Fact]
    public void A_file_without_the_literal_is_left_as_it_is()
    {
        Assert.Same(File, RevisionFileEdit.Rewrite(File, "c1.cs", ["Revises"], "zz", "s9"));
    }

    [Fact]
    public void A_mention_in_code_is_found_with_its_line_and_the_attribute_is_not_one()
    {
        Assert.Equal(("a2", 8), RevisionFileEdit.Mention(File, "c1.cs", new HashSet<string> { "a2", "a3" }));
        Assert.Null(RevisionFileEdit.Mention(File, "c1.cs", new HashSet<string> { "b7" }));
    }
}
