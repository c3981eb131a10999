using Retort.Ops;

namespace Retort.Tests.Dialects.SqlServer;

public sealed class SqlServerDialectTests
{
    private static readonly RenderedSql Sql = new("sqlserver");

    private const string DropNameDefault =
        "DECLARE @default nvarchar(258);\n" +
        "SELECT @default = QUOTENAME(name) FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'users') AND COL_NAME(parent_object_id, parent_column_id) = N'name';\n" +
        "IF @default IS NOT NULL EXEC(N'ALTER TABLE users DROP CONSTRAINT ' + @default)";

    [Theory]
    [InlineData("users", "users")]
    [InlineData("order", "[order]")]
    [InlineData("identity_insert", "[identity_insert]")]
    [InlineData("UserName", "[UserName]")]
    [InlineData("a]b", "[a]]b]")]
    [InlineData("it's", "[it's]")]
    public void Names_are_bare_when_plain_and_bracketed_otherwise(string name, string quoted) =>
        Assert.Equal(quoted, Sql.Dialect.Quote(name));

    [Fact]
    public void Literals_are_unicode_strings_bits_hex_and_iso_dates() =>
        Assert.Equal(["N'O''Brien'", "1", "0", "0x0AFF", "0x", "N'2026-01-02T03:04:05.5'", "N'2026-01-02T03:04:05+02:00'"],
            new object[] { "O'Brien", true, false, new byte[] { 10, 255 }, Array.Empty<byte>(), new DateTime(2026, 1, 2, 3, 4, 5, 500),
                new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)) }.Select(Sql.Dialect.Literal));

    [Fact]
    public void Scripts_use_BEGIN_TRANSACTION_and_GO_after_each_statement() =>
        Assert.Equal((true, "BEGIN TRANSACTION", "COMMIT", "DROP TABLE t;\n\nGO"),
            (Sql.Dialect.TransactionalDdl, Sql.Dialect.BeginTransaction, Sql.Dialect.CommitTransaction, Sql.Dialect.ScriptStatement("DROP TABLE t")));

    [Theory]
    [InlineData(SqlTypeKind.String, 4000, "NVARCHAR(4000)")]
    [InlineData(SqlTypeKind.String, 4001, "NVARCHAR(max)")]
    [InlineData(SqlTypeKind.Binary, 8000, "VARBINARY(8000)")]
    [InlineData(SqlTypeKind.Binary, 8001, "VARBINARY(max)")]
    public void Lengths_past_the_largest_declarable_become_max(SqlTypeKind kind, int length, string name) =>
        Assert.Equal(name, Sql.Dialect.TypeName(kind == SqlTypeKind.String ? SqlType.String(length) : SqlType.Binary(length)));

    [Fact]
    public void A_fixed_length_string_past_4000_characters_is_refused() =>
        Assert.StartsWith("sqlserver: NCHAR holds at most 4000 characters", Assert.Throws<NotSupportedException>(() => Sql.Dialect.TypeName(SqlType.Char(4001))).Message);

    [Fact]
    public void Types_map_to_sql_server_names() =>
        Assert.Equal("INT BIGINT BIT DATETIME2 DATETIMEOFFSET REAL FLOAT UNIQUEIDENTIFIER NVARCHAR(max) NVARCHAR(7) NUMERIC(10, 2)",
            string.Join(' ', new[] { SqlType.Integer, SqlType.BigInteger, SqlType.Boolean, SqlType.DateTime, SqlType.DateTimeOffset, SqlType.Float, SqlType.Double,
                SqlType.Guid, SqlType.Json, SqlType.Enum("mood", "happy", "unhappy"), SqlType.Numeric(10, 2) }.Select(Sql.Dialect.TypeName)));

    [Fact]
    public void A_table_spells_out_NULL_names_its_defaults_and_numbers_with_IDENTITY() =>
        Assert.Equal(["CREATE TABLE [Orders] (\n    id INT IDENTITY(1,1) NOT NULL,\n    state NVARCHAR(9) COLLATE Latin1_General_CI_AS CONSTRAINT [df_Orders_state] DEFAULT 'new' NOT NULL,\n    note NVARCHAR(max) NULL,\n    CONSTRAINT pk_orders PRIMARY KEY (id)\n)"],
            Sql.Of(op => op.CreateTable("Orders", new Column("id", SqlType.Integer, primaryKey: true, identity: true), new Column("state", SqlType.String(9), nullable: false, serverDefault: "'new'", collation: "Latin1_General_CI_AS"),
                new Column("note", SqlType.Text), new PrimaryKey("pk_orders", "id"))));

    [Fact]
    public void A_collation_that_is_not_a_word_is_refused() =>
        Assert.Equal("sqlserver: 'x]; DROP TABLE y' is not a collation name",
            Sql.Refusal(op => op.CreateTable("t", new Column("a", SqlType.Text, collation: "x]; DROP TABLE y"))));

    [Fact]
    public void Comments_of_a_new_table_in_a_schema_are_added_as_extended_properties_of_that_schema() =>
        Assert.Equal(["CREATE TABLE app.t (\n    a INT NULL\n)",
            "EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'the t', @level0type = N'SCHEMA', @level0name = N'app', @level1type = N'TABLE', @level1name = N't'",
            "EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'it''s a', @level0type = N'SCHEMA', @level0name = N'app', @level1type = N'TABLE', @level1name = N't', @level2type = N'COLUMN', @level2name = N'a'"],
            Sql.Of(op => op.CreateTable(new Table(new TableName("t", "app"), [new Column("a", SqlType.Integer, comment: "it's a")], comment: "the t"))));

    [Fact]
    public void Adding_a_column_has_no_COLUMN_keyword_and_names_its_default() =>
        Assert.Equal(["ALTER TABLE users ADD n INT CONSTRAINT df_users_n DEFAULT 0 NOT NULL"],
            Sql.Of(op => op.AddColumn("users", new Column("n", SqlType.Integer, nullable: false, serverDefault: "0"))));

    [Fact]
    public void Adding_a_primary_key_column_is_refused() =>
        Assert.StartsWith("sqlserver: add column users.k without primaryKey", Sql.Refusal(op => op.AddColumn("users", new Column("k", SqlType.Integer, primaryKey: true))));

    [Fact]
    public void Dropping_a_column_drops_its_default_constraint_first() =>
        Assert.Equal([DropNameDefault, "ALTER TABLE users DROP COLUMN name"], Sql.Of(op => op.DropColumn("users", "name")));

    [Fact]
    public void Changing_nullability_without_the_type_is_refused() =>
        Assert.Equal("sqlserver: ALTER COLUMN restates the column's type, so changing the nullability of users.name needs it: give existingType",
            Sql.Refusal(op => op.AlterColumn("users", "name", nullable: false)));

    [Fact]
    public void Changing_the_type_without_knowing_the_nullability_is_refused() =>
        Assert.StartsWith("sqlserver: ALTER COLUMN restates the column's nullability, so changing the type of users.name needs it",
            Sql.Refusal(op => op.AlterColumn("users", "name", type: SqlType.Text)));

    [Fact]
    public void Changing_the_type_keeps_the_default_across_the_ALTER_COLUMN() =>
        Assert.Equal(["DECLARE @default nvarchar(258), @definition nvarchar(max);\n" +
            "SELECT @default = QUOTENAME(name), @definition = definition FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'users') AND COL_NAME(parent_object_id, parent_column_id) = N'name';\n" +
            "IF @default IS NOT NULL EXEC(N'ALTER TABLE users DROP CONSTRAINT ' + @default);\n" +
            "ALTER TABLE users ALTER COLUMN name NVARCHAR(max) NOT NULL;\n" +
            "IF @default IS NOT NULL EXEC(N'ALTER TABLE users ADD CONSTRAINT ' + @default + N' DEFAULT ' + @definition + N' FOR name')"],
            Sql.Of(op => op.AlterColumn("users", "name", type: SqlType.Text, existingNullable: false)));

    [Fact]
    public void Changing_type_and_default_drops_the_old_default_and_adds_the_new_one_named() =>
        Assert.Equal([DropNameDefault, "ALTER TABLE users ALTER COLUMN name NVARCHAR(80) NULL", "ALTER TABLE users ADD CONSTRAINT df_users_name DEFAULT '' FOR name"],
            Sql.Of(op => op.AlterColumn("users", "name", type: SqlType.String(80), nullable: true, serverDefault: "''")));

    [Fact]
    public void Dropping_a_default_looks_its_constraint_up() =>
        Assert.Equal([DropNameDefault], Sql.Of(op => op.AlterColumn("users", "name", dropServerDefault: true)));

    [Fact]
    public void Renaming_a_column_in_a_schema_is_sp_rename_after_the_other_changes() =>
        Assert.Equal([
            "DECLARE @schema sysname = SCHEMA_NAME();\nIF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[Users]') AND minor_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'name', 'ColumnId') AND name = N'MS_Description')\n" +
            "    EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'Users', @level2type = N'COLUMN', @level2name = N'name'",
            "EXEC sp_rename N'[Users].name', N'Full Name', 'COLUMN'"],
            Sql.Of(op => op.AlterColumn("Users", "name", newName: "Full Name", dropComment: true)));

    [Fact]
    public void Renaming_a_table_in_a_schema_is_sp_rename_with_the_bare_new_name() =>
        Assert.Equal(["EXEC sp_rename N'app.users', N'people'"], Sql.Of(op => op.RenameTable("users", "people", schema: "app")));

    [Fact]
    public void Setting_a_table_comment_replaces_the_extended_property() =>
        Assert.Equal(["DECLARE @schema sysname = SCHEMA_NAME();\nIF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'users') AND minor_id = 0 AND name = N'MS_Description')\n" +
            "    EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'users';\n" +
            "EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'people', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'users'"],
            Sql.Of(op => op.CreateTableComment("users", "people")));

    [Fact]
    public void A_filtered_index_keeps_its_WHERE_and_is_dropped_ON_its_table() =>
        Assert.Equal(["CREATE UNIQUE INDEX ix_email ON users (email) WHERE email IS NOT NULL", "DROP INDEX ix_email ON users"],
            Sql.Of(op => op.CreateIndex("ix_email", "users", ["email"], unique: true, where: "email IS NOT NULL")).Concat(Sql.Of(op => op.DropIndex("ix_email", "users"))));

    [Fact]
    public void An_expression_index_is_refused_pointing_at_computed_columns() =>
        Assert.StartsWith("sqlserver: SQL Server cannot index the expression (lower(email)) of index ix; add a computed column",
            Sql.Refusal(op => op.CreateIndex("ix", "users", ["(lower(email))"])));

    [Fact]
    public void Concurrently_is_refused() =>
        Assert.StartsWith("sqlserver: SQL Server has no CONCURRENTLY", Sql.Refusal(op => op.DropIndex("ix", "users", concurrently: true)));

    [Fact]
    public void A_RESTRICT_foreign_key_is_NO_ACTION() =>
        Assert.Equal(["ALTER TABLE orders ADD CONSTRAINT fk_o_u FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE NO ACTION ON UPDATE CASCADE"],
            Sql.Of(op => op.CreateForeignKey("fk_o_u", "orders", "users", ["user_id"], ["id"], onDelete: "RESTRICT", onUpdate: "CASCADE", referentSchema: "app")));

    [Fact]
    public void A_deferrable_foreign_key_is_refused() =>
        Assert.StartsWith("sqlserver: SQL Server checks foreign keys at once and cannot defer fk_o_u",
            Sql.Refusal(op => op.CreateForeignKey("fk_o_u", "orders", "users", ["user_id"], ["id"], deferrable: true)));

    [Fact]
    public void Replacing_a_procedure_is_CREATE_OR_ALTER() =>
        Assert.Equal(["CREATE OR ALTER PROCEDURE app.archive AS DELETE FROM users"], Sql.Of(op => op.ReplaceProcedure("archive", " AS DELETE FROM users", schema: "app")));

    [Fact]
    public void Replacing_a_view_is_CREATE_OR_ALTER() =>
        Assert.Equal(["CREATE OR ALTER VIEW active AS SELECT id FROM users"], Sql.Of(op => op.ReplaceView("active", "SELECT id FROM users")));

    [Fact]
    public void Bulk_insert_turns_IDENTITY_INSERT_on_around_the_rows_when_they_set_an_identity_column()
    {
        var statements = Sql.Dialect.Render(RenderedSql.Operation(op => op.BulkInsert("users", [new { id = 1, name = "Zoë" }])));
        Assert.Equal(["IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N'users') AND name IN (N'id', N'name')) SET IDENTITY_INSERT users ON",
            "INSERT INTO users (id, name) VALUES (1, N'Zoë')",
            "IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N'users') AND name IN (N'id', N'name')) SET IDENTITY_INSERT users OFF"],
            statements.Select(s => s.ScriptText));
    }

    [Fact]
    public async Task Reading_a_live_schema_is_refused_with_the_dialect_name()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Sql.Dialect.InspectAsync(null!, [], CancellationToken.None));
        Assert.StartsWith("sqlserver: ", error.Message);
    }
}
