using Npgsql;
using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Tests.Dialects.MySql;
using Retort.Tests.Dialects.Postgres;
using Retort.Tests.Dialects.Sqlite;
using Retort.Tests.Live;

namespace Retort.Tests.Autogenerate;

/// <summary>
/// Tables that another tool or a person made with each database's own idioms (serial, int(11), tinyint(1),
/// current_timestamp(), unnamed constraints, a rowid key without NOT NULL) compare equal to the same model in
/// Retort's terms: the echo of hand-written DDL is no change either.
/// </summary>
public sealed class ForeignDdlTests(PostgresLiveDatabase postgres, MySqlTestDatabase mysql) : IClassFixture<PostgresLiveDatabase>, IClassFixture<MySqlTestDatabase>
{
    private static readonly CompareOptions Everything = new() { CompareServerDefault = true };

    private static void AssertAgree(DatabaseSchema wanted, DatabaseSchema live, Dialect dialect)
    {
        var diff = SchemaComparer.Compare(wanted, live, dialect, Everything);
        Assert.True(diff.IsEmpty, "False positives:\n" + CSharpWriter.Operations(diff.Upgrade, "  "));
        Assert.Empty(diff.Warnings);
    }

    private static DatabaseSchema Legacy(IEnumerable<TableElement> elements, params TableIndex[] indexes) =>
        new([new Table(new TableName("legacy"), elements, indexes)], []);

    [Fact]
    public async Task Sqlite_tables_written_by_hand_agree_with_the_model()
    {
        await using var db = new SqliteLiveDatabase();
        await db.OpenAsync();
        await db.ExecuteAsync("""
            CREATE TABLE legacy (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              name VARCHAR(50) NOT NULL DEFAULT 'x',
              n INT DEFAULT (-1),
              at DATETIME DEFAULT (datetime('now')),
              price NUMERIC(10,2) DEFAULT 0.00,
              flag BOOLEAN DEFAULT FALSE,
              email TEXT UNIQUE,
              parent_id INTEGER REFERENCES legacy(id) ON DELETE NO ACTION,
              CHECK (n >= -1)
            );
            CREATE INDEX ix_legacy_lower ON legacy (lower(name)) WHERE flag;
            """);

        AssertAgree(Legacy(
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("name", SqlType.String(50), nullable: false, serverDefault: "'x'"),
            new Column("n", SqlType.Integer, serverDefault: "-1"),
            new Column("at", SqlType.DateTime, serverDefault: "datetime('now')"),
            new Column("price", SqlType.Numeric(10, 2), serverDefault: "0"),
            new Column("flag", SqlType.Boolean, serverDefault: "false"),
            new Column("email", SqlType.Text),
            new Column("parent_id", SqlType.Integer),
            new UniqueConstraint(null, "email"),
            new ForeignKey(null, ["parent_id"], "legacy", ["id"], onDelete: "NO ACTION"),
            new CheckConstraint(null, "n >= -1"),
        ], new TableIndex("ix_legacy_lower", "legacy", ["(lower(name))"], where: "flag")), await db.InspectAsync(), db.Dialect);
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Postgres_tables_written_by_hand_agree_with_the_model()
    {
        await using var connection = await postgres.OpenSchemaAsync();
        await new NpgsqlCommand("""
            CREATE TABLE legacy (
              id serial PRIMARY KEY,
              big bigserial,
              name varchar(50) NOT NULL DEFAULT 'x',
              price numeric(10,2) DEFAULT 0,
              flag bool DEFAULT false,
              at timestamptz DEFAULT now(),
              n int4 DEFAULT -1,
              tags text[] DEFAULT '{}',
              email text UNIQUE,
              parent_id integer REFERENCES legacy (id) ON DELETE NO ACTION,
              CHECK (n >= -1)
            );
            CREATE INDEX ix_legacy_lower ON legacy (lower(name)) WHERE flag;
            """, connection).ExecuteNonQueryAsync();

        AssertAgree(Legacy(
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("big", SqlType.BigInteger, identity: true, nullable: false),
            new Column("name", SqlType.String(50), nullable: false, serverDefault: "'x'"),
            new Column("price", SqlType.Numeric(10, 2), serverDefault: "0"),
            new Column("flag", SqlType.Boolean, serverDefault: "FALSE"),
            new Column("at", SqlType.DateTimeOffset, serverDefault: "CURRENT_TIMESTAMP"),
            new Column("n", SqlType.Integer, serverDefault: "-1"),
            new Column("tags", SqlType.Raw("TEXT[]"), serverDefault: "'{}'"),
            new Column("email", SqlType.Text),
            new Column("parent_id", SqlType.Integer),
            new UniqueConstraint(null, "email"),
            new ForeignKey(null, ["parent_id"], "legacy", ["id"]),
            new CheckConstraint(null, "n >= -1"),
        ], new TableIndex("ix_legacy_lower", "legacy", ["(lower(name))"], where: "flag")), await postgres.InspectAsync(connection), postgres.Dialect);
    }

    [LiveFact(LiveServer.MySql)]
    public async Task MariaDb_tables_written_by_hand_agree_with_the_model()
    {
        await using var connection = await mysql.FreshAsync();
        await using (var command = new MySqlConnector.MySqlCommand("""
            CREATE TABLE legacy (
              id int(11) NOT NULL AUTO_INCREMENT,
              flag tinyint(1) NOT NULL DEFAULT 1,
              name varchar(50) NOT NULL DEFAULT 'x',
              price decimal(10,2) DEFAULT 0,
              at timestamp NULL DEFAULT current_timestamp(),
              n int DEFAULT '-1',
              doc json,
              code varchar(20),
              parent_id int(11),
              PRIMARY KEY (id),
              UNIQUE KEY uq_legacy_code (code),
              KEY fk_legacy_parent (parent_id),
              CONSTRAINT fk_legacy_parent FOREIGN KEY (parent_id) REFERENCES legacy (id) ON DELETE RESTRICT
            ) ENGINE=InnoDB
            """, connection))
            await command.ExecuteNonQueryAsync();

        AssertAgree(Legacy(
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("flag", SqlType.Boolean, nullable: false, serverDefault: "TRUE"),
            new Column("name", SqlType.String(50), nullable: false, serverDefault: "'x'"),
            new Column("price", SqlType.Numeric(10, 2), serverDefault: "0"),
            new Column("at", SqlType.Raw("TIMESTAMP"), serverDefault: "CURRENT_TIMESTAMP"),
            new Column("n", SqlType.Integer, serverDefault: "-1"),
            new Column("doc", SqlType.Json),
            new Column("code", SqlType.String(20)),
            new Column("parent_id", SqlType.Integer),
            new UniqueConstraint("uq_legacy_code", "code"),
            new ForeignKey("fk_legacy_parent", ["parent_id"], "legacy", ["id"]),
        ]), await mysql.InspectAsync(connection), mysql.Dialect);
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Postgres_is_asked_what_it_makes_of_expressions_that_text_rules_cannot_match()
    {
        await using var connection = await postgres.OpenSchemaAsync();
        await new NpgsqlCommand("""
            CREATE TABLE parcels (
              id serial PRIMARY KEY,
              status varchar(10) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'sent')),
              qty int CHECK (qty BETWEEN 1 AND 100),
              sent_on date DEFAULT (now() + interval '1 day')::date
            );
            CREATE INDEX parcels_open_idx ON parcels (qty) WHERE status IN ('new', 'sent');
            CREATE VIEW open_parcels AS SELECT id, qty FROM parcels WHERE status IN ('new', 'sent');
            """, connection).ExecuteNonQueryAsync();
        DatabaseSchema Model(string range) => new Retort.Model.SchemaBuilder()
            .Table("parcels", t => t
                .Column("id", SqlType.Integer, primaryKey: true)
                .Column("status", SqlType.String(10), nullable: false, serverDefault: "'new'")
                .Column("qty", SqlType.Integer)
                .Column("sent_on", SqlType.Date, serverDefault: "CAST(now() + interval '1 day' AS date)")
                .Check("status IN ('new', 'sent')")
                .Check(range)
                .Index("qty", name: "parcels_open_idx", where: "status IN ('new', 'sent')"))
            .View("open_parcels", "SELECT id, qty FROM parcels WHERE status IN ('new', 'sent')")
            .Build();
        var live = await postgres.InspectAsync(connection);

        var byText = SchemaComparer.Compare(Model("qty BETWEEN 1 AND 100"), live, postgres.Dialect, Everything);
        var asked = await SchemaComparer.CompareAsync(Model("qty BETWEEN 1 AND 100"), live, postgres.Dialect, Everything, connection);
        var changed = await SchemaComparer.CompareAsync(Model("qty BETWEEN 1 AND 99"), live, postgres.Dialect, Everything, connection);

        // PostgreSQL stores status IN (...) as (status)::text = ANY (ARRAY[...]) and BETWEEN as two comparisons.
        Assert.False(byText.IsEmpty);
        Assert.True(asked.IsEmpty, "False positives:\n" + CSharpWriter.Operations(asked.Upgrade, "  "));
        Assert.Equal(["DropConstraintOperation parcels.parcels_qty_check", "AddConstraintOperation parcels.ck_parcels_2"], changed.Upgrade.Select(SingleChanges.Describe));
        // Nothing was left behind by the questions.
        Assert.Equal(live.Tables.Count, (await postgres.InspectAsync(connection)).Tables.Count);
    }

    [LiveFact(LiveServer.MySql)]
    public async Task MariaDb_an_offline_script_that_restates_a_key_keeps_its_auto_increment()
    {
        await using var connection = await mysql.FreshAsync();
        await using (var create = new MySqlConnector.MySqlCommand("CREATE TABLE tickets (id int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, title varchar(20))", connection))
            await create.ExecuteNonQueryAsync();
        var wanted = new DatabaseSchema([new Table(new TableName("tickets"), [new Column("id", SqlType.BigInteger, primaryKey: true), new Column("title", SqlType.String(20))])], []);

        var diff = SchemaComparer.Compare(wanted, await mysql.InspectAsync(connection), mysql.Dialect, Everything);
        // Offline: rendered as a --sql script is, with nothing read from the database.
        foreach (var statement in diff.Upgrade.SelectMany(mysql.Dialect.Render))
            await MySqlTestDatabase.ExecuteAsync(connection, statement);
        await using (var insert = new MySqlConnector.MySqlCommand("INSERT INTO tickets (title) VALUES ('first')", connection))
            await insert.ExecuteNonQueryAsync();

        var id = Assert.Single((await mysql.InspectAsync(connection)).Tables[0].Columns, c => c.Name == "id");
        Assert.Equal(SqlType.BigInteger, id.Type);
        Assert.True(id.Identity);
    }

    [LiveFact(LiveServer.MySql)]
    public async Task MariaDb_a_check_beside_its_column_survives_a_change_of_the_column_and_goes_when_dropped()
    {
        await using var connection = await mysql.FreshAsync();
        await using (var create = new MySqlConnector.MySqlCommand("CREATE TABLE stock (id int PRIMARY KEY, qty int CHECK (qty >= 0), note varchar(10))", connection))
            await create.ExecuteNonQueryAsync();
        var live = await mysql.InspectAsync(connection);
        Assert.Equal("qty", Assert.Single(live.Tables[0].Constraints.OfType<CheckConstraint>()).Column);
        Table Stock(SqlType qty, params Constraint[] checks) =>
            new(new TableName("stock"), [new Column("id", SqlType.Integer, primaryKey: true, identity: false), new Column("qty", qty), new Column("note", SqlType.String(10)), .. checks]);

        var widened = SchemaComparer.Compare(new DatabaseSchema([Stock(SqlType.BigInteger, new CheckConstraint(null, "qty >= 0"))], []), live, mysql.Dialect, Everything);
        foreach (var operation in widened.Upgrade)
        {
            foreach (var statement in mysql.Dialect.Render(await mysql.Dialect.Preparation.PrepareAsync(operation, connection, null, CancellationToken.None)))
                await MySqlTestDatabase.ExecuteAsync(connection, statement);
        }
        var kept = await mysql.InspectAsync(connection);
        var dropped = SchemaComparer.Compare(new DatabaseSchema([Stock(SqlType.BigInteger)], []), kept, mysql.Dialect, Everything);
        foreach (var statement in dropped.Upgrade.SelectMany(mysql.Dialect.Render))
            await MySqlTestDatabase.ExecuteAsync(connection, statement);

        Assert.Contains(widened.Warnings, w => w.Contains("stock.qty holds check qty in its definition", StringComparison.Ordinal));
        Assert.Equal("qty >= 0", Assert.Single(kept.Tables[0].Constraints.OfType<CheckConstraint>()).Condition.Replace("`", "", StringComparison.Ordinal));
        Assert.Contains("restateColumn: new Column(\"qty\", SqlType.BigInteger)", CSharpWriter.Operations(dropped.Upgrade, ""), StringComparison.Ordinal);
        Assert.Empty((await mysql.InspectAsync(connection)).Tables[0].Constraints.OfType<CheckConstraint>());
    }
}
