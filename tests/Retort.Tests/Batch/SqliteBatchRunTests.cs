using Microsoft.Data.Sqlite;
using Retort.Dialects;
using Retort.Tests.Dialects;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Batch;

/// <summary>
/// Batch mode through whole runs on SQLite with rows in the tables (<see cref="BatchScenario.Schema"/>): failures that
/// leave nothing behind, the foreign-key check, triggers and views, scripts, and foreign-key enforcement around runs.
/// </summary>
[RunsOn(TestDatabase.Sqlite)]
public sealed class SqliteBatchRunTests : LiveProjectTests
{
    private TestProject WithSchema() => Project.Revision("a1", [], BatchScenario.Schema, BatchScenario.DropSchema);

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        return await BatchScenarioRun.RowsAsync(connection, sql);
    }

    private async Task<string> SchemaAsync()
    {
        await using var connection = await OpenAsync();
        return SchemaText.Of(await Dialect.ForName("sqlite").InspectAsync(connection, [], CancellationToken.None));
    }

    private async Task<RetortException> FailingUpgradeAsync(string batch)
    {
        WithSchema().Revision("b1", ["a1"], batch);
        await Project.Commands().UpgradeAsync("a1");
        var (schema, rows) = (await SchemaAsync(), await RowsAsync("SELECT * FROM users ORDER BY id"));
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.Equal(schema, await SchemaAsync());
        Assert.Equal(rows, await RowsAsync("SELECT * FROM users ORDER BY id"));
        Assert.Equal(["a1"], await VersionRowsAsync());
        Assert.Equal(["1"], await RowsAsync("PRAGMA foreign_keys"));
        return error;
    }

    [DatabaseFact]
    public async Task Rows_that_do_not_fit_the_new_table_fail_the_run_and_leave_nothing_behind()
    {
        var error = await FailingUpgradeAsync("""op.BatchAlterTable("users", b => b.AlterColumn("name", nullable: false));""");
        Assert.StartsWith("Upgrade b1 (b1.cs) failed: SQLite Error 19: 'NOT NULL constraint failed: _retort_tmp_users.name'", error.Message);
        Assert.EndsWith("nothing of this run was kept", error.Message);
    }

    [DatabaseFact]
    public async Task A_foreign_key_that_rows_break_fails_the_run_at_the_tables_check()
    {
        var error = await FailingUpgradeAsync("""op.BatchAlterTable("users", b => b.CreateForeignKey("fk_users_age", "teams", new[] { "age" }, new[] { "id" }));""");
        Assert.Contains("CHECK constraint failed: a row of users breaks a foreign key after its rebuild; PRAGMA foreign_key_check(users) lists the rows", error.Message);
    }

    [DatabaseFact]
    public async Task Adding_a_NOT_NULL_column_without_a_default_to_a_table_with_rows_fails_before_the_rebuild()
    {
        var error = await FailingUpgradeAsync("""op.BatchAlterTable("users", b => b.AddColumn(new Column("level", SqlType.Integer, nullable: false)));""");
        Assert.Equal("Upgrade b1 (b1.cs) failed: Cannot add NOT NULL column users.level without a server default: users has rows, which would get no value; " +
            "give serverDefault (it fills them), or add the column nullable, fill it, then make it NOT NULL", error.Message);
    }

    [DatabaseFact]
    public async Task A_copyFrom_that_differs_from_the_table_is_refused_online()
    {
        var error = await FailingUpgradeAsync("""
            op.BatchAlterTable("users", b => b.DropColumn("note"), copyFrom: new Table(new TableName("users"), new[] { new Column("id", SqlType.Integer), new Column("note", SqlType.Text) }));
            """);
        Assert.Equal("Upgrade b1 (b1.cs) failed: batch on users: copyFrom has columns id, note, but the table has id, team_id, boss_id, name, email, age, score, note; " +
            "make copyFrom match, or a --sql script would rebuild the table differently", error.Message);
    }

    [DatabaseFact]
    public async Task Triggers_on_the_rebuilt_table_are_created_again_and_views_on_it_keep_working()
    {
        WithSchema().Revision("b1", ["a1"], """
            op.Execute("CREATE TABLE audit (user_id INTEGER)");
            op.Execute("CREATE TRIGGER users_audit AFTER UPDATE ON users BEGIN INSERT INTO audit VALUES (NEW.id); END");
            op.CreateView("named_users", "SELECT id, name FROM users WHERE name IS NOT NULL");
            """).Revision("c1", ["b1"], """op.BatchAlterTable("users", b => b.AlterColumn("name", type: SqlType.Text));""");
        await Project.Commands().UpgradeAsync("head");
        await using var connection = await OpenAsync();
        await new SqliteCommand("UPDATE users SET age = 30 WHERE id = 2", (SqliteConnection)connection).ExecuteNonQueryAsync();
        Assert.Equal(["2"], await BatchScenarioRun.RowsAsync(connection, "SELECT user_id FROM audit"));
        Assert.Equal(["103"], await BatchScenarioRun.RowsAsync(connection, "SELECT count(*) FROM named_users"));
        Assert.Equal(["TEXT"], await BatchScenarioRun.RowsAsync(connection, "SELECT type FROM pragma_table_info('users') WHERE name = 'name'"));
    }

    [DatabaseFact]
    public async Task Enforcement_stays_on_in_runs_that_rebuild_nothing_so_deletes_cascade()
    {
        WithSchema().Revision("b1", ["a1"], """op.Execute("DELETE FROM users WHERE id = 120");""");
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(["298"], await RowsAsync("SELECT count(*) FROM orders"));
    }

    [DatabaseFact]
    public async Task A_rebuild_after_reading_the_connection_is_refused_while_other_rows_refer_to_the_table()
    {
        var error = await FailingUpgradeAsync("""
            using (var command = op.Connection.CreateCommand()) { command.Transaction = op.Transaction; command.CommandText = "SELECT 1"; command.ExecuteScalar(); }
            op.BatchAlterTable("users", b => b.AlterColumn("name", type: SqlType.Text));
            """);
        Assert.StartsWith("Upgrade b1 (b1.cs) failed: sqlite: cannot rebuild users while foreign-key enforcement is on, since dropping it would delete or orphan the rows of", error.Message);
    }

    [DatabaseFact]
    public async Task A_rebuild_before_reading_the_connection_runs_and_the_data_migration_sees_it()
    {
        WithSchema().Revision("b1", ["a1"], """
            op.BatchAlterTable("users", b => b.AddColumn(new Column("level", SqlType.Integer, nullable: false, serverDefault: "1")), recreate: BatchMode.Always);
            using (var command = op.Connection.CreateCommand()) { command.Transaction = op.Transaction; command.CommandText = "UPDATE users SET level = 2 WHERE id <= 10"; command.ExecuteNonQuery(); }
            """);
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(["1 | 110", "2 | 10"], await RowsAsync("SELECT level, count(*) FROM users GROUP BY level"));
        Assert.Equal(["300"], await RowsAsync("SELECT count(*) FROM orders"));
    }

    [DatabaseFact]
    public async Task With_a_transaction_per_revision_each_rebuilding_revision_switches_enforcement_for_itself()
    {
        File.WriteAllText(Path.Combine(Project.Root, "retort.json"), """{ "url": "sqlite:///live.db", "transactionPerMigration": true }""");
        WithSchema().Revision("b1", ["a1"], """op.BatchAlterTable("users", b => b.AlterColumn("age", type: SqlType.BigInteger));""")
            .Revision("c1", ["b1"], """op.Execute("DELETE FROM users WHERE id = 120");""");
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(["298"], await RowsAsync("SELECT count(*) FROM orders"));
        Assert.Equal(["BIGINT"], await RowsAsync("SELECT type FROM pragma_table_info('users') WHERE name = 'age'"));
    }

    [DatabaseFact]
    public async Task Plain_changes_that_need_a_rebuild_point_to_batch_mode_unless_sqliteAutoBatch_is_set()
    {
        WithSchema().Revision("b1", ["a1"], """
            op.AlterColumn("users", "score", nullable: false);
            op.AlterColumn("users", "name", type: SqlType.Text);
            op.CreateIndex("ix_users_age", "users", new[] { "age" });
            """);
        await Project.Commands().UpgradeAsync("a1");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.Equal("Upgrade b1 (b1.cs) failed: sqlite: cannot alter the nullability of users.score in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)", error.Message);

        File.WriteAllText(Path.Combine(Project.Root, "retort.json"), """{ "url": "sqlite:///live.db", "sqliteAutoBatch": true }""");
        var rows = await RowsAsync("SELECT * FROM users ORDER BY id");
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(rows, await RowsAsync("SELECT * FROM users ORDER BY id"));
        Assert.Equal(["name TEXT 0", "score DOUBLE 1"], await RowsAsync("SELECT name || ' ' || type || ' ' || \"notnull\" FROM pragma_table_info('users') WHERE name IN ('name', 'score') ORDER BY name"));
        Assert.Equal(["ix_users_age", "ix_users_name"], await RowsAsync("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'users' AND sql IS NOT NULL ORDER BY name"));
    }

    private const string UsersCopy = """
        new Table(new TableName("users"), new TableElement[]
        {
            new Column("id", SqlType.Integer, primaryKey: true, identity: true), new Column("team_id", SqlType.Integer), new Column("boss_id", SqlType.Integer),
            new Column("name", SqlType.String(50)), new Column("email", SqlType.String(120), nullable: false), new Column("age", SqlType.Integer),
            new Column("score", SqlType.Double), new Column("note", SqlType.Text),
            new UniqueConstraint("uq_users_email", "email"), new CheckConstraint("ck_users_age", "age >= 0"),
            new ForeignKey("fk_users_team", new[] { "team_id" }, "teams", new[] { "id" }), new ForeignKey("fk_users_boss", new[] { "boss_id" }, "users", new[] { "id" }),
        }, new[] { new TableIndex("ix_users_name", "users", new[] { "name" }) })
        """;

    [DatabaseFact]
    public async Task A_script_rebuilds_from_copyFrom_into_the_same_database_an_online_run_makes()
    {
        WithSchema().Revision("b1", ["a1"], $$"""
            op.BatchAlterTable("users", b =>
            {
                b.AlterColumn("name", type: SqlType.Text, newName: "full_name");
                b.DropColumn("note");
                b.CreateCheckConstraint("ck_users_score", "score >= 0");
            }, copyFrom: {{UsersCopy}});
            """);
        await Project.Commands().UpgradeAsync("a1");
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(Project.Root, "copy.db");
        File.Copy(Path.Combine(Project.Root, "live.db"), copy);
        await Project.Commands().UpgradeAsync("head");
        var script = new StringWriter();
        await Project.Commands().UpgradeAsync("a1:head", script);
        var sql = script.ToString();
        Assert.Contains("PRAGMA foreign_keys = OFF;\n\nBEGIN;", sql);
        Assert.Contains("DROP TABLE temp._retort_foreign_key_check;\n\nCOMMIT;\n\nPRAGMA foreign_keys = ON;", sql);

        await using (var scripted = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await scripted.OpenAsync();
            await new SqliteCommand(sql, scripted).ExecuteNonQueryAsync();
        }
        var sqlite = Dialect.ForName("sqlite");
        await using var online = await OpenAsync();
        await using var offline = new SqliteConnection($"Data Source={copy};Pooling=False");
        await offline.OpenAsync();
        Assert.Equal(SchemaText.Of(await sqlite.InspectAsync(online, [], CancellationToken.None)), SchemaText.Of(await sqlite.InspectAsync(offline, [], CancellationToken.None)));
        foreach (var table in new[] { "users", "orders", "teams", "retort_version" })
            Assert.Equal(await BatchScenarioRun.RowsAsync(online, $"SELECT * FROM {table} ORDER BY 1"), await BatchScenarioRun.RowsAsync(offline, $"SELECT * FROM {table} ORDER BY 1"));
    }

    [DatabaseFact]
    public async Task A_row_that_breaks_a_foreign_key_while_enforcement_is_off_for_a_rebuild_fails_the_commit()
    {
        WithSchema().Revision("b1", ["a1"], """op.Execute("INSERT INTO orders (id, user_id) VALUES (999, 12345)");""")
            .Revision("c1", ["b1"], """op.BatchAlterTable("users", b => b.AlterColumn("name", type: SqlType.Text));""");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("Committing the run failed: SQLite Error 19: 'CHECK constraint failed: a row breaks a foreign key, checked before the commit since enforcement was off for a table rebuild", error.Message);
        Assert.EndsWith("nothing of this run was kept", error.Message);
        Assert.Empty(await TablesAsync());
        Assert.Equal(["1"], await RowsAsync("PRAGMA foreign_keys"));
    }

    [DatabaseFact]
    public async Task Dropping_a_column_a_constraint_uses_names_the_constraint_and_the_way_out()
    {
        var error = await FailingUpgradeAsync("""op.DropColumn("users", "email");""");
        Assert.Equal("Upgrade b1 (b1.cs) failed: sqlite: cannot drop column users.email in place, since unique constraint uq_users_email uses it; drop that first " +
            "(an index with op.DropIndex; a constraint with the column in op.BatchAlterTable, which rebuilds the table)", error.Message);
    }
}
