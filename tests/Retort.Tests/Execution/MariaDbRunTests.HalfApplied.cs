using Retort.Tests.Cli;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// What a run leaves when MariaDB has committed part of a revision: a failed or killed revision is reported half applied,
/// resumed from the statement after the last that committed, or resolved by hand; a DDL statement in flight when its run
/// died is settled by looking at the database, or asked about. On SQLite and PostgreSQL the suite's tests show the
/// same failures leaving nothing behind.
/// </summary>
public sealed partial class MariaDbRunTests
{
    [DatabaseFact]
    public async Task A_DDL_statement_in_flight_when_its_run_is_killed_is_settled_by_looking_at_the_database()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            "op.Execute(\"CREATE TABLE t_slow AS SELECT SLEEP(12) AS x\"); op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
            "op.DropTable(\"t_b1\"); op.DropTable(\"t_slow\");");
        using (var run = WatchedCli.Start(Project.Root, "upgrade", "head"))
        {
            await run.WaitForAsync("Running upgrade a1 -> b1", Patience);
            await Task.Delay(800);
            await run.KillAsync();
        }

        // Killed in its first statement, b1 is half applied like any other revision, and every command says so.
        var status = await CliProcess.RunAsync(Project.Root, "current", "-v");
        Assert.Contains("warning: The upgrade of b1 was left half applied by ", status.Stderr);
        Assert.Contains("none of its statements had committed (mysql commits DDL as it runs); statement 1 was in flight, and whether it took effect is settled by looking at the database when the upgrade resumes, then its run stopped", status.Stderr);
        var refused = await CliProcess.RunAsync(Project.Root, "upgrade", "head");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Run 'retort upgrade b1 --resume' to go on from statement 1;", refused.Stderr);

        // The advice works: the resume waits for the server to finish the statement, sees the table, and goes on after it.
        var resumed = await CliProcess.RunAsync(Project.Root, "upgrade", "b1", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("Waiting for the server to finish statement 1 of b1 (CREATE TABLE t_slow AS SELECT SLEEP(12) AS x), still running in connection ", resumed.Stderr);
        Assert.Contains("Settled statement 1 of b1 (CREATE TABLE t_slow AS SELECT SLEEP(12) AS x), in flight when its run stopped: it took effect (table t_slow exists)", resumed.Stderr);
        Assert.Equal(["b1"], await VersionRowsAsync());
        Assert.Equal(["retort_version", "retort_version_log", "t_a1", "t_b1", "t_slow"], await TablesAsync());
        Assert.Equal(["a1 upgrade done 1", "b1 upgrade resumed 0", "b1 upgrade done 2"], await LogRowsAsync("revision, direction, status, statements_done"));
    }

    [DatabaseFact]
    public async Task A_statement_in_flight_whose_effect_cannot_be_read_is_asked_about_and_resolved()
    {
        Project.Revision("a1", [], "op.Execute(\"CREATE PROCEDURE slow_proc() BEGIN DO SLEEP(3); END\");", "op.Execute(\"DROP PROCEDURE slow_proc\");")
            .Revision("b1", ["a1"], "op.Execute(\"CALL slow_proc()\"); op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
                "op.DropTable(\"t_b1\");");
        using (var run = WatchedCli.Start(Project.Root, "upgrade", "head"))
        {
            await run.WaitForAsync("Running upgrade a1 -> b1", Patience);
            await Task.Delay(800);
            await run.KillAsync();
        }
        await Task.Delay(3000);

        // A procedure call's effect is not in its text: the resume stops and asks, and asks again until told.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var asked = await CliProcess.RunAsync(Project.Root, "upgrade", "b1", "--resume");
            Assert.Equal(1, asked.ExitCode);
            Assert.Contains("Cannot tell whether statement 1 of b1 (CALL slow_proc()), in flight when its run stopped, took effect: look at the database, " +
                "then run 'retort resolve b1 --statement ran' if it did or 'retort resolve b1 --statement not-run' if it did not, and 'retort upgrade b1 --resume' again", asked.Stderr);
            Assert.Collection(asked.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                line => Assert.Equal("Running upgrade a1 -> b1, step b1", line),
                line => Assert.StartsWith("retort: error: Upgrade b1 (b1.cs) failed: Cannot tell whether statement 1 of b1", line));
        }
        var wrong = await CliProcess.RunAsync(Project.Root, "resolve", "a1", "--statement", "ran");
        Assert.Equal("retort: error: Nothing to settle for a1: the log shows no statement of it in flight when a run stopped\n", wrong.Stderr);

        var resolved = await CliProcess.RunAsync(Project.Root, "resolve", "b1", "--statement", "ran");
        Assert.True(resolved.ExitCode == 0, resolved.Stderr);
        Assert.Contains("Marked statement 1 of b1 as having taken effect; run 'retort upgrade b1 --resume' to go on from statement 2", resolved.Stderr);
        var status = await CliProcess.RunAsync(Project.Root, "current", "-v");
        Assert.Contains("statement 1 was in flight and took effect (settled by hand)", status.Stderr);
        var resumed = await CliProcess.RunAsync(Project.Root, "upgrade", "b1", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(["b1"], await VersionRowsAsync());
        Assert.Contains("t_b1", await TablesAsync());
        Assert.Equal(["a1 upgrade done 1", "b1 upgrade resumed 0", "b1 upgrade resumed 0", "b1 upgrade resumed 0", "b1 upgrade done 2"], await LogRowsAsync("revision, direction, status, statements_done"));
    }

    /// <summary>A revision that creates <c>t_ID</c>, then runs <paramref name="then"/>.</summary>
    private void HalfRevision(string id, string[] revises, string then) =>
        Project.Revision(id, revises, $"op.CreateTable(\"t_{id}\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.Execute(\"{then}\");",
            $"op.DropTable(\"t_{id}\");");

    [DatabaseFact]
    public async Task A_half_applied_revision_is_settled_by_resolve_rolled_back_or_applied()
    {
        Project.TableRevision("a1");
        HalfRevision("b1", ["a1"], "INSERT INTO no_such_table VALUES (1)");
        await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));

        // Undone by hand: the next run runs b1 from its first statement.
        await ExecuteAsync("DROP TABLE t_b1");
        await Project.Commands().ResolveAsync("b1", applied: false);
        HalfRevision("b1", ["a1"], "INSERT INTO t_b1 VALUES (1)");
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(["b1"], await VersionRowsAsync());

        // Finished by hand: the version table moves as the step would have moved it.
        HalfRevision("c1", ["b1"], "INSERT INTO no_such_table VALUES (1)");
        await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        await Project.Commands().ResolveAsync("c1", applied: true);
        Assert.Equal(["c1"], await VersionRowsAsync());
        Assert.Equal(["a1 upgrade done", "b1 upgrade failed", "b1 upgrade rolled-back", "b1 upgrade done", "c1 upgrade failed", "c1 upgrade resolved"],
            await LogRowsAsync());
        var nothing = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().ResolveAsync("c1", applied: true));
        Assert.Equal("Nothing to resolve: the log shows no revision left half applied", nothing.Message);
        Assert.Contains("Marked the upgrade b1 -> c1 as applied by hand", Project.Log);
    }

    [DatabaseFact]
    public async Task A_run_killed_halfway_through_a_revision_is_reported_then_resumed()
    {
        Project.Revision("a1", [], "op.CreateTable(\"runs\", new Column(\"rev\", SqlType.String(32)));");
        HalfRevision("b1", ["a1"], "SELECT SLEEP(5)");
        Project.Revision("c1", ["b1"], "op.Execute(\"INSERT INTO runs (rev) VALUES ('c1')\");");
        using (var run = WatchedCli.Start(Project.Root, "upgrade", "head"))
        {
            await run.WaitForAsync("Running upgrade a1 -> b1", Patience);
            await Task.Delay(1000);
            Assert.False(run.Process.HasExited);
            await run.KillAsync();
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await Project.Commands().Lock.StatusAsync() is not null && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(100);

        var refused = await CliProcess.RunAsync(Project.Root, "upgrade", "head");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("retort: error: The upgrade of b1 was left half applied by ", refused.Stderr);
        Assert.Contains("its first statement ran and stayed applied (mysql commits DDL as it runs), then its run stopped (killed, disconnected, or it lost the migration lock). Run 'retort upgrade b1 --resume' to go on from statement 2", refused.Stderr);
        var status = await CliProcess.RunAsync(Project.Root, "current", "-v");
        Assert.Contains("warning: The upgrade of b1 was left half applied", status.Stderr);

        var resumed = await CliProcess.RunAsync(Project.Root, "upgrade", "b1", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        resumed = await CliProcess.RunAsync(Project.Root, "upgrade", "head");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(["c1"], await VersionRowsAsync());
        Assert.Equal(["a1 upgrade done 1", "b1 upgrade resumed 1", "b1 upgrade done 2", "c1 upgrade done 1"],
            await LogRowsAsync("revision, direction, status, statements_done"));
    }

    [DatabaseFact]
    public async Task A_half_applied_downgrade_is_reported_and_resumed_downwards()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            "op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.CreateTable(\"t_b2\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
            "op.DropTable(\"t_b2\"); op.Execute(\"DROP TABLE no_such_table\"); op.DropTable(\"t_b1\");");
        await Project.Commands().UpgradeAsync("head");
        var failed = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().DowngradeAsync("a1"));
        Assert.EndsWith("fix the cause and run 'retort downgrade b1-1 --resume' to go on from statement 2", failed.Message);
        Assert.Equal(["b1"], await VersionRowsAsync());

        // Upgrading is refused too: the database is between b1 and a1.
        var refused = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("The downgrade of b1 was left half applied by ", refused.Message);
        var wrongWay = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head", resume: true));
        Assert.Equal("Cannot resume: what was left half applied is the downgrade of b1; resume it with 'retort downgrade b1-1 --resume'", wrongWay.Message);
        var nowhere = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().DowngradeAsync("b1", resume: true));
        Assert.Equal("Cannot resume the downgrade of b1: 'b1' is where the database already is", nowhere.Message);

        Project.Revision("b1", ["a1"], "", "op.DropTable(\"t_b2\"); op.Execute(\"SELECT 1\"); op.DropTable(\"t_b1\");");
        await Project.Commands().DowngradeAsync("b1-1", resume: true);
        Assert.Equal(["a1"], await VersionRowsAsync());
        Assert.DoesNotContain("t_b1", await TablesAsync());
        Assert.Equal(["b1 downgrade resumed 1", "b1 downgrade done 3"], (await LogRowsAsync("revision, direction, status, statements_done")).Skip(2));
    }
}
