using System.Data.Common;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// Expand and contract on every database: a rename of a column split into a pre-deploy revision (add the new column,
/// backfill it) and a post-deploy one (drop the old column), with the old application's queries still working between
/// <c>upgrade head --phase pre</c> and <c>upgrade head --phase post</c>.
/// </summary>
public abstract class DeployPhaseSuite : LiveProjectTests
{
    private void RenameInTwoHalves() =>
        Project.Revision("r1", [],
                "op.CreateTable(\"users\", new Column(\"id\", SqlType.Integer, primaryKey: true, identity: false), new Column(\"name\", SqlType.String(40)));" +
                " op.Execute(\"INSERT INTO users (id, name) VALUES (1, 'Ada Lovelace'), (2, 'Grace Hopper')\");",
                "op.DropTable(\"users\");")
            .Revision("r2", ["r1"],
                "op.AddColumn(\"users\", new Column(\"full_name\", SqlType.String(80))); op.Execute(\"UPDATE users SET full_name = name\");",
                "op.DropColumn(\"users\", \"full_name\");")
            // The contract half backfills again first: the old application went on writing only the old column until it stopped.
            .Revision("r3", ["r2"],
                "op.Execute(\"UPDATE users SET full_name = name WHERE full_name IS NULL\"); op.DropColumn(\"users\", \"name\");",
                "op.AddColumn(\"users\", new Column(\"name\", SqlType.String(40))); op.Execute(\"UPDATE users SET name = full_name\");",
                phase: MigrationPhase.PostDeploy);

    [DatabaseFact]
    public async Task The_old_application_keeps_working_between_the_pre_and_the_post_deploy_halves()
    {
        RenameInTwoHalves();

        Assert.Equal(["r2"], await Project.Commands().UpgradeAsync("head", phase: MigrationPhase.PreDeploy));
        Assert.Contains("Held back for --phase post: r3 (step r3)", Project.Log);
        Assert.DoesNotContain("-> r3", Project.Log);
        Assert.Equal(["r2"], await CommandText.CurrentAsync(Project.Commands()));

        // The old application: reads and writes the old column.
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], await ColumnAsync("SELECT name FROM users ORDER BY id"));
        await ExecuteAsync("INSERT INTO users (id, name) VALUES (3, 'Edsger Dijkstra')");
        Assert.Equal(["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra"], await ColumnAsync("SELECT name FROM users ORDER BY id"));
        // The new application, started against the same database: reads the new column.
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], await ColumnAsync("SELECT full_name FROM users WHERE id < 3 ORDER BY id"));

        // A pre phase run again finds nothing more to do, and still says what waits.
        Assert.Equal(["r2"], await Project.Commands().UpgradeAsync("head", phase: MigrationPhase.PreDeploy));

        Assert.Equal(["r3"], await Project.Commands().UpgradeAsync("head", phase: MigrationPhase.PostDeploy));
        Assert.Equal(["r3"], await VersionRowsAsync());
        Assert.Equal(["r3 (head) [post-deploy]"], await CommandText.CurrentAsync(Project.Commands()));
        Assert.Equal(["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra"], await ColumnAsync("SELECT full_name FROM users ORDER BY id"));
        await Assert.ThrowsAnyAsync<DbException>(() => ColumnAsync("SELECT name FROM users"));
        Assert.Equal(["r1 upgrade", "r2 upgrade", "r3 upgrade"], await LogRowsAsync("revision, direction"));
    }

    [DatabaseFact]
    public async Task Without_a_phase_both_halves_run_as_before()
    {
        RenameInTwoHalves();

        Assert.Equal(["r3"], await Project.Commands().UpgradeAsync("head"));
        Assert.DoesNotContain("Held back", Project.Log);
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], await ColumnAsync("SELECT full_name FROM users ORDER BY id"));
    }
}

[RunsOn(TestDatabase.Sqlite)]
public sealed class SqliteDeployPhaseTests : DeployPhaseSuite;

[RunsOn(TestDatabase.Postgresql)]
public sealed class PostgresDeployPhaseTests : DeployPhaseSuite;

[RunsOn(TestDatabase.Mysql)]
public sealed class MariaDbDeployPhaseTests : DeployPhaseSuite;
