using Retort.Tests.Cli;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// The journal under kills and pauses: a lease holder paused past its lease stops before its next statement; a run
/// stopped by SIGTERM or failing under a transaction per migration says what stays applied.
/// </summary>
public abstract partial class LiveRunSuite
{
    private protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The first run, holding the lease, is paused (SIGSTOP) inside a statement of 4 s past its lease; a
    /// second run takes the lease over and migrates; the first, continued, must stop rather than go on.
    /// </summary>
    [DatabaseFact(Except = [TestDatabase.Sqlite], Because = "SQLite lets one writer at a time: the paused holder's open transaction keeps the second run from "
        + "taking the lease over, and the two runs were seen still waiting on each other after 90 s")]
    public async Task A_lease_holder_paused_past_its_lease_stops_before_its_next_statement()
    {
        File.WriteAllText(Path.Combine(Project.Root, "retort.json"),
            $$"""{ "scriptLocation": "migrations", "url": "{{Project.Url}}", "lock": "table", "lockLease": 3 }""");
        Project.TableRevision("a1").Revision("b1", ["a1"],
            $"op.Execute(\"{Target.Sleep(4)}\"); op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));", "op.DropTable(\"t_b1\");");
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
        Assert.Equal("The migration lock is free", await Project.Commands(c => c with { Lock = "table" }).Lock.DescribeAsync());
    }

    [DatabaseFact]
    public async Task With_a_transaction_per_migration_a_failure_says_which_revisions_were_kept()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1").Revision("c1", ["b1"], "op.Execute(\"INSERT INTO no_such_table VALUES (1)\");");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands(c => c with { TransactionPerMigration = true }).UpgradeAsync("head"));
        // Where DDL commits itself, each revision is committed as it ends anyway: the error tells only where the version table is.
        Assert.EndsWith(Target.DdlCommitsItself ? "; the version table still shows the revision before it" : "; 2 revisions of this run committed and stay applied; c1 was rolled back",
            error.Message);
        Assert.Equal(["b1"], await VersionRowsAsync());
    }

    /// <summary>SIGTERM (docker stop, a pod ending) while b1's second statement, a sleep of 3 s, runs.</summary>
    [DatabaseFact]
    public async Task SIGTERM_stops_a_run_like_Ctrl_C_and_names_what_stays_applied()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            $"op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.Execute(\"{Target.Sleep(3)}\"); op.CreateTable(\"t_b2\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
            "op.DropTable(\"t_b2\"); op.DropTable(\"t_b1\");");
        using (var run = WatchedCli.Start(Project.Root, "upgrade", "head"))
        {
            await run.WaitForAsync("Running upgrade a1 -> b1", Patience);
            await Task.Delay(800);
            await run.SignalAsync("TERM");
            Assert.True(await run.ExitAsync(TimeSpan.FromSeconds(30)) == 1, run.Stderr);
            var last = run.Stderr.TrimEnd().Split('\n')[^1];
            if (Target.DdlCommitsItself)
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
