using Retort.Execution;
using Retort.Revisions;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>The log of applied steps: what each step writes, and what status reads from it.</summary>
public abstract partial class LiveRunSuite
{
    private string ScriptPath(string id) => Path.Combine(Project.Root, "migrations", "versions", $"{id}.cs");

    [DatabaseFact]
    public async Task The_log_records_every_step_with_its_checksum_who_and_how_long()
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
        var counted = Target.DdlCommitsItself ? "1" : "null";
        Assert.Equal([
            $"a1 {a1} 1 {counted} {who} {StepJournal.ToolVersion}",
            $"b1 {b1} 1 {counted} {who} {StepJournal.ToolVersion}",
            $"b1 {b1} 1 {counted} {who} {StepJournal.ToolVersion}",
            $"b1 null null {(Target.DdlCommitsItself ? "0" : "null")} {who} {StepJournal.ToolVersion}",
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

    [DatabaseFact]
    public async Task A_failed_run_logs_its_failure_and_none_of_the_steps_it_undid()
    {
        Project.TableRevision("a1").TableRevision("a2", "a1")
            .Revision("b1", ["a2"], "op.Execute(\"INSERT INTO no_such_table VALUES (1)\");");
        await Project.Commands().UpgradeAsync("a1");
        await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        // Where DDL is transactional, a2's row went with the rollback, as did a2's table; elsewhere a2 was committed.
        Assert.Equal(Target.DdlCommitsItself ? ["a1 upgrade done", "a2 upgrade done", "b1 upgrade failed"] : ["a1 upgrade done", "b1 upgrade failed"],
            await LogRowsAsync());
        Assert.Equal([Target.DdlCommitsItself ? "a2" : "a1"], await VersionRowsAsync());
    }

    [DatabaseFact]
    public async Task Status_warns_of_an_edited_script_but_not_of_line_endings_or_trailing_spaces()
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

    [DatabaseFact]
    public async Task With_the_log_off_no_log_is_kept()
    {
        Project.TableRevision("a1");
        File.WriteAllText(Path.Combine(Project.Root, "retort.json"), $$"""{ "url": "{{Project.Url}}", "log": false }""");
        await Project.Commands().UpgradeAsync("head");
        await Project.Commands().StampAsync(["base"]);
        Assert.DoesNotContain("retort_version_log", await TablesAsync());
        Assert.Empty((await Project.Commands().StatusAsync()).Warnings);
    }

    [DatabaseFact]
    public async Task A_log_table_of_another_shape_is_refused()
    {
        Project.TableRevision("a1");
        await ExecuteAsync("CREATE TABLE retort_version_log (id INTEGER, note VARCHAR(10))");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("The table retort_version_log is not Retort's log of applied steps: it lacks run_id, step, revision,", error.Message);
        Assert.EndsWith("; set \"logTable\" to another name, or \"log\": false", error.Message);
        Assert.DoesNotContain("t_a1", await TablesAsync());
    }

    /// <summary>
    /// b1 creates t_b1, then ends its own connection with <see cref="LiveTarget.DropOwnConnection"/> (C# run
    /// against <c>op.Connection</c>), then would create t_b2.
    /// </summary>
    [DatabaseFact]
    public async Task A_dropped_connection_leaves_a_state_the_next_run_reads_truthfully()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            "op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));" +
            "using (var command = op.Connection.CreateCommand()) { command.Transaction = op.Transaction; " + Target.DropOwnConnection + " }" +
            "op.CreateTable(\"t_b2\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("Upgrade b1 (b1.cs) failed: ", error.Message);
        Assert.DoesNotContain("\n", error.Message);
        Assert.Null(await Project.Commands().Lock.StatusAsync());
        if (Target.DdlCommitsItself)
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
