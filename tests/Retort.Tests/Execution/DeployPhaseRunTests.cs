using Microsoft.Data.Sqlite;

namespace Retort.Tests.Execution;

/// <summary>
/// Deploy phases where nothing needs a server: the offline script of each half (<c>upgrade --sql --phase pre|post</c>),
/// migrations compiled into an application run half by half through <see cref="Migrator"/>, and a resume that the pre
/// phase would skip.
/// </summary>
public sealed class DeployPhaseRunTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///app.db");

    public void Dispose() => _project.Dispose();

    // r1 → r2 → r3 (post) → r4, each creating its table t_ID.
    private void Chain() => _project.TableRevision("r1").TableRevision("r2", "r1")
        .Revision("r3", ["r2"], "op.CreateTable(\"t_r3\", new Column(\"id\", SqlType.Integer, primaryKey: true));", "op.DropTable(\"t_r3\");",
            phase: MigrationPhase.PostDeploy)
        .TableRevision("r4", "r3");

    private static string Steps(string sql) =>
        string.Join(" | ", sql.Split('\n').Where(l => l.StartsWith("-- Running", StringComparison.Ordinal) || l.StartsWith("CREATE TABLE t_", StringComparison.Ordinal))
            .Select(l => l.Trim()));

    [Fact]
    public async Task The_offline_script_of_the_pre_phase_has_only_the_pre_deploy_revisions()
    {
        Chain();
        var sql = new StringWriter();
        await _project.Commands().UpgradeAsync("head", sql, phase: MigrationPhase.PreDeploy);

        Assert.Equal("-- Running upgrade  -> r1 | CREATE TABLE t_r1 ( | -- Running upgrade r1 -> r2 | CREATE TABLE t_r2 (", Steps(sql.ToString()));
        Assert.Contains("Held back for --phase post: r3 (step r3)\n", _project.Log.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("'r3'", sql.ToString());
        Assert.DoesNotContain("t_r4", sql.ToString());
        Assert.EndsWith("COMMIT;", sql.ToString().TrimEnd());
    }

    [Fact]
    public async Task The_offline_script_of_the_post_phase_starts_where_the_pre_phase_stopped()
    {
        Chain();
        var sql = new StringWriter();
        await _project.Commands().UpgradeAsync("r2:head", sql, phase: MigrationPhase.PostDeploy);

        Assert.Equal("-- Running upgrade r2 -> r3 | CREATE TABLE t_r3 ( | -- Running upgrade r3 -> r4 | CREATE TABLE t_r4 (", Steps(sql.ToString()));
        Assert.DoesNotContain("Held back", _project.Log);
    }

    [Fact]
    public async Task Migrations_compiled_into_an_application_run_half_by_half()
    {
        Chain();
        var assembly = await MigratorTests.BuildAsync(_project);
        var progress = new StringWriter();
        var migrator = new Migrator(new MigratorOptions
        {
            Assemblies = [assembly],
            Url = $"sqlite:////{Path.Combine(_project.Root, "app.db").TrimStart('/')}",
            Connect = TestProject.Connect,
            Progress = progress,
        });
        Assert.Equal(MigrationPhase.PostDeploy, migrator.Revisions["r3"].Phase);
        Assert.Equal(MigrationPhase.PreDeploy, migrator.Revisions["r4"].Phase);
        Assert.Equal(["r1", "r2"], (await migrator.PendingAsync("head", MigrationPhase.PreDeploy)).Select(r => r.Id));

        Assert.Equal(["r2"], await migrator.UpgradeAsync("head", MigrationPhase.PreDeploy));
        Assert.Contains("Held back for --phase post: r3 (R_r3)", progress.ToString());
        Assert.Equal(["r3", "r4"], (await migrator.PendingAsync()).Select(r => r.Id));
        Assert.Equal(["r4"], await migrator.UpgradeAsync("head", MigrationPhase.PostDeploy));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_project.Root, "app.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE 't_r%'";
        Assert.Equal(4L, await command.ExecuteScalarAsync());
    }
}
