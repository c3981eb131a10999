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
}
