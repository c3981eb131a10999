using Retort.Revisions;

namespace Retort.Tests.Revisions;

public sealed class RevisionWriterTests
{
    private static string Golden(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name)).ReplaceLineEndings("\n");

    private static readonly RevisionHeader Merge = new("eeee00000005", ["cccc00000003", "dddd00000004"], ["shop"],
        ["aaaa00000001"], "2026-11-26 19:30:00", "merge email & branch", "merge email & branch\nsecond line", null, null);

    [Fact]
    public void A_merge_revision_renders_as_the_golden_file() =>
        Assert.Equal(Golden("merge_revision.cs.golden"),
            RevisionWriter.Render(Templates.Read("generic", "script.cs.template"), Merge, "MergeEmailBranch", []));

    [Fact]
    public void A_multidb_revision_has_a_case_per_database() =>
        Assert.Equal(Golden("multidb_revision.cs.golden"),
            RevisionWriter.Render(Templates.Read("multidb", "script.cs.template"),
                Merge with { DownRevisions = [], BranchLabels = [], DependsOn = [], Doc = "first" }, "First", ["main", "analytics"]));

    [Fact]
    public void The_rendered_header_reads_back_as_written()
    {
        var text = RevisionWriter.Render(Templates.Read("generic", "script.cs.template"), Merge, "MergeEmailBranch", []);
        var back = RevisionFileReader.Parse(text, "m.cs")!;
        Assert.Equal(Merge.Id, back.Id);
        Assert.Equal(Merge.DownRevisions, back.DownRevisions);
        Assert.Equal(Merge.BranchLabels, back.BranchLabels);
        Assert.Equal(Merge.DependsOn, back.DependsOn);
        Assert.Equal(Merge.CreateDate, back.CreateDate);
        Assert.Equal(Merge.Doc, back.Doc);
        Assert.Equal("Migrations.MergeEmailBranch", back.ClassName);
    }
}
