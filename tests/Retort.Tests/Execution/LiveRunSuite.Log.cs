using Retort.Execution;
using Retort.Revisions;

namespace Retort.Tests.Execution;

/// <summary>The log of applied steps: what each step writes, and what status reads from it.</summary>
public abstract partial class LiveRunSuite
{
    /// <summary>The log as "revision direction status", oldest first.</summary>
    private protected async Task<List<string>> LogRowsAsync(string columns = "revision, direction, status")
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM retort_version_log ORDER BY id";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private protected async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private string ScriptPath(string id) => Path.Combine(Project.Root, "migrations", "versions", $"{id}.cs");

    protected async Task The_log_records_every_step_with_its_checksum_who_and_how_long()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1");
        var before = DateTime.UtcNow.AddSeconds(-2);
        // Quotes and a backslash: SQLite gets the log's values as literals, the others as parameters.
        const string tag = @"release 1: it's C:\rel\1 -- 100% ""done""";
        await Project.Commands().UpgradeAsync("head", tag: tag);
        await Project.Commands().DowngradeAsync("-1");
        await Project.Commands().StampAsync(["b1"]);
        Assert.Equal(["a1 upgrade done", "b1 upgrade done", "b1 downgrade done", "b1 stamp done"], await LogRowsAsync());
        Assert.Equal([tag, tag, "null", "null"], await LogRowsAsync("tag"));

        var a1 = ScriptChecksum.OfFile(ScriptPath("a1"));
        var b1 = ScriptChecksum.OfFile(ScriptPath("b1"));
        var who = $"{Environment.UserName}@{Environment.MachineName}";
        var counted = DdlCommitsItself ? "1" : "null";
        Assert.Equal([
            $"a1 {a1} 1 {counted} {who} {StepJournal.ToolVersion}",
            $"b1 {b1} 1 {counted} {who} {StepJournal.ToolVersion}",
            $"b1 {b1} 1 {counted} {who} {StepJournal.ToolVersion}",
            $"b1 null null {(DdlCommitsItself ? "0" : "null")} {who} {StepJournal.ToolVersion}",
        ], await LogRowsAsync("revision, checksum, checksum_version, statements_done, applied_by, tool_version"));
        Assert.All(await LogRowsAsync("duration_ms"), d => Assert.True(long.Parse(d) >= 0));
        // One run, numbered steps: the upgrade wrote steps 1 and 2 under one run id.
        var runs = await LogRowsAsync("run_id, step");
        Assert.Equal(runs[0].Split(' ')[0], runs[1].Split(' ')[0]);
        Assert.Equal(["1", "2", "1", "1"], runs.Select(r => r.Split(' ')[1]));
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT applied_at FROM retort_version_log ORDER BY id";
        var first = await command.ExecuteScalarAsync();
        var appliedAt = first is string s ? DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : (DateTime)first!;
        Assert.InRange(appliedAt, before, DateTime.UtcNow.AddSeconds(2));
    }

    protected async Task A_failed_run_logs_its_failure_and_none_of_the_steps_it_undid()
    {
        Project.TableRevision("a1").TableRevision("a2", "a1")
            .Revision("b1", ["a2"], "op.Execute(\"INSERT INTO no_such_table VALUES (1)\");");
        await Project.Commands().UpgradeAsync("a1");
        await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        // Where DDL is transactional, a2's row went with the rollback, as did a2's table; elsewhere a2 was committed.
        Assert.Equal(DdlCommitsItself ? ["a1 upgrade done", "a2 upgrade done", "b1 upgrade failed"] : ["a1 upgrade done", "b1 upgrade failed"],
            await LogRowsAsync());
        Assert.Equal([DdlCommitsItself ? "a2" : "a1"], await VersionRowsAsync());
    }

    protected async Task Status_warns_of_an_edited_script_but_not_of_line_endings_or_trailing_spaces()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1");
        await Project.Commands().UpgradeAsync("head");
        var text = File.ReadAllText(ScriptPath("b1"));
        File.WriteAllText(ScriptPath("b1"), "\uFEFF" + text.ReplaceLineEndings("  \r\n") + "\r\n\r\n");
        var status = await Project.Commands().StatusAsync();
        Assert.Equal(["b1"], status.Heads.Select(r => r.Id));
        Assert.Empty(status.Warnings);

        File.WriteAllText(ScriptPath("a1"), File.ReadAllText(ScriptPath("a1")).Replace("t_a1", "t_a2"));
        var warning = Assert.Single((await Project.Commands().StatusAsync()).Warnings);
        Assert.Matches(@"^The script of a1 \(a1\.cs\) has changed since it was applied at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by .+@.+ \(checksum [0-9a-f]{12} then, [0-9a-f]{12} now\)$", warning);

        await ExecuteAsync("INSERT INTO retort_version (version_num) VALUES ('feed00000000')");
        Assert.Contains("The version table retort_version holds feed00000000, which no revision file defines", (await Project.Commands().StatusAsync()).Warnings);
    }

    protected async Task With_the_log_off_no_log_is_kept()
    {
        Project.TableRevision("a1");
        File.WriteAllText(Path.Combine(Project.Root, "retort.json"), $$"""{ "url": "{{Project.Url}}", "log": false }""");
        await Project.Commands().UpgradeAsync("head");
        await Project.Commands().StampAsync(["base"]);
        Assert.DoesNotContain("retort_version_log", await TablesAsync());
        Assert.Empty((await Project.Commands().StatusAsync()).Warnings);
    }

    protected async Task A_log_table_of_another_shape_is_refused()
    {
        Project.TableRevision("a1");
        await ExecuteAsync("CREATE TABLE retort_version_log (id INTEGER, note VARCHAR(10))");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("The table retort_version_log is not Retort's log of applied steps: it lacks run_id, step, revision,", error.Message);
        Assert.EndsWith("; set \"logTable\" to another name, or \"log\": false", error.Message);
        Assert.DoesNotContain("t_a1", await TablesAsync());
    }

    /// <summary>A revision that creates <c>t_ID</c>, then runs <paramref name="then"/>.</summary>
    private void HalfRevision(string id, string[] revises, string then) =>
        Project.Revision(id, revises, $"op.CreateTable(\"t_{id}\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.Execute(\"{then}\");",
            $"op.DropTable(\"t_{id}\");");

    protected async Task A_half_applied_revision_is_settled_by_resolve_rolled_back_or_applied()
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

    protected async Task A_run_killed_halfway_through_a_revision_is_reported_then_resumed()
    {
        Project.Revision("a1", [], "op.CreateTable(\"runs\", new Column(\"rev\", SqlType.String(32)));");
        HalfRevision("b1", ["a1"], "SELECT SLEEP(5)");
        Project.Revision("c1", ["b1"], "op.Execute(\"INSERT INTO runs (rev) VALUES ('c1')\");");
        using var process = Cli.CliProcess.Start(Project.Root, "upgrade", "head");
        var inSleep = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Running upgrade a1 -> b1") == true)
                inSleep.TrySetResult();
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await inSleep.Task.WaitAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(1000);
        Assert.False(process.HasExited);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await Project.Commands().LockStatusAsync() is not null && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(100);

        var refused = await Cli.CliProcess.RunAsync(Project.Root, "upgrade", "head");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("retort: error: The upgrade of b1 was left half applied by ", refused.Stderr);
        Assert.Contains("its first statement ran and stayed applied (mysql commits DDL as it runs), then its run stopped (killed, disconnected, or it lost the migration lock). Run 'retort upgrade b1 --resume' to go on from statement 2", refused.Stderr);
        var status = await Cli.CliProcess.RunAsync(Project.Root, "current", "-v");
        Assert.Contains("warning: The upgrade of b1 was left half applied", status.Stderr);

        var resumed = await Cli.CliProcess.RunAsync(Project.Root, "upgrade", "b1", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        resumed = await Cli.CliProcess.RunAsync(Project.Root, "upgrade", "head");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(["c1"], await VersionRowsAsync());
        Assert.Equal(["a1 upgrade done 1", "b1 upgrade resumed 1", "b1 upgrade done 2", "c1 upgrade done 1"],
            await LogRowsAsync("revision, direction, status, statements_done"));
    }

    protected async Task A_half_applied_downgrade_is_reported_and_resumed_downwards()
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

    /// <summary>
    /// b1 creates t_b1, then ends its own connection with <paramref name="killSelf"/> (C# run against
    /// <c>op.Connection</c>, given the connection id as <c>id</c>), then would create t_b2.
    /// </summary>
    protected async Task A_dropped_connection_leaves_a_state_the_next_run_reads_truthfully(string killSelf)
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            "op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));" +
            "using (var command = op.Connection.CreateCommand()) { command.Transaction = op.Transaction; " + killSelf + " }" +
            "op.CreateTable(\"t_b2\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("Upgrade b1 (b1.cs) failed: ", error.Message);
        Assert.DoesNotContain("\n", error.Message);
        Assert.Null(await Project.Commands().LockStatusAsync());
        if (DdlCommitsItself)
        {
            // a1 and b1's first statement committed; the log, written as they ran, says so.
            Assert.Equal(["a1"], await VersionRowsAsync());
            Assert.Equal(["a1 upgrade done 1", "b1 upgrade running 1"], await LogRowsAsync("revision, direction, status, statements_done"));
            var refused = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
            Assert.Contains("its first statement ran and stayed applied", refused.Message);
            Assert.Contains("then its run stopped (killed, disconnected, or it lost the migration lock)", refused.Message);
            Project.Revision("b1", ["a1"], "op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.CreateTable(\"t_b2\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
            await Project.Commands().UpgradeAsync("b1", resume: true);
        }
        else
        {
            // The server rolled the run back with the connection: nothing is left, not even the version table.
            Assert.Empty(await TablesAsync());
            Project.Revision("b1", ["a1"], "op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.CreateTable(\"t_b2\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
            await Project.Commands().UpgradeAsync("head");
        }
        Assert.Equal(["b1"], await VersionRowsAsync());
        Assert.Contains("t_b2", await TablesAsync());
    }
}
