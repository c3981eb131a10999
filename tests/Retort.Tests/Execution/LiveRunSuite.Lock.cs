using System.Diagnostics;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>The migration lock, in process: waiting, giving up, and release on failure and cancellation.</summary>
public abstract partial class LiveRunSuite
{
    /// <summary>What <c>retort lock status</c> names as the holder: a server names its session; SQLite has none to name.</summary>
    private string HolderWord => Target.Database switch
    {
        TestDatabase.Postgresql => "pid ",
        TestDatabase.Mysql => "connection ",
        _ => "another process",
    };

    [DatabaseFact]
    public async Task The_lock_is_released_after_a_failing_statement_and_the_next_run_gets_it_at_once()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"], "op.Execute(\"INSERT INTO no_such_table VALUES (1)\");");
        await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.Null(await Project.Commands().Lock.StatusAsync());
        var heads = await Project.Commands(c => c with { LockTimeout = 0 }).UpgradeAsync("a1");
        Assert.Equal(["a1"], heads);
    }

    [DatabaseFact]
    public async Task The_lock_is_released_after_cancellation_within_a_run()
    {
        Project.Revision("a1", [], "System.Threading.Thread.Sleep(1500); op.CreateTable(\"t_a1\", new Column(\"id\", SqlType.Integer, primaryKey: true));")
            .TableRevision("b1", "a1");
        await Project.Commands().UpgradeAsync("a1", sql: new StringWriter()); // compiles once, so the cancel lands in the run
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Project.Commands().UpgradeAsync("head", cancellationToken: cancel.Token));
        Assert.Null(await Project.Commands().Lock.StatusAsync());
        Assert.Equal(["b1"], await Project.Commands(c => c with { LockTimeout = 0 }).UpgradeAsync("head"));
    }

    [DatabaseFact]
    public async Task A_second_run_waits_says_whom_for_and_gives_up_at_the_timeout_or_on_cancellation()
    {
        // Reading op.Connection makes the run call the code live (on SQLite it is otherwise recorded ahead of the run),
        // so the sleep falls after the "Running upgrade" line, with the lock held.
        Project.Revision("a1", [], "_ = op.Connection; System.Threading.Thread.Sleep(5000); op.CreateTable(\"t_a1\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        // Compiles once; the script itself stops at op.Connection, which --sql does not have.
        await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("a1", sql: new StringWriter()));
        // On its own thread: SQLite's run may not yield before the revision's sleep.
        var first = Task.Run(() => Project.Commands().UpgradeAsync("head"));
        var started = Stopwatch.StartNew();
        while (Project.Log.Split("Running upgrade  -> a1").Length < 3 && started.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(50);
        Assert.Contains(HolderWord, await Project.Commands().Lock.StatusAsync());

        var late = await Assert.ThrowsAsync<RetortException>(() => Project.Commands(c => c with { LockTimeout = 1 }).UpgradeAsync("head"));
        Assert.StartsWith("Gave up after 1 s waiting for the migration lock on ", late.Message);
        Assert.Contains(HolderWord, late.Message);
        Assert.Contains("Waiting for another Retort run on ", Project.Log);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Project.Commands().UpgradeAsync("head", cancellationToken: cancel.Token));

        Assert.Equal(["a1"], await first);
        Assert.Null(await Project.Commands().Lock.StatusAsync());
        Assert.Equal(["a1"], await VersionRowsAsync());
    }
}

/// <summary>The lease in the lock table (<c>"lock": "table"</c>): a crashed run's lease blocks until it expires or is released.</summary>
public abstract partial class LiveRunSuite
{
    private async Task PutLeaseAsync(string holder, TimeSpan fromNow)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM retort_version_lock; INSERT INTO retort_version_lock (name, holder, expires_ms) VALUES ('retort_version', '{holder}', {DateTimeOffset.UtcNow.Add(fromNow).ToUnixTimeMilliseconds()})";
        await command.ExecuteNonQueryAsync();
    }

    [DatabaseFact]
    public async Task A_crashed_runs_lease_blocks_until_it_expires_or_is_released()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1");
        Commands Table(int timeout = 300) => Project.Commands(c => c with { Lock = "table", LockTimeout = timeout });
        Assert.Null(await Table().Lock.StatusAsync());
        await PutLeaseAsync("crashed-host pid 1", TimeSpan.FromMinutes(1));
        Assert.Equal("crashed-host pid 1", await Table().Lock.StatusAsync());

        var late = await Assert.ThrowsAsync<RetortException>(() => Table(timeout: 1).UpgradeAsync("a1"));
        Assert.Contains("held by crashed-host pid 1", late.Message);
        Assert.Contains("(lock table retort_version_lock)", late.Message);
        // The wait line says when a holder that stopped renewing is taken over, and lock status says so too.
        Assert.Matches(@"Waiting for another Retort run on .+ \(lock table retort_version_lock\) to finish \(held by crashed-host pid 1; its lease runs to \d\d:\d\d:\d\d UTC, and is taken over then if not renewed\); giving up after 1 s \(lockTimeout\)", Project.Log);
        Assert.Matches(@"^The migration lock is held by crashed-host pid 1, its lease renewed until \d\d:\d\d:\d\d UTC \(taken over then if its run stops renewing it\)$", await Table().Lock.DescribeAsync());

        await PutLeaseAsync("crashed-host pid 1", TimeSpan.FromSeconds(-1));
        Assert.Matches(@"^The migration lock is free: the lease of crashed-host pid 1 expired at \d\d:\d\d:\d\d UTC, \d+ s ago, and the next run takes it over$", await Table().Lock.DescribeAsync());
        Assert.Equal(["a1"], await Table(timeout: 0).UpgradeAsync("a1"));
        Assert.Null(await Table().Lock.StatusAsync());

        await PutLeaseAsync("crashed-host pid 2", TimeSpan.FromMinutes(1));
        Assert.True(await Table().Lock.ReleaseAsync());
        Assert.False(await Table().Lock.ReleaseAsync());
        Assert.Equal(["b1"], await Table(timeout: 0).UpgradeAsync("head"));
    }
}
