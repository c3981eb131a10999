using System.Diagnostics;
using System.Text;
using Retort.Tests.Cli;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>The migration lock across real <c>retort</c> processes: many at once, and one killed mid-run.</summary>
public abstract partial class LiveRunSuite
{
    /// <summary>Three revisions that each add their id to table <c>runs</c>, so a revision run twice shows as two rows.</summary>
    private void CountingRevisions(string slowStatement = "")
    {
        static string Count(string id) => $"op.Execute(\"INSERT INTO runs (rev) VALUES ('{id}')\");";
        Project.Revision("a1", [], "op.CreateTable(\"runs\", new Column(\"rev\", SqlType.String(32)));" + Count("a1"))
            .Revision("b1", ["a1"], (slowStatement.Length == 0 ? "" : $"op.Execute(\"{slowStatement}\");")
                + "op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));" + Count("b1"))
            .Revision("c1", ["b1"], Count("c1"));
    }

    private Task<List<string>> CountedRunsAsync() => ColumnAsync("SELECT rev FROM runs ORDER BY rev");

    [DatabaseFact]
    public Task Eight_processes_upgrading_at_once_on_the_session_lock_run_each_migration_once_and_end_at_head() => EightProcessesAsync("session");

    [DatabaseFact]
    public Task Eight_processes_upgrading_at_once_on_the_lock_table_run_each_migration_once_and_end_at_head() => EightProcessesAsync("table");

    private async Task EightProcessesAsync(string lockKind)
    {
        CountingRevisions();
        File.WriteAllText(Path.Combine(Project.Root, "retort.json"), $$"""{ "scriptLocation": "migrations", "url": "{{Project.Url}}", "lock": "{{lockKind}}" }""");
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CliProcess.RunAsync(Project.Root, "upgrade", "head")));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.Equal(["a1", "b1", "c1"], await CountedRunsAsync());
        Assert.Equal(["c1"], await VersionRowsAsync());
        Assert.Single(runs, r => r.Stderr.Contains("Running upgrade b1 -> c1"));
        Assert.Equal(["a1 upgrade done", "b1 upgrade done", "c1 upgrade done"], await LogRowsAsync());
        // The winner compiles the revisions under the lock, so the others, started together, find it taken.
        Assert.Contains(runs, r => r.Stderr.Contains("Waiting for another Retort run on "));
        Assert.Null(await Project.Commands(c => c with { Lock = lockKind }).Lock.StatusAsync());
    }

    [DatabaseFact]
    public async Task A_run_killed_in_a_long_migration_leaves_no_lock_and_the_next_run_ends_at_head()
    {
        CountingRevisions(Target.Sleep(4));
        using var process = CliProcess.Start(Project.Root, "upgrade", "head");
        var stderr = new StringBuilder();
        var inSlowRevision = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
                stderr.AppendLine(e.Data);
            if (e.Data?.Contains("Running upgrade a1 -> b1") == true)
                inSlowRevision.TrySetResult();
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await inSlowRevision.Task.WaitAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(700);
        Assert.False(process.HasExited, stderr.ToString());
        process.Kill(entireProcessTree: true); // SIGKILL: no finally block, no rollback, no unlock
        await process.WaitForExitAsync();

        var clock = Stopwatch.StartNew();
        string? holder;
        while ((holder = await Project.Commands().Lock.StatusAsync()) is not null && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(100);
        Assert.Null(holder);

        var again = await CliProcess.RunAsync(Project.Root, "upgrade", "head");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(["c1"], await VersionRowsAsync());
        Assert.Equal(["a1", "b1", "c1"], await CountedRunsAsync());
        Assert.Contains("t_b1", await TablesAsync());
        // Where DDL is transactional, the killed run's rows went with its transaction: the log shows each revision
        // applied once. Where it commits itself, a1 stayed committed with its row, and b1's, killed before any of its
        // statements committed, was closed as failed by the next run, which ran b1 from the start.
        Assert.Equal(Target.DdlCommitsItself
            ? ["a1 upgrade done", "b1 upgrade failed", "b1 upgrade done", "c1 upgrade done"]
            : ["a1 upgrade done", "b1 upgrade done", "c1 upgrade done"], await LogRowsAsync());
        Assert.Null(await Project.Commands().Lock.StatusAsync());
    }

    /// <summary>Ctrl+C (SIGINT) while b1's first statement, a sleep of 40 s, runs.</summary>
    [DatabaseFact]
    public async Task Ctrl_C_in_a_long_statement_stops_the_run_at_once_and_leaves_a_true_state()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            $"op.Execute(\"{Target.Sleep(40)}\"); op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        using var process = CliProcess.Start(Project.Root, "upgrade", "head");
        var stderr = new StringBuilder();
        var inSlowStatement = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
                stderr.AppendLine(e.Data);
            if (e.Data?.Contains("Running upgrade a1 -> b1") == true)
                inSlowStatement.TrySetResult();
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await inSlowStatement.Task.WaitAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await interrupt.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        // The statement is cancelled where it runs, not waited for.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed} to stop");
        lock (stderr)
            Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {stderr}");
        lock (stderr)
            Assert.True(stderr.ToString().TrimEnd().EndsWith("retort: error: cancelled", StringComparison.Ordinal), stderr.ToString());

        if (Target.DdlCommitsItself)
        {
            Assert.Equal(["a1"], await VersionRowsAsync());
            Assert.Equal(["a1 upgrade done", "b1 upgrade failed"], await LogRowsAsync());
        }
        else
            Assert.Empty(await TablesAsync());
        Assert.Null(await Project.Commands().Lock.StatusAsync());
        Project.TableRevision("b1", "a1");
        var again = await CliProcess.RunAsync(Project.Root, "upgrade", "head");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(["b1"], await VersionRowsAsync());
    }
}
