using Retort.Tests.Execution;

namespace Retort.Tests.Conformance;

/// <summary>
/// The differences from Alembic that the side-by-side run found, each pinned by a test of its own: a -> b1 -> c1 and
/// a -> b2 -> c2 -> d2, where d2 depends on c1.
/// </summary>
public sealed class AlembicDifferencesTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///app.db");

    public AlembicDifferencesTests()
    {
        const string Table = "op.CreateTable(\"t_{0}\", new Column(\"id\", SqlType.Integer));";
        foreach (var (id, revises, depends) in new (string, string[], string[]?)[]
                 {
                     ("a", [], null), ("b1", ["a"], null), ("c1", ["b1"], null), ("b2", ["a"], null), ("c2", ["b2"], null), ("d2", ["c2"], ["c1"]),
                 })
            _project.Revision(id, revises, string.Format(System.Globalization.CultureInfo.InvariantCulture, Table, id), $"op.DropTable(\"t_{id}\");", dependsOn: depends);
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task A_step_line_names_the_down_revisions_only_not_the_dependencies()
    {
        var sql = new StringWriter();
        await _project.Commands().UpgradeAsync("heads", sql);
        Assert.Contains("-- Running upgrade c2 -> d2\n", sql.ToString());
        Assert.DoesNotContain("c2, c1 -> d2", sql.ToString());
        await _project.Commands().UpgradeAsync("heads");
        Assert.Contains("Running upgrade c2 -> d2, step d2", _project.Log);
    }

    [Fact]
    public async Task Current_shows_a_revision_depended_on_as_Alembic_does_while_the_version_table_holds_one_row()
    {
        await _project.Commands().UpgradeAsync("heads");
        Assert.Equal(["d2"], (await _project.Commands().VersionHeadsAsync()).Select(r => r.Id));
        Assert.Equal(["c1", "d2"], (await _project.Commands().CurrentAsync()).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_target_already_applied_is_nothing_to_do_so_a_pinned_deploy_can_run_again()
    {
        await _project.Commands().UpgradeAsync("heads");
        Assert.Equal(["d2"], await _project.Commands().UpgradeAsync("c1"));
        Assert.Equal(["d2"], await _project.Commands().UpgradeAsync("b2+1"));
        Assert.Equal(["d2"], await _project.Commands().UpgradeAsync("d2"));
        Assert.DoesNotContain("Running upgrade", _project.Log.Split("Running upgrade c2 -> d2")[1]);
    }

    [Fact]
    public async Task Minus_one_from_several_heads_goes_down_from_the_first_row_and_warns()
    {
        await _project.Commands().UpgradeAsync("c1");
        await _project.Commands().UpgradeAsync("c2");
        Assert.Equal(["c1", "c2"], (await _project.Commands().VersionHeadsAsync()).Select(r => r.Id));
        await _project.Commands().DowngradeAsync("-1");
        Assert.Contains("warning: downgrade -1 from several current revisions is ambiguous; as Alembic does, it goes down from the first row of the version table, c1", _project.Log);
        Assert.Equal(["b1", "c2"], (await _project.Commands().VersionHeadsAsync()).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_offline_downgrade_from_several_heads_is_written_where_Alembic_refuses()
    {
        _project.Revision("x", [], "", "");
        var sql = new StringWriter();
        await _project.Commands().DowngradeAsync("heads:base", sql);
        Assert.Contains("-- Running downgrade d2 -> c2", sql.ToString());
        Assert.Contains("-- Running downgrade x -> ", sql.ToString());
    }

    [Fact]
    public async Task A_dependency_on_the_revision_s_own_parent_adds_nothing()
    {
        _project.Revision("e", ["d2"], "", "", dependsOn: ["d2"]);
        var sql = new StringWriter();
        await _project.Commands().UpgradeAsync("d2:e", sql);
        Assert.Contains("-- Running upgrade d2 -> e\n\nUPDATE retort_version SET version_num='e' WHERE retort_version.version_num = 'd2';", sql.ToString());
        Assert.DoesNotContain("DELETE FROM retort_version", sql.ToString());
    }
}
