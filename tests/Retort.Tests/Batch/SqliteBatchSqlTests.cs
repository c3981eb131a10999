using Retort.Ops;
using Retort.Tests.Dialects;

namespace Retort.Tests.Batch;

/// <summary>The exact SQL of SQLite's batch mode, from a given table definition (copyFrom), as a script writes it.</summary>
public sealed class SqliteBatchSqlTests
{
    private static readonly RenderedSql Sql = new("sqlite");

    private static readonly Table Users = new(new TableName("users"),
    [
        new Column("id", SqlType.Integer, primaryKey: true, identity: false),
        new Column("name", SqlType.String(50)),
        new Column("boss_id", SqlType.Integer),
        new CheckConstraint("ck_users_name", "name <> 'name'"),
        new ForeignKey("fk_users_boss", ["boss_id"], "users", ["id"]),
    ], [new TableIndex("ix_users_lower", "users", ["(lower(name))"], where: "name IS NOT NULL")]);

    private static string[] Batch(Action<BatchOperations> build, BatchMode recreate = BatchMode.Auto, Table? copyFrom = null) =>
        Sql.Of(op => op.BatchAlterTable("users", build, recreate, copyFrom ?? Users));

    [Fact]
    public void Operations_that_run_in_place_are_not_a_rebuild() =>
        Assert.Equal(["ALTER TABLE users ADD COLUMN note TEXT", "CREATE INDEX ix_users_note ON users (note)", "ALTER TABLE users RENAME COLUMN name TO full_name"],
            Batch(b =>
            {
                b.AddColumn(new Column("note", SqlType.Text));
                b.CreateIndex("ix_users_note", ["note"]);
                b.AlterColumn("name", newName: "full_name");
            }));

    [Fact]
    public void A_rebuild_copies_the_rows_renames_in_place_afterwards_and_checks_the_tables_foreign_keys() =>
        Assert.Equal(
        [
            "CREATE TABLE _retort_tmp_users (\n    id INTEGER NOT NULL,\n    name TEXT NOT NULL,\n    boss_id INTEGER,\n    PRIMARY KEY (id),\n" +
            "    CONSTRAINT ck_users_name CHECK (name <> 'name'),\n    CONSTRAINT fk_users_boss FOREIGN KEY (boss_id) REFERENCES users (id)\n)",
            "INSERT INTO _retort_tmp_users (id, name, boss_id) SELECT id, name, boss_id FROM users",
            "DROP TABLE users",
            "PRAGMA legacy_alter_table = ON",
            "ALTER TABLE _retort_tmp_users RENAME TO users",
            "PRAGMA legacy_alter_table = OFF",
            "CREATE INDEX ix_users_lower ON users ((lower(name))) WHERE name IS NOT NULL",
            "ALTER TABLE users RENAME COLUMN name TO full_name",
            "CREATE TEMP TABLE _retort_foreign_key_check (broken TEXT CONSTRAINT \"a row of users breaks a foreign key after its rebuild; PRAGMA foreign_key_check(users) lists the rows\" CHECK (broken IS NULL))",
            "INSERT INTO temp._retort_foreign_key_check SELECT \"table\" FROM pragma_foreign_key_check('users')",
            "DROP TABLE temp._retort_foreign_key_check",
        ], Batch(b => b.AlterColumn("name", type: SqlType.Text, nullable: false, newName: "full_name")));

    [Fact]
    public void Conditions_and_index_entries_written_with_a_new_name_refer_to_the_old_one_until_the_rename()
    {
        var sql = Batch(b =>
        {
            b.AlterColumn("name", newName: "full_name", nullable: false);
            b.CreateCheckConstraint("ck_users_full", "length(full_name) > 1 AND full_name <> 'full_name'");
            b.CreateIndex("ix_users_full", ["full_name", "(upper(full_name))"]);
        });
        Assert.Contains("    CONSTRAINT ck_users_full CHECK (length(name) > 1 AND name <> 'full_name')", sql[0]);
        Assert.Contains("CREATE INDEX ix_users_full ON users (name, (upper(name)))", sql);
        Assert.Equal("ALTER TABLE users RENAME COLUMN name TO full_name", sql[8]);
    }

    [Fact]
    public void Always_rebuilds_even_for_nothing_and_never_renders_each_operation_as_outside_a_batch()
    {
        Assert.Equal("INSERT INTO _retort_tmp_users (id, name, boss_id) SELECT id, name, boss_id FROM users", Batch(_ => { }, BatchMode.Always)[1]);
        Assert.Equal("sqlite: cannot alter the type of users.name in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)",
            Sql.Refusal(RenderedSql.Operation(op => op.BatchAlterTable("users", b => b.AlterColumn("name", type: SqlType.Text), BatchMode.Never))));
    }

    [Fact]
    public void Swapped_names_move_one_column_aside_first() =>
        Assert.Equal(["ALTER TABLE users RENAME COLUMN name TO _retort_tmp_name", "ALTER TABLE users RENAME COLUMN boss_id TO name", "ALTER TABLE users RENAME COLUMN _retort_tmp_name TO boss_id"],
            Batch(b =>
            {
                b.AlterColumn("name", newName: "n");
                b.AlterColumn("boss_id", newName: "name");
                b.AlterColumn("n", newName: "boss_id");
            }, BatchMode.Always).Where(s => s.Contains("RENAME COLUMN", StringComparison.Ordinal)));

    [Fact]
    public void An_autoincrement_table_keeps_its_high_water_mark() =>
        Assert.Equal(
        [
            "INSERT INTO sqlite_sequence (name, seq) SELECT '_retort_tmp_t', seq FROM sqlite_sequence WHERE name = 't' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_retort_tmp_t')",
            "UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN ('t', '_retort_tmp_t')) WHERE name = '_retort_tmp_t'",
        ], Sql.Of(op => op.BatchAlterTable("t", b => b.AlterColumn("v", type: SqlType.Text), copyFrom:
            new Table(new TableName("t"), [new Column("id", SqlType.Integer, primaryKey: true, identity: true), new Column("v", SqlType.Integer)])))[2..4]);

    [Fact]
    public void Without_copyFrom_a_script_cannot_rebuild_and_says_what_to_pass() =>
        Assert.Equal("sqlite: batch mode rebuilds users, which needs the table's definition, and with --sql nothing is read from the database: pass copyFrom: new Table(...) to op.BatchAlterTable",
            Sql.Refusal(RenderedSql.Operation(op => op.BatchAlterTable("users", b => b.DropColumn("name")))));

    [Fact]
    public void A_batch_may_not_hold_operations_on_other_tables_or_that_are_not_table_changes()
    {
        var other = new BatchAlterTableOperation(new TableName("users"), [new AddColumnOperation(new TableName("orders"), new Column("x", SqlType.Text))]);
        var table = new BatchAlterTableOperation(new TableName("users"), [new DropTableOperation(new TableName("users"))]);
        Assert.Equal("batch on users: AddColumn changes orders, not the batch's table", Assert.Throws<RetortException>(() => Sql.Dialect.Render(other)).Message);
        Assert.Equal("batch on users: DropTable cannot be part of a batch; run it before or after the batch", Assert.Throws<RetortException>(() => Sql.Dialect.Render(table)).Message);
    }

    [Theory]
    [InlineData("postgresql", "ALTER TABLE users ALTER COLUMN name TYPE TEXT", "ALTER TABLE users RENAME COLUMN name TO full_name")]
    [InlineData("mysql", "ALTER TABLE users CHANGE COLUMN name full_name LONGTEXT NULL", null)]
    public void Other_databases_run_a_batch_as_plain_alters_whatever_the_mode(string dialect, string first, string? second) =>
        Assert.Equal(second is null ? [first] : [first, second],
            new RenderedSql(dialect).Of(op => op.BatchAlterTable("users", b => b.AlterColumn("name", type: SqlType.Text, newName: "full_name"), BatchMode.Always, Users)));
}
