using Retort.Dialects;
using Retort.Dialects.MySql;
using Retort.Ops;

namespace Retort.Tests.Dialects.MySql;

/// <summary>The exact SQL the MySQL and MariaDB dialects write for each operation.</summary>
public sealed class MySqlDialectTests
{
    private static readonly MySqlDialect MySql = new();
    private static readonly MySqlDialect MariaDb = new(mariaDb: true);
    private static readonly TableName Users = OperationSamples.Users;

    private static string[] Sql(MigrationOperation operation, MySqlDialect? dialect = null) =>
        (dialect ?? MySql).Render(operation).Select(s => s.ScriptText).ToArray();

    private static string Refusal(MigrationOperation operation, MySqlDialect? dialect = null) =>
        Assert.Throws<NotSupportedException>(() => (dialect ?? MySql).Render(operation)).Message;

    [Theory]
    [InlineData("users", "users")]
    [InlineData("order", "`order`")]
    [InlineData("range", "`range`")]
    [InlineData("returning", "`returning`")]
    [InlineData("UserName", "`UserName`")]
    [InlineData("we`ird", "`we``ird`")]
    [InlineData("two words", "`two words`")]
    public void Names_are_bare_when_plain_and_backticked_when_reserved_mixed_case_or_odd(string name, string quoted) =>
        Assert.Equal(quoted, MySql.Quote(name));

    [Theory]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData(@"C:\temp\new", @"'C:\\temp\\new'")]
    [InlineData("a\0b\x1a", @"'a\0b\Z'")]
    [InlineData("line\nbreak", "'line\nbreak'")]
    public void String_literals_double_quotes_and_escape_backslashes(string value, string literal) =>
        Assert.Equal(literal, MySql.Literal(value));

    [Fact]
    public void Dates_keep_six_fractional_digits_and_an_offset_is_converted_by_the_server()
    {
        var instant = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);
        Assert.Equal("'2026-01-02 03:04:05.123456'", MySql.Literal(instant.DateTime));
        Assert.Equal("CONVERT_TZ('2026-01-02 03:04:05.123456', '+02:00', @@session.time_zone)", MySql.Literal(instant));
        Assert.Equal("'10:30:00'", MySql.Literal(new TimeOnly(10, 30)));
    }

    [Fact]
    public void Ddl_is_not_transactional_so_scripts_have_no_begin_or_commit() => Assert.False(MySql.TransactionalDdl);

    [Fact]
    public void The_flag_names_the_dialect_and_the_names_make_the_dialects() =>
        Assert.Equal(["mysql", "mariadb", "mariadb"],
            [MySql.Name, MariaDb.Name, Dialect.ForName("mariadb").Name]);

    [Fact]
    public void Create_table_writes_comments_keys_and_auto_increment_inline() =>
        Assert.Equal(["""
            CREATE TABLE users (
                id INT NOT NULL AUTO_INCREMENT,
                name VARCHAR(50) NOT NULL DEFAULT 'x' COMMENT 'display name',
                email VARCHAR(120) NULL,
                PRIMARY KEY (id),
                CONSTRAINT uq_users_email UNIQUE (email),
                CONSTRAINT ck_users_name CHECK (name <> '')
            ) COMMENT = 'people'
            """.ReplaceLineEndings("\n")], Sql(new CreateTableOperation(OperationSamples.UsersTable())));

    [Fact]
    public void A_named_primary_key_is_written_without_its_name_which_MySQL_ignores() =>
        Assert.Equal("CREATE TABLE order_items (\n    order_id INT NOT NULL,\n    line_no INT NOT NULL,\n    PRIMARY KEY (order_id, line_no)\n)",
            Sql(new CreateTableOperation(new Table(new TableName("order_items"),
                [new Column("order_id", SqlType.Integer, nullable: false), new Column("line_no", SqlType.Integer, nullable: false),
                 new PrimaryKey("pk_order_items", "order_id", "line_no")])))[0]);

    [Theory]
    [InlineData(SqlTypeKind.SmallInteger, "SMALLINT", "SMALLINT")]
    [InlineData(SqlTypeKind.Text, "LONGTEXT", "LONGTEXT")]
    [InlineData(SqlTypeKind.Boolean, "BOOL", "BOOL")]
    [InlineData(SqlTypeKind.Time, "TIME(6)", "TIME(6)")]
    [InlineData(SqlTypeKind.DateTime, "DATETIME(6)", "DATETIME(6)")]
    [InlineData(SqlTypeKind.DateTimeOffset, "TIMESTAMP(6)", "TIMESTAMP(6)")]
    [InlineData(SqlTypeKind.Guid, "CHAR(36)", "UUID")]
    [InlineData(SqlTypeKind.Json, "JSON", "JSON")]
    public void Generic_types_have_MySQL_and_MariaDB_names(SqlTypeKind kind, string mysql, string mariadb)
    {
        var type = (SqlType)typeof(SqlType).GetProperty(kind.ToString())!.GetValue(null)!;
        Assert.Equal((mysql, mariadb), (MySql.TypeName(type), MariaDb.TypeName(type)));
    }

    [Fact]
    public void Sized_types_carry_their_sizes_and_enum_values_are_escaped_literals() =>
        Assert.Equal(["VARCHAR(20)", "CHAR(2)", "DECIMAL(10, 2)", "DECIMAL", "VARBINARY(16)", "LONGBLOB", @"ENUM('new', 'O''Brien', 'a\\b')", "MEDIUMTEXT"],
            [MySql.TypeName(SqlType.String(20)), MySql.TypeName(SqlType.Char(2)), MySql.TypeName(SqlType.Numeric(10, 2)),
             MySql.TypeName(SqlType.Numeric()), MySql.TypeName(SqlType.Binary(16)), MySql.TypeName(SqlType.Binary()),
             MySql.TypeName(SqlType.Enum("status", "new", "O'Brien", @"a\b")), MySql.TypeName(SqlType.Raw("MEDIUMTEXT"))]);

    [Fact]
    public void Drop_table_and_rename_table() =>
        Assert.Equal(["DROP TABLE users", "RENAME TABLE users TO people", "RENAME TABLE app.users TO app.people"],
            [.. Sql(new DropTableOperation(Users)), .. Sql(new RenameTableOperation(Users, "people")),
             .. Sql(new RenameTableOperation(new TableName("users", "app"), "people"))]);

    [Fact]
    public void A_table_comment_is_set_and_removed_with_an_empty_comment() =>
        Assert.Equal(["ALTER TABLE users COMMENT = 'people''s'", "ALTER TABLE users COMMENT = ''"],
            [.. Sql(new TableCommentOperation(Users, "people's")), .. Sql(new TableCommentOperation(Users, null, "people"))]);

    [Fact]
    public void Add_column_writes_its_default_and_comment_inline() =>
        Assert.Equal(["ALTER TABLE users ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'new' COMMENT 'workflow'"],
            Sql(new AddColumnOperation(Users, new Column("status", SqlType.String(20), nullable: false, serverDefault: "'new'", comment: "workflow"))));

    [Fact]
    public void An_auto_increment_key_column_is_added_as_the_primary_key_in_the_same_statement() =>
        Assert.Equal(["ALTER TABLE users ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY"],
            Sql(new AddColumnOperation(Users, new Column("id", SqlType.BigInteger, primaryKey: true, identity: true))));

    [Fact]
    public void An_auto_increment_column_that_is_not_a_key_is_refused() =>
        Assert.StartsWith("mysql: column users.n is AUTO_INCREMENT", Refusal(new AddColumnOperation(Users, new Column("n", SqlType.Integer, identity: true))));

    [Fact]
    public void Drop_column() =>
        Assert.Equal(["ALTER TABLE users DROP COLUMN address"], Sql(new DropColumnOperation(Users, "address")));

    [Fact]
    public void A_type_change_restates_the_column_with_its_existing_nullability_default_and_comment() =>
        Assert.Equal(["ALTER TABLE users MODIFY COLUMN name VARCHAR(100) NOT NULL DEFAULT 'x' COMMENT 'display name'"],
            Sql(new AlterColumnOperation(Users, "name")
            {
                Type = SqlType.String(100), ExistingType = SqlType.String(50), ExistingNullable = false,
                ExistingServerDefault = "'x'", ExistingServerDefaultKnown = true, ExistingComment = "display name", ExistingCommentKnown = true,
            }));

    [Fact]
    public void A_restating_change_without_the_existing_type_is_refused_with_what_to_give() =>
        Assert.StartsWith("mysql: altering users.name needs existingType: MySQL restates the whole column",
            Refusal(new AlterColumnOperation(Users, "name") { Nullable = false }));

    [Fact]
    public void A_restating_change_without_the_existing_nullability_is_refused_rather_than_made_nullable() =>
        Assert.StartsWith("mariadb: altering users.name needs existingNullable",
            Refusal(new AlterColumnOperation(Users, "name") { Comment = new Change<string?>("shown"), ExistingType = SqlType.String(50) }, MariaDb));

    [Fact]
    public void A_nullability_change_modifies_the_column() =>
        Assert.Equal(["ALTER TABLE users MODIFY COLUMN name VARCHAR(50) NULL"],
            Sql(new AlterColumnOperation(Users, "name") { Nullable = true, ExistingType = SqlType.String(50), ExistingNullable = false }));

    [Fact]
    public void A_default_change_alone_sets_or_drops_the_default_without_restating_the_column() =>
        Assert.Equal(["ALTER TABLE users ALTER COLUMN name SET DEFAULT 'y'", "ALTER TABLE users ALTER COLUMN name DROP DEFAULT"],
            [.. Sql(new AlterColumnOperation(Users, "name") { ServerDefault = new Change<string?>("'y'") }),
             .. Sql(new AlterColumnOperation(Users, "name") { ServerDefault = new Change<string?>(null) })]);

    [Fact]
    public void A_rename_alone_uses_rename_column_which_keeps_the_definition() =>
        Assert.Equal(["ALTER TABLE users RENAME COLUMN name TO full_name"], Sql(new AlterColumnOperation(Users, "name") { NewName = "full_name" }));

    [Fact]
    public void A_rename_with_a_type_change_uses_change_column() =>
        Assert.Equal(["ALTER TABLE users CHANGE COLUMN name full_name VARCHAR(100) NOT NULL"],
            Sql(new AlterColumnOperation(Users, "name") { NewName = "full_name", Type = SqlType.String(100), ExistingNullable = false }));

    [Fact]
    public void A_comment_change_restates_the_column_with_the_new_comment() =>
        Assert.Equal(["ALTER TABLE users MODIFY COLUMN name VARCHAR(50) NOT NULL DEFAULT 'x' COMMENT 'shown'"],
            Sql(new AlterColumnOperation(Users, "name")
            {
                Comment = new Change<string?>("shown"), ExistingType = SqlType.String(50), ExistingNullable = false,
                ExistingServerDefault = "'x'", ExistingServerDefaultKnown = true,
            }));

    [Fact]
    public void A_postgres_using_clause_is_refused() =>
        Assert.StartsWith("mysql: altering users.name with a USING expression",
            Refusal(new AlterColumnOperation(Users, "name") { Type = SqlType.Integer, ExistingType = SqlType.String(50), ExistingNullable = true, Using = "name::integer" }));

    [Fact]
    public void Indexes_are_created_on_columns_and_MySQL_expressions() =>
        Assert.Equal(["CREATE UNIQUE INDEX ix_users_email ON users (email)", "CREATE INDEX ix_users_lower ON users ((lower(email)), `Name`)"],
            [.. Sql(new CreateIndexOperation(new TableIndex("ix_users_email", "users", ["email"], unique: true))),
             .. Sql(new CreateIndexOperation(new TableIndex("ix_users_lower", "users", ["(lower(email))", "Name"])))]);

    [Fact]
    public void An_expression_index_is_refused_on_MariaDB() =>
        Assert.StartsWith("mariadb: index ix_users_lower has an expression",
            Refusal(new CreateIndexOperation(new TableIndex("ix_users_lower", "users", ["(lower(email))"])), MariaDb));

    [Fact]
    public void A_partial_index_becomes_a_plain_index() =>
        Assert.Equal(["CREATE INDEX ix_users_name ON users (name)"],
            Sql(new CreateIndexOperation(new TableIndex("ix_users_name", "users", ["name"], where: "name IS NOT NULL"))));

    [Fact]
    public void A_partial_unique_index_is_refused_since_a_full_one_would_reject_more_rows() =>
        Assert.StartsWith("mysql: unique index ix_users_name cannot be partial",
            Refusal(new CreateIndexOperation(new TableIndex("ix_users_name", "users", ["name"], unique: true, where: "name IS NOT NULL"))));

    [Fact]
    public void A_concurrent_index_build_asks_for_no_lock() =>
        Assert.Equal(["CREATE INDEX ix_users_email ON users (email) LOCK=NONE"],
            Sql(new CreateIndexOperation(new TableIndex("ix_users_email", "users", ["email"]), Concurrently: true)));

    [Fact]
    public void Drop_index_names_the_table() =>
        Assert.Equal(["DROP INDEX ix_users_email ON users"], Sql(new DropIndexOperation("ix_users_email", Users)));

    [Fact]
    public void Constraints_are_added_and_a_primary_key_without_its_name() =>
        Assert.Equal(["ALTER TABLE users ADD PRIMARY KEY (id)", "ALTER TABLE users ADD CONSTRAINT uq_users_name UNIQUE (name)",
            "ALTER TABLE users ADD CONSTRAINT ck_users_id CHECK (id > 0)",
            "ALTER TABLE users ADD CONSTRAINT fk_users_parent FOREIGN KEY (parent_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE SET NULL"],
            [.. Sql(new AddConstraintOperation(Users, new PrimaryKey("pk_users", "id"))),
             .. Sql(new AddConstraintOperation(Users, new UniqueConstraint("uq_users_name", "name"))),
             .. Sql(new AddConstraintOperation(Users, new CheckConstraint("ck_users_id", "id > 0"))),
             .. Sql(new AddConstraintOperation(Users, new ForeignKey("fk_users_parent", ["parent_id"], "users", ["id"], onDelete: "CASCADE", onUpdate: "SET NULL")))]);

    [Fact]
    public void A_deferrable_foreign_key_is_refused() =>
        Assert.StartsWith("mysql: foreign key fk_a cannot be deferrable",
            Refusal(new AddConstraintOperation(Users, new ForeignKey("fk_a", ["a"], "b", ["id"], deferrable: true))));

    [Fact]
    public void A_foreign_key_with_set_default_is_refused() =>
        Assert.StartsWith("mariadb: foreign key fk_a cannot use SET DEFAULT",
            Refusal(new AddConstraintOperation(Users, new ForeignKey("fk_a", ["a"], "b", ["id"], onDelete: "SET DEFAULT")), MariaDb));

    [Fact]
    public void Constraints_are_dropped_with_the_words_of_their_kind() =>
        Assert.Equal(["ALTER TABLE users DROP PRIMARY KEY", "ALTER TABLE users DROP INDEX uq_users_name",
            "ALTER TABLE users DROP FOREIGN KEY fk_users_parent", "ALTER TABLE users DROP CHECK ck_users_id"],
            [.. Sql(new DropConstraintOperation(Users, "pk_users", ConstraintKind.PrimaryKey)),
             .. Sql(new DropConstraintOperation(Users, "uq_users_name", ConstraintKind.Unique)),
             .. Sql(new DropConstraintOperation(Users, "fk_users_parent", ConstraintKind.ForeignKey)),
             .. Sql(new DropConstraintOperation(Users, "ck_users_id", ConstraintKind.Check))]);

    [Fact]
    public void MariaDB_drops_a_check_with_drop_constraint() =>
        Assert.Equal(["ALTER TABLE users DROP CONSTRAINT ck_users_id"], Sql(new DropConstraintOperation(Users, "ck_users_id", ConstraintKind.Check), MariaDb));

    [Fact]
    public void Views_are_created_replaced_and_dropped() =>
        Assert.Equal(["CREATE VIEW active_users AS SELECT id FROM users", "CREATE OR REPLACE VIEW active_users AS SELECT id, name FROM users", "DROP VIEW active_users"],
            [.. Sql(new CreateObjectOperation(ObjectKind.View, new TableName("active_users"), "SELECT id FROM users")),
             .. Sql(new ReplaceObjectOperation(ObjectKind.View, new TableName("active_users"), "SELECT id, name FROM users")),
             .. Sql(new DropObjectOperation(ObjectKind.View, new TableName("active_users")))]);

    [Fact]
    public void MySQL_replaces_a_routine_by_dropping_it_first() =>
        Assert.Equal(["DROP FUNCTION IF EXISTS add_one", "CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 2"],
            Sql(new ReplaceObjectOperation(ObjectKind.Function, new TableName("add_one"), "(x INT) RETURNS INT DETERMINISTIC RETURN x + 2")));

    [Fact]
    public void MariaDB_replaces_a_routine_with_create_or_replace() =>
        Assert.Equal(["CREATE OR REPLACE PROCEDURE archive() DELETE FROM users"],
            Sql(new ReplaceObjectOperation(ObjectKind.Procedure, new TableName("archive"), "() DELETE FROM users"), MariaDb));

    [Fact]
    public void A_script_sets_a_body_with_semicolons_between_delimiter_lines() =>
        Assert.Equal("DELIMITER //\nCREATE PROCEDURE archive() BEGIN DELETE FROM a; DELETE FROM b; END//\nDELIMITER ;",
            MySql.ScriptStatement("CREATE PROCEDURE archive() BEGIN DELETE FROM a; DELETE FROM b; END"));

    [Theory]
    [InlineData("UPDATE users SET name = 'a;b'")]
    [InlineData("UPDATE users SET name = 'it\\'s;' -- done; really")]
    [InlineData("UPDATE `x;y` SET a = 1 /* ; */")]
    [InlineData("UPDATE users SET a = \"b\\\";\" # done; really")]
    public void A_semicolon_in_a_string_name_or_comment_needs_no_delimiter(string sql) =>
        Assert.Equal(sql + ";", MySql.ScriptStatement(sql));

    [Fact]
    public void The_delimiter_avoids_text_the_body_contains() =>
        Assert.Equal("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT '//'; END$$\nDELIMITER ;",
            MySql.ScriptStatement("CREATE PROCEDURE p() BEGIN SELECT '//'; END"));

    [Fact]
    public void Bulk_insert_writes_escaped_literals_offline_and_parameters_online()
    {
        var statement = MySql.Render(new BulkInsertOperation(Users, ["id", "name"], [[1, @"O'Brien \o/"]])).Single();
        Assert.Equal(("INSERT INTO users (id, name) VALUES (@p0, @p1)", @"INSERT INTO users (id, name) VALUES (1, 'O''Brien \\o/')"),
            (statement.Sql, statement.ScriptText));
    }

    [Fact]
    public void Sql_for_mysql_runs_on_mariadb_but_sql_for_mariadb_not_on_mysql() =>
        Assert.Equal((1, 0), (MariaDb.Render(new ExecuteSqlOperation("SELECT 1", "mysql")).Count, MySql.Render(new ExecuteSqlOperation("SELECT 1", "mariadb")).Count));

    [Fact]
    public void Enum_values_are_read_back_from_the_column_type() =>
        Assert.Equal(["a", "O'Brien", @"b\c", "x,y"], MySqlTypes.EnumValues(@"enum('a','O''Brien','b\\c','x,y')"));
}
