using Retort.Configuration;
using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>
/// Deploy phases (expand and contract): the phase read from a revision's text, the steps <c>upgrade --phase pre</c> runs
/// and holds back on branchy graphs, how listings show a post-deploy revision, and the file <c>revision --post-deploy</c>
/// writes.
/// </summary>
public sealed class DeployPhaseTests
{
    private static RevisionHeader Post(string id, params string[] down) => RevisionHeader.Of(id, down) with { Phase = MigrationPhase.PostDeploy };

    private static MigrationPhase PhaseOf(string arguments) =>
        (RevisionFileReader.Parse($"using Retort;\n[Revision(\"r1\"{arguments})]\npublic sealed class R : Migration {{ }}", "versions/r1.cs")
            ?? throw new Xunit.Sdk.XunitException("no header")).Phase;

    [Theory]
    [InlineData("", MigrationPhase.PreDeploy)]
    [InlineData(", Phase = MigrationPhase.PostDeploy", MigrationPhase.PostDeploy)]
    [InlineData(", Revises = \"r0\", Phase = MigrationPhase.PreDeploy, CreateDate = \"2026-11-26 19:30:00\"", MigrationPhase.PreDeploy)]
    [InlineData(", Phase = Retort.MigrationPhase.PostDeploy", MigrationPhase.PostDeploy)]
    [InlineData(", Phase = global::Retort.MigrationPhase.PostDeploy", MigrationPhase.PostDeploy)]
    [InlineData(",\n    Phase = MigrationPhase . PostDeploy /* later */", MigrationPhase.PostDeploy)]
    public void The_phase_is_read_from_the_header_without_compiling(string arguments, MigrationPhase expected) =>
        Assert.Equal(expected, PhaseOf(arguments));

    [Theory]
    [InlineData(", Phase = MigrationPhase.Later", "versions/r1.cs(2,25): Phase must be MigrationPhase.PreDeploy or MigrationPhase.PostDeploy, not 'MigrationPhase.Later'")]
    [InlineData(", Phase = PostDeploy", "versions/r1.cs(2,25): Phase must be MigrationPhase.PreDeploy or MigrationPhase.PostDeploy, not 'PostDeploy'")]
    [InlineData(", Phase = \"post\"", "versions/r1.cs(2,25): Phase must be MigrationPhase.PreDeploy or MigrationPhase.PostDeploy, not 'post'")]
    [InlineData(", Phase = Phases.Post", "versions/r1.cs(2,25): Phase must be MigrationPhase.PreDeploy or MigrationPhase.PostDeploy, not 'Phases.Post'")]
    public void Any_other_phase_is_one_error_naming_the_file(string arguments, string expected) =>
        Assert.Equal(expected, Assert.Throws<RetortException>(() => PhaseOf(arguments)).Message);

    /// <summary>a1 → a2 (post) → a3 on one branch, b1 → b2 → b3 (post) on the other, both from root r.</summary>
    private static readonly RevisionMap TwoBranches = Map(
        Rev("r"), Rev("a1", "r"), Post("a2", "a1"), Rev("a3", "a2"), Rev("b1", "r"), Rev("b2", "b1"), Post("b3", "b2"));

    [Fact]
    public void Pre_stops_at_the_first_post_deploy_revision_of_each_branch()
    {
        var plan = TwoBranches.PlanUpgrade([], "heads", MigrationPhase.PreDeploy);
        Assert.Equal("r b1 b2 a1", Ids(plan.Steps));
        Assert.Equal("b3 a2", Ids(plan.HeldBack));
    }

    [Fact]
    public void Post_applies_the_rest_and_no_phase_applies_everything()
    {
        Assert.Equal("b3 a2 a3", Ids(TwoBranches.PlanUpgrade(["b2", "a1"], "heads", MigrationPhase.PostDeploy).Steps));
        Assert.Equal(Ids(TwoBranches.UpgradeSteps([], "heads")), Ids(TwoBranches.PlanUpgrade([], "heads", MigrationPhase.PostDeploy).Steps));
        Assert.Equal(Ids(TwoBranches.UpgradeSteps([], "heads")), Ids(TwoBranches.PlanUpgrade([], "heads", null).Steps));
        Assert.Empty(TwoBranches.PlanUpgrade([], "heads", MigrationPhase.PostDeploy).HeldBack);
    }

    [Fact]
    public void A_pre_deploy_revision_after_a_post_deploy_one_waits_for_it()
    {
        var map = Map(Rev("p1"), Post("q2", "p1"), Rev("p3", "q2"), Rev("p4", "p3"));
        Assert.Equal("p1", Ids(map.PlanUpgrade([], "head", MigrationPhase.PreDeploy).Steps));
        Assert.Equal("q2", Ids(map.PlanUpgrade([], "head", MigrationPhase.PreDeploy).HeldBack));
        // Once the post-deploy revision is applied, the pre-deploy ones after it run in the next pre phase, up to the next post.
        Assert.Equal("p3 p4", Ids(map.PlanUpgrade(["q2"], "head", MigrationPhase.PreDeploy).Steps));
        Assert.Empty(map.PlanUpgrade(["q2"], "head", MigrationPhase.PreDeploy).HeldBack);
    }

    [Fact]
    public void A_revision_depending_on_a_held_back_revision_is_held_back_and_its_branch_stops_there()
    {
        // x1 → x2 (post); y1 → y2 (depends on x2) → y3; z1 depends on x1 only.
        var map = Map(Rev("x1"), Post("x2", "x1"), Rev("y1"), Full("y2", ["y1"], dependsOn: ["x2"]), Rev("y3", "y2"),
            Full("z1", [], dependsOn: ["x1"]));
        var plan = map.PlanUpgrade([], "heads", MigrationPhase.PreDeploy);
        Assert.Equal("x1 y1 z1", string.Join(" ", plan.Steps.Select(r => r.Id).Order(StringComparer.Ordinal)));
        Assert.Equal("x2", Ids(plan.HeldBack));
        Assert.Equal("x2 y2 y3", Ids(map.PlanUpgrade(["y1", "z1"], "heads", MigrationPhase.PostDeploy).Steps));
    }

    [Fact]
    public void An_applied_post_deploy_revision_holds_nothing_back_and_a_target_below_the_post_one_is_reached()
    {
        var map = Map(Rev("a1"), Post("a2", "a1"), Rev("a3", "a2"), Post("a4", "a3"));
        Assert.Equal("a3", Ids(map.PlanUpgrade(["a2"], "head", MigrationPhase.PreDeploy).Steps));
        Assert.Equal("a4", Ids(map.PlanUpgrade(["a2"], "head", MigrationPhase.PreDeploy).HeldBack));
        Assert.Equal("a1", Ids(map.PlanUpgrade([], "a1", MigrationPhase.PreDeploy).Steps));
        Assert.Empty(map.PlanUpgrade([], "a1", MigrationPhase.PreDeploy).HeldBack);
    }

    [Fact]
    public void A_merge_of_a_held_back_branch_is_held_back()
    {
        var map = Map(Rev("r"), Post("a1", "r"), Rev("b1", "r"), Rev("m", "a1", "b1"));
        var plan = map.PlanUpgrade([], "head", MigrationPhase.PreDeploy);
        Assert.Equal("r b1", Ids(plan.Steps));
        Assert.Equal("a1", Ids(plan.HeldBack));
    }

    [Fact]
    public void Listings_mark_post_deploy_revisions_and_leave_pre_deploy_ones_as_Alembic_prints_them()
    {
        var map = Map(Rev("a1") with { Message = "add full_name" }, Post("b2", "a1") with { Message = "drop name", Path = "versions/b2.cs" });
        Assert.Equal("<base> -> a1, add full_name", RevisionFormatter.Line(map["a1"]));
        Assert.Equal("a1 -> b2 (head) [post-deploy], drop name", RevisionFormatter.Line(map["b2"]));
        Assert.Equal("b2 (head) (current) [post-deploy]", RevisionFormatter.Line(map["b2"], parents: false, message: false, current: ["b2"]));
        Assert.Contains("\nPhase: post-deploy\nPath: versions/b2.cs\n", RevisionFormatter.Entry(map["b2"]));
        Assert.DoesNotContain("Phase", RevisionFormatter.Entry(map["a1"]));
    }

    [Fact]
    public void A_post_deploy_revision_renders_as_the_golden_file_and_reads_back()
    {
        var header = new RevisionHeader("4c1d8e2f9a0b", ["3f2a9c1b7d4e"], [], [], "2026-11-26 19:30:00", "drop old name column",
            "drop old name column", Phase: MigrationPhase.PostDeploy);
        var text = RevisionWriter.Render(Templates.Read("generic", "script.cs.template"), header, "DropOldNameColumn", []);
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "post_deploy_revision.cs.golden")).ReplaceLineEndings("\n"), text);
        Assert.Equal(MigrationPhase.PostDeploy, RevisionFileReader.Parse(text, "r.cs")!.Phase);
        Assert.DoesNotContain("Phase", RevisionWriter.Attribute(header with { Phase = MigrationPhase.PreDeploy }));
    }

    [Fact]
    public void The_header_cache_keeps_the_phase()
    {
        var dir = Directory.CreateTempSubdirectory("retort-phase-cache");
        try
        {
            var versions = Directory.CreateDirectory(Path.Combine(dir.FullName, "migrations", "versions")).FullName;
            var config = ConfigFile.Parse("{}", Path.Combine(dir.FullName, "retort.json"), null, new Dictionary<string, string>());
            var path = Path.Combine(versions, "a.cs");
            var anHourAgo = DateTime.UtcNow.AddHours(-1);
            void Write(string id)
            {
                File.WriteAllText(path, $"using Retort;\n[Revision(\"{id}\", Phase = MigrationPhase.PostDeploy)]\npublic sealed class R : Migration {{ }}\n");
                File.SetLastWriteTimeUtc(path, anHourAgo);
            }
            Write("aaaa00000001");
            Assert.Equal(MigrationPhase.PostDeploy, ScriptDirectory.Load(config).Headers.Single().Phase);
            // Same size and time: only the cache can still answer the first id, and it must answer the phase with it.
            Write("bbbb00000002");
            var cached = ScriptDirectory.Load(config).Headers.Single();
            Assert.Equal(("aaaa00000001", MigrationPhase.PostDeploy), (cached.Id, cached.Phase));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
