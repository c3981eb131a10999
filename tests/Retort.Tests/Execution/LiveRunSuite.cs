using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// Online runs against a real database, declared once for every database: each concrete class names its database
/// with <see cref="RunsOnAttribute"/> and runs all of these; where a database behaves otherwise (DDL that commits
/// itself), the test asserts what that database does.
/// </summary>
public abstract partial class LiveRunSuite : LiveProjectTests
{
    [DatabaseFact]
    public async Task Upgrade_head_then_downgrade_base_leaves_only_the_version_table()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1");
        var heads = await Project.Commands().UpgradeAsync("head");
        Assert.Equal(["b1"], heads);
        Assert.Equal(["retort_version", "retort_version_log", "t_a1", "t_b1"], await TablesAsync());
        Assert.Equal(["b1"], await VersionRowsAsync());
        Assert.Contains("Running upgrade  -> a1, step a1", Project.Log);
        Assert.Contains("Running upgrade a1 -> b1, step b1", Project.Log);

        await Project.Commands().DowngradeAsync("base");
        Assert.Equal(["retort_version", "retort_version_log"], await TablesAsync());
        Assert.Empty(await VersionRowsAsync());
    }

    [DatabaseFact]
    public async Task Relative_and_partial_targets_move_one_row()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1").TableRevision("c1", "b1");
        var commands = Project.Commands();
        await commands.UpgradeAsync("+1");
        Assert.Equal(["a1"], await VersionRowsAsync());
        await commands.UpgradeAsync("c1");
        Assert.Equal(["c1"], await VersionRowsAsync());
        await commands.DowngradeAsync("-2");
        Assert.Equal(["a1"], await VersionRowsAsync());
        Assert.Equal(["retort_version", "retort_version_log", "t_a1"], await TablesAsync());
        Assert.Equal(["a1"], (await commands.CurrentAsync()).Select(r => r.Id));
    }

    [DatabaseFact]
    public async Task Branches_hold_a_row_each_and_a_merge_joins_them()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1").TableRevision("c1", "a1").Revision("m1", ["b1", "c1"]);
        var commands = Project.Commands();
        await commands.UpgradeAsync("b1");
        await commands.UpgradeAsync("c1");
        Assert.Equal(["b1", "c1"], await VersionRowsAsync());
        await commands.UpgradeAsync("heads");
        Assert.Equal(["m1"], await VersionRowsAsync());
        await commands.DowngradeAsync("c1");
        Assert.Equal(["b1", "c1"], await VersionRowsAsync());
        await commands.DowngradeAsync("b1@a1");
        Assert.Equal(["c1"], await VersionRowsAsync());
        Assert.Equal(["retort_version", "retort_version_log", "t_a1", "t_c1"], await TablesAsync());
    }

    [DatabaseFact]
    public async Task Stamps_set_rows_without_running_anything()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1").TableRevision("c1", "a1");
        var commands = Project.Commands();
        await commands.StampAsync(["heads"]);
        Assert.Equal(["b1", "c1"], await VersionRowsAsync());
        Assert.Equal(["retort_version", "retort_version_log"], await TablesAsync());
        await commands.StampAsync(["a1"]);
        Assert.Equal(["a1"], await VersionRowsAsync());
        await commands.StampAsync(["c1"], purge: true);
        Assert.Equal(["c1"], await VersionRowsAsync());
        await commands.StampAsync(["base"]);
        Assert.Empty(await VersionRowsAsync());
    }

    [DatabaseFact]
    public async Task A_failing_statement_names_revision_statement_and_message_and_keeps_a_true_state()
    {
        Project.TableRevision("a1")
            .Revision("b1", ["a1"], "op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.Execute(\"INSERT INTO no_such_table VALUES (1)\");");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("Upgrade b1 (b1.cs) failed: ", error.Message);
        Assert.Contains("(statement: INSERT INTO no_such_table VALUES (1))", error.Message);
        Assert.Contains("no_such_table", error.Message[..error.Message.IndexOf("(statement", StringComparison.Ordinal)]);
        if (Target.DdlCommitsItself)
        {
            // a1 was committed with its version row; b1's CREATE TABLE committed itself before the failure.
            Assert.Equal(["a1"], await VersionRowsAsync());
            Assert.Equal(["retort_version", "retort_version_log", "t_a1", "t_b1"], await TablesAsync());
            Assert.Matches(@"; its first statement ran before the failing one and stays applied \((mysql|mariadb) commits DDL as it runs\); the version table still shows the revision before it; fix the cause and run 'retort upgrade b1 --resume' to go on from statement 2$", error.Message);
            Assert.Equal(["a1 upgrade done 1", "b1 upgrade failed 1"], await LogRowsAsync("revision, direction, status, statements_done"));

            // The next run refuses until a person decides, and says what ran and what to do.
            var refused = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
            Assert.Matches(@"^The upgrade of b1 was left half applied by .+@.+ at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: its first statement ran and stayed applied \((mysql|mariadb) commits DDL as it runs\), then it failed: Upgrade b1 \(b1\.cs\) failed: .*no_such_table.*\. Fix the cause and run 'retort upgrade b1 --resume' to go on from statement 2; or undo those statements by hand and run 'retort resolve b1 --rolled-back', or finish the upgrade by hand and run 'retort resolve b1 --applied'$", refused.Message);
            var nothing = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().ResolveAsync("a1", applied: true));
            Assert.Equal("Nothing to resolve for a1: the revision left half applied is b1", nothing.Message);

            // Fixed, it resumes after the statement that ran: the CREATE TABLE is not run again.
            Project.Revision("b1", ["a1"], "op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true)); op.Execute(\"INSERT INTO t_b1 VALUES (1)\");");
            await Project.Commands().UpgradeAsync("head", resume: true);
            Assert.Equal(["b1"], await VersionRowsAsync());
            Assert.Equal(["a1 upgrade done 1", "b1 upgrade resumed 1", "b1 upgrade done 2"], await LogRowsAsync("revision, direction, status, statements_done"));
            var again = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head", resume: true));
            Assert.Equal("Nothing to resume: the log shows no revision left half applied", again.Message);
        }
        else
        {
            Assert.Empty(await TablesAsync());
            Assert.EndsWith("nothing of this run was kept", error.Message);
        }
    }

    [DatabaseFact]
    public async Task An_unknown_revision_in_the_version_table_is_reported()
    {
        Project.TableRevision("a1");
        await Project.Commands().StampAsync(["a1"]);
        File.Delete(Path.Combine(Project.Root, "migrations", "versions", "a1.cs"));
        Project.TableRevision("z1");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.Equal("The version table retort_version holds a1, which no revision file defines; restore the file, or 'retort stamp' the database to a known revision", error.Message);
    }

    [DatabaseFact]
    public async Task A_data_migration_reads_through_the_connection_between_operations()
    {
        Project.Revision("a1", [],
            "op.CreateTable(\"people\", new Column(\"id\", SqlType.Integer, primaryKey: true), new Column(\"name\", SqlType.String(20)));" +
            "op.BulkInsert(\"people\", new[] { new { id = 1, name = \"ada\" }, new { id = 2, name = \"bob\" } });" +
            "using (var command = op.Connection.CreateCommand()) {" +
            "  command.Transaction = op.Transaction; command.CommandText = \"SELECT COUNT(*) FROM people\";" +
            "  var count = System.Convert.ToInt32(command.ExecuteScalar());" +
            "  op.Execute($\"INSERT INTO people (id, name) VALUES (3, {op.InlineLiteral(\"seen \" + count)})\"); }",
            "op.DropTable(\"people\");");
        await Project.Commands().UpgradeAsync("head");
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM people WHERE id = 3";
        Assert.Equal("seen 2", await command.ExecuteScalarAsync());
    }

    [DatabaseFact]
    public async Task A_replaced_view_gets_its_earlier_definition_back_on_downgrade()
    {
        Project.Revision("a1", [],
                "op.CreateTable(\"items\", new Column(\"id\", SqlType.Integer, primaryKey: true), new Column(\"name\", SqlType.String(20)));" +
                "op.CreateView(\"item_view\", \"SELECT id FROM items\");",
                "op.DropView(\"item_view\"); op.DropTable(\"items\");")
            .Revision("b1", ["a1"],
                "op.ReplaceView(\"item_view\", \"SELECT id, name FROM items\", replaces: \"a1\");",
                "op.RestoreView(\"item_view\", revision: \"a1\");");
        var commands = Project.Commands();
        await commands.UpgradeAsync("head");
        Assert.Equal(2, await ViewColumnCountAsync());
        await commands.DowngradeAsync("-1");
        Assert.Equal(1, await ViewColumnCountAsync());
        Assert.Equal(["a1"], await VersionRowsAsync());
    }

    private async Task<int> ViewColumnCountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM item_view";
        await using var reader = await command.ExecuteReaderAsync();
        return reader.FieldCount;
    }
}
