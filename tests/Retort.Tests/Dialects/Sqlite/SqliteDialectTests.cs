using Retort.Ops;

namespace Retort.Tests.Dialects.Sqlite;

public sealed class SqliteDialectTests
{
    private static readonly RenderedSql Sql = new("sqlite");

    [Theory]
    [InlineData("users", "users")]
    [InlineData("order", "\"order\"")]
    [InlineData("plan", "\"plan\"")]
    [InlineData("autoincrement", "\"autoincrement\"")]
    [InlineData("UserName", "\"UserName\"")]
    [InlineData("first name", "\"first name\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Names_are_bare_when_plain_and_double_quoted_otherwise(string name, string quoted) =>
        Assert.Equal(quoted, Sql.Dialect.Quote(name));

    [Fact]
    public void Literals_double_quotes_in_strings_and_write_booleans_as_integers_and_bytes_as_blobs() =>
        Assert.Equal(["'O''Brien'", "1", "0", "X'0AFF'", "NULL", "'2026-01-02 03:04:05.5'"],
            new object?[] { "O'Brien", true, false, new byte[] { 10, 255 }, null, new DateTime(2026, 1, 2, 3, 4, 5, 500) }.Select(Sql.Dialect.Literal));

    [Fact]
    public void Scripts_wrap_the_run_in_BEGIN_and_COMMIT_because_ddl_is_transactional() =>
        Assert.Equal((true, "BEGIN", "COMMIT", "DROP TABLE t;"),
            (Sql.Dialect.TransactionalDdl, Sql.Dialect.BeginTransaction, Sql.Dialect.CommitTransaction, Sql.Dialect.ScriptStatement("DROP TABLE t")));

    [Fact]
    public void An_identity_key_becomes_INTEGER_PRIMARY_KEY_AUTOINCREMENT_on_its_column() =>
        Assert.Equal(["CREATE TABLE t (\n    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    v TEXT\n)"],
            Sql.Of(op => op.CreateTable("t", new Column("id", SqlType.BigInteger, primaryKey: true, identity: true), new Column("v", SqlType.Text))));

    [Fact]
    public void A_named_identity_key_keeps_its_name_on_the_column() =>
        Assert.Equal(["CREATE TABLE t (\n    id INTEGER NOT NULL CONSTRAINT pk_t PRIMARY KEY AUTOINCREMENT\n)"],
            Sql.Of(op => op.CreateTable("t", new Column("id", SqlType.Integer, identity: true, nullable: false), new PrimaryKey("pk_t", "id"))));

    [Fact]
    public void An_identity_column_outside_a_single_column_key_is_refused() =>
        Assert.StartsWith("sqlite: identity column id must be its table's only primary key column",
            Sql.Refusal(op => op.CreateTable("t", new Column("id", SqlType.Integer, primaryKey: true, identity: true), new Column("k", SqlType.Integer, primaryKey: true))));

    [Fact]
    public void A_composite_key_is_a_table_constraint() =>
        Assert.Equal(["CREATE TABLE t (\n    a INTEGER NOT NULL,\n    b VARCHAR(5) NOT NULL,\n    PRIMARY KEY (a, b)\n)"],
            Sql.Of(op => op.CreateTable("t", new Column("a", SqlType.Integer, primaryKey: true), new Column("b", SqlType.String(5), primaryKey: true))));

    [Fact]
    public void Expression_defaults_are_parenthesized_and_literal_ones_are_not() =>
        Assert.Equal(["CREATE TABLE t (\n    a TEXT DEFAULT (datetime('now')),\n    b TEXT DEFAULT CURRENT_TIMESTAMP,\n    c INTEGER DEFAULT -1,\n    d TEXT DEFAULT 'x(y)'\n)"],
            Sql.Of(op => op.CreateTable("t", new Column("a", SqlType.Text, serverDefault: "datetime('now')"), new Column("b", SqlType.Text, serverDefault: "CURRENT_TIMESTAMP"),
                new Column("c", SqlType.Integer, serverDefault: "-1"), new Column("d", SqlType.Text, serverDefault: "'x(y)'"))));

    [Fact]
    public void Comments_are_skipped_and_collations_quoted_like_names() =>
        Assert.Equal(["CREATE TABLE t (\n    a TEXT COLLATE \"NOCASE\"\n)"],
            Sql.Of(op => op.CreateTable(new Table(new TableName("t"), [new Column("a", SqlType.Text, comment: "why", collation: "NOCASE")], comment: "what"))));

    [Fact]
    public void A_foreign_key_names_its_target_without_schema_and_initially_deferred_implies_deferrable() =>
        Assert.Equal(["CREATE TABLE aux.c (\n    p INTEGER,\n    CONSTRAINT fk_c_p FOREIGN KEY (p) REFERENCES parent (id) ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED\n)"],
            Sql.Of(new CreateTableOperation(new Table(new TableName("c", "aux"), [new Column("p", SqlType.Integer),
                new ForeignKey("fk_c_p", ["p"], "parent", ["id"], "set null", "CASCADE", initiallyDeferred: true, referencedSchema: "aux")]))));

    [Fact]
    public void Adding_a_nullable_column_is_ADD_COLUMN_and_its_comment_is_skipped() =>
        Assert.Equal(["ALTER TABLE users ADD COLUMN note TEXT"], Sql.Of(op => op.AddColumn("users", new Column("note", SqlType.Text, comment: "c"))));

    [Fact]
    public void Adding_a_NOT_NULL_column_with_a_constant_default_is_allowed() =>
        Assert.Equal(["ALTER TABLE users ADD COLUMN n INTEGER DEFAULT 0 NOT NULL"], Sql.Of(op => op.AddColumn("users", new Column("n", SqlType.Integer, nullable: false, serverDefault: "0"))));

    [Fact]
    public void Adding_a_NOT_NULL_column_without_a_default_is_refused() =>
        Assert.Equal("sqlite: cannot add NOT NULL column users.n without a server default, which SQLite needs for the existing rows; give serverDefault, or add it nullable and make it NOT NULL with op.BatchAlterTable (batch mode)",
            Sql.Refusal(op => op.AddColumn("users", new Column("n", SqlType.Integer, nullable: false))));

    [Theory]
    [InlineData("CURRENT_TIMESTAMP")]
    [InlineData("datetime('now')")]
    public void Adding_a_column_with_a_non_constant_default_is_refused(string value) =>
        Assert.StartsWith($"sqlite: cannot add column users.at with the non-constant default {value};",
            Sql.Refusal(op => op.AddColumn("users", new Column("at", SqlType.Text, serverDefault: value))));

    [Fact]
    public void Adding_a_primary_key_column_is_refused_with_batch_mode() =>
        Assert.Equal("sqlite: cannot add primary key column users.k in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)",
            Sql.Refusal(op => op.AddColumn("users", new Column("k", SqlType.Integer, primaryKey: true))));

    [Fact]
    public void Dropping_a_column_is_DROP_COLUMN() =>
        Assert.Equal(["ALTER TABLE users DROP COLUMN address"], Sql.Of(op => op.DropColumn("users", "address")));

    [Fact]
    public void Dropping_a_known_primary_key_column_is_refused() =>
        Assert.StartsWith("sqlite: cannot drop primary key column users.id in place;",
            Sql.Refusal(op => op.DropColumn("users", "id", existing: new Column("id", SqlType.Integer, primaryKey: true))));

    [Fact]
    public void Renaming_a_column_is_RENAME_COLUMN() =>
        Assert.Equal(["ALTER TABLE users RENAME COLUMN name TO \"Full Name\""], Sql.Of(op => op.AlterColumn("users", "name", newName: "Full Name", comment: "ignored")));

    [Fact]
    public void Changing_a_column_type_is_refused_with_batch_mode() =>
        Assert.Equal("sqlite: cannot alter the type of users.name in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)",
            Sql.Refusal(op => op.AlterColumn("users", "name", type: SqlType.String(100), newName: "n")));

    [Fact]
    public void Changing_nullability_is_refused_with_batch_mode() =>
        Assert.Equal("sqlite: cannot alter the nullability of users.name in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)",
            Sql.Refusal(op => op.AlterColumn("users", "name", nullable: false)));

    [Fact]
    public void Changing_or_dropping_a_default_is_refused_with_batch_mode() =>
        Assert.Equal(2, new[] { Sql.Refusal(op => op.AlterColumn("users", "name", serverDefault: "'x'")), Sql.Refusal(op => op.AlterColumn("users", "name", dropServerDefault: true)) }
            .Count(m => m == "sqlite: cannot alter the server default of users.name in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)"));

    [Fact]
    public void Changing_only_a_comment_runs_nothing() =>
        Assert.Empty(Sql.Of(op => op.AlterColumn("users", "name", comment: "shown")));

    [Fact]
    public void Table_comments_run_nothing() =>
        Assert.Empty(Sql.Of(op => op.CreateTableComment("users", "people")));

    [Fact]
    public void A_partial_expression_index_keeps_its_expression_and_WHERE() =>
        Assert.Equal(["CREATE UNIQUE INDEX ix_lower ON users ((lower(email)), \"Key\") WHERE email IS NOT NULL"],
            Sql.Of(op => op.CreateIndex("ix_lower", "users", ["(lower(email))", "Key"], unique: true, where: "email IS NOT NULL")));

    [Fact]
    public void An_index_in_an_attached_database_puts_the_schema_on_the_index_name() =>
        Assert.Equal(["CREATE INDEX aux.ix_t ON t (a)", "DROP INDEX aux.ix_t"],
            Sql.Of(op => op.CreateIndex("ix_t", "t", ["a"], schema: "aux")).Concat(Sql.Of(op => op.DropIndex("ix_t", "t", schema: "aux"))));

    [Fact]
    public void Concurrently_is_refused() =>
        Assert.StartsWith("sqlite: SQLite has no CONCURRENTLY", Sql.Refusal(op => op.CreateIndex("ix", "t", ["a"], concurrently: true)));

    [Fact]
    public void Adding_a_unique_constraint_is_refused_pointing_at_batch_mode_and_unique_indexes() =>
        Assert.Equal("sqlite: cannot add unique constraint uq_users_name to users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode), or create a unique index (op.CreateIndex with unique: true)",
            Sql.Refusal(op => op.CreateUniqueConstraint("uq_users_name", "users", ["name"])));

    [Fact]
    public void Dropping_a_foreign_key_is_refused_with_batch_mode() =>
        Assert.Equal("sqlite: cannot drop foreign key fk_a_b from a in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)",
            Sql.Refusal(op => op.DropConstraint("fk_a_b", "a", ConstraintKind.ForeignKey)));

    [Fact]
    public void Replacing_a_view_drops_and_creates_it() =>
        Assert.Equal(["DROP VIEW IF EXISTS \"Active\"", "CREATE VIEW \"Active\" AS SELECT 1"], Sql.Of(op => op.ReplaceView("Active", "SELECT 1")));

    [Fact]
    public void Functions_are_refused() =>
        Assert.StartsWith("sqlite: SQLite has no stored functions;", Sql.Refusal(op => op.CreateFunction("f", "() AS 1")));

    [Fact]
    public void Procedures_are_refused() =>
        Assert.StartsWith("sqlite: SQLite has no stored procedures;", Sql.Refusal(op => op.DropProcedure("p")));

    [Fact]
    public void Sql_for_another_dialect_is_skipped_and_sql_for_sqlite_runs() =>
        Assert.Equal(["VACUUM"], Sql.Of(op => op.Execute("VACUUM", dialect: "sqlite")).Concat(Sql.Of(op => op.Execute("VACUUM FULL", dialect: "postgresql"))));

    [Fact]
    public void Bulk_insert_binds_a_guid_as_the_text_its_literal_writes()
    {
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        var statement = Assert.Single(Sql.Dialect.Render(RenderedSql.Operation(op => op.BulkInsert("t", [new { id, ok = true }]))));
        Assert.Equal(("INSERT INTO t (id, ok) VALUES (@p0, @p1)", "INSERT INTO t (id, ok) VALUES ('6f9619ff-8b86-d011-b42d-00cf4fc964ff', 1)", "String 6f9619ff-8b86-d011-b42d-00cf4fc964ff, Boolean True"),
            (statement.Sql, statement.ScriptText, string.Join(", ", statement.Parameters!.Select(p => $"{p!.GetType().Name} {p}"))));
    }
}
