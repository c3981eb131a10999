using Retort.Tests.Cli;

namespace Retort.Tests.Execution;

/// <summary>
/// The journal under kills and pauses: a DDL statement in flight when its run dies is settled by looking at the
/// database, or asked about; a lease holder paused past its lease stops before its next statement.
/// </summary>
public abstract partial class LiveRunSuite
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    protected async Task A_DDL_statement_in_flight_when_its_run_is_killed_is_settled_by_looking_at_the_database()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            "op.Execute(\"CREATE TABLE t_slow AS SELECT SLEEP(6) AS x\"); op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
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
        Assert.Contains("Waiting for the server to finish statement 1 of b1 (CREATE TABLE t_slow AS SELECT SLEEP(6) AS x), still running in connection ", resumed.Stderr);
        Assert.Contains("Settled statement 1 of b1 (CREATE TABLE t_slow AS SELECT SLEEP(6) AS x), in flight when its run stopped: it took effect (table t_slow exists)", resumed.Stderr);
        Assert.Equal(["b1"], await VersionRowsAsync());
        Assert.Equal(["retort_version", "retort_version_log", "t_a1", "t_b1", "t_slow"], await TablesAsync());
        Assert.Equal(["a1 upgrade done 1", "b1 upgrade resumed 0", "b1 upgrade done 2"], await LogRowsAsync("revision, direction, status, statements_done"));
    }

    protected async Task A_statement_in_flight_whose_effect_cannot_be_read_is_asked_about_and_resolved()
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

    /// <summary>
    /// The first run, holding the lease, is paused (SIGSTOP) inside <paramref name="slowStatement"/> past its lease; a
    /// second run takes the lease over and migrates; the first, continued, must stop rather than go on.
    /// </summary>
    protected async Task A_lease_holder_paused_past_its_lease_stops_before_its_next_statement(string slowStatement)
    {
        File.WriteAllText(Path.Combine(Project.Root, "retort.json"),
            $$"""{ "scriptLocation": "migrations", "url": "{{Project.Url}}", "lock": "table", "lockLease": 3 }""");
        Project.TableRevision("a1").Revision("b1", ["a1"],
            $"op.Execute(\"{slowStatement}\"); op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));", "op.DropTable(\"t_b1\");");
        using var first = WatchedCli.Start(Project.Root, "upgrade", "head");
        await first.WaitForAsync("Running upgrade a1 -> b1", Patience);
        await Task.Delay(300);
        await first.SignalAsync("STOP");
        WatchedCli? second = null;
        try
        {
            await Task.Delay(4500);
            var status = await CliProcess.RunAsync(Project.Root, "lock", "status");
            Assert.Matches(@"^The migration lock is free: the lease of \S+ pid \d+ run \w+ expired at \d\d:\d\d:\d\d UTC, \d+ s ago, and the next run takes it over\n$", status.Stdout);
            second = WatchedCli.Start(Project.Root, "upgrade", "head");
            await Task.Delay(2500);
        }
        finally
        {
            await first.SignalAsync("CONT");
        }
        using (second)
        {
            Assert.True(await first.ExitAsync(Patience) == 1, first.Stderr);
            Assert.Matches(@"retort: error: Upgrade b1 \(b1\.cs\) failed: Lost the migration lock on .+: its 3 s lease ran out while this run was paused or cut off(, and .+ took it over)?; stopped before its next statement\.", first.Stderr);
            Assert.True(await second!.ExitAsync(Patience) == 0, second.Stderr);
        }
        Assert.Equal(["b1"], await VersionRowsAsync());
        Assert.Contains("t_b1", await TablesAsync());
        Assert.Equal(["a1 upgrade done", "b1 upgrade done"], (await LogRowsAsync()).Where(r => r.EndsWith(" done", StringComparison.Ordinal)));
        Assert.Equal("The migration lock is free", await Project.Commands(c => c with { Lock = "table" }).LockDescriptionAsync());
    }

    protected async Task With_a_transaction_per_migration_a_failure_says_which_revisions_were_kept()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1").Revision("c1", ["b1"], "op.Execute(\"INSERT INTO no_such_table VALUES (1)\");");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands(c => c with { TransactionPerMigration = true }).UpgradeAsync("head"));
        Assert.EndsWith("; 2 revisions of this run committed and stay applied; c1 was rolled back", error.Message);
        Assert.Equal(["b1"], await VersionRowsAsync());
    }

    /// <summary>SIGTERM (docker stop, a pod ending) while b1's second statement, <paramref name="slowStatement"/>, runs.</summary>
    protected async Task SIGTERM_stops_a_run_like_Ctrl_C_and_names_what_stays_applied(string slowStatement)
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            $"op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.Execute(\"{slowStatement}\"); op.CreateTable(\"t_b2\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
            "op.DropTable(\"t_b2\"); op.DropTable(\"t_b1\");");
        using (var run = WatchedCli.Start(Project.Root, "upgrade", "head"))
        {
            await run.WaitForAsync("Running upgrade a1 -> b1", Patience);
            await Task.Delay(800);
            await run.SignalAsync("TERM");
            Assert.True(await run.ExitAsync(TimeSpan.FromSeconds(30)) == 1, run.Stderr);
            var last = run.Stderr.TrimEnd().Split('\n')[^1];
            if (DdlCommitsItself)
            {
                // The cancelled statement was cut short and rolled back with its count: the resume runs it again.
                Assert.Equal("retort: error: cancelled; its first statement ran and stays applied (mysql commits DDL as it runs); " +
                    "the version table still shows the revision before it; run 'retort upgrade b1 --resume' to go on from statement 2", last);
                // The row of the stopped step says it failed; none stays "running" beside the later "done".
                Assert.Equal(["a1 upgrade done 1", "b1 upgrade failed 1"], await LogRowsAsync("revision, direction, status, statements_done"));
                var resumed = await CliProcess.RunAsync(Project.Root, "upgrade", "b1", "--resume");
                Assert.True(resumed.ExitCode == 0, resumed.Stderr);
                Assert.Equal(["a1 upgrade done 1", "b1 upgrade resumed 1", "b1 upgrade done 3"], await LogRowsAsync("revision, direction, status, statements_done"));
            }
            else
            {
                // One transaction for the whole run: nothing of it stays, and the line says only that.
                Assert.Equal("retort: error: cancelled", last);
                Assert.Empty(await TablesAsync());
                Assert.Equal(0, (await CliProcess.RunAsync(Project.Root, "upgrade", "head")).ExitCode);
            }
        }
        Assert.Equal(["b1"], await VersionRowsAsync());
        Assert.Contains("t_b2", await TablesAsync());
    }
}
