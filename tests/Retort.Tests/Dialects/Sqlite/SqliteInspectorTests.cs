using Retort.Ops;
using static Retort.Tests.Dialects.OperationSamples;

namespace Retort.Tests.Dialects.Sqlite;

/// <summary>The SQLite inspector against databases built by hand, with SQLite's own ways of writing DDL.</summary>
public sealed class SqliteInspectorTests : IAsyncLifetime
{
    private const string HandWritten = """
        CREATE TABLE "Parent Table" ("Id" INTEGER PRIMARY KEY, [co de] TEXT COLLATE NOCASE NOT NULL CONSTRAINT uq_code UNIQUE);
        CREATE TABLE `child` (
            id INT NOT NULL, -- a comment, with a comma (and a parenthesis
            "pa""rent" INTEGER CONSTRAINT fk_child_parent REFERENCES "Parent Table" ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
            amount NUMERIC(10, 2) DEFAULT (1 + 2) CHECK (amount >= 0),
            anything,
            created DATETIME DEFAULT CURRENT_TIMESTAMP,
            /* block, comment */ kind VARCHAR(10) DEFAULT 'a,b',
            CONSTRAINT pk_child PRIMARY KEY (id, kind),
            CONSTRAINT "ck kind" CHECK (kind IN ('a,b', 'c')),
            UNIQUE (amount, created),
            FOREIGN KEY (id) REFERENCES "Parent Table" ("Id") ON DELETE RESTRICT
        ) WITHOUT ROWID;
        CREATE INDEX ix_child_expr ON child (lower(kind), amount DESC) WHERE amount > 0;
        CREATE UNIQUE INDEX "Ix Quoted" ON child ("pa""rent" COLLATE NOCASE);
        CREATE VIEW v (a, b) AS SELECT id, kind FROM child;
        CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT retort_version_pkc PRIMARY KEY (version_num));
        """;

    private readonly SqliteLiveDatabase _db = new();

    public Task InitializeAsync() => _db.OpenAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task Hand_written_ddl_reads_back_with_names_checks_keys_collations_and_index_expressions_in_declared_order()
    {
        await _db.ExecuteAsync(HandWritten);
        Assert.Equal(
            "Parent Table: Id Integer pk identity not null, co de Text not null collate NOCASE; UQ uq_code(co de)\n" +
            "child: id Raw(\"INT\") pk not null, pa\"rent Integer, amount Numeric(10, 2) default 1 + 2, anything Binary(), created DateTime default CURRENT_TIMESTAMP, " +
            "kind String(10) pk not null default 'a,b'; PK pk_child(id, kind); " +
            "FK fk_child_parent(pa\"rent) -> Parent Table(Id) on delete CASCADE on update SET NULL deferrable initially deferred; CK (amount >= 0); " +
            "CK ck kind(kind IN ('a,b', 'c')); UQ (amount, created); FK (id) -> Parent Table(Id) on delete RESTRICT; " +
            "IX Ix Quoted unique (pa\"rent); IX ix_child_expr ((lower(kind)), amount) where amount > 0\n" +
            "view v: SELECT id, kind FROM child",
            SchemaText.Of(await _db.InspectAsync(new TableName("retort_version"))));
    }

    [Fact]
    public async Task A_table_read_back_renders_the_same_ddl_that_created_it()
    {
        var parent = new Table(new TableName("parent"), [new Column("id", SqlType.Integer, primaryKey: true), new Column("code", SqlType.Char(3), nullable: false, collation: "NOCASE")]);
        var child = new Table(new TableName("Child"),
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: true), new Column("parent_id", SqlType.Integer, nullable: false),
            new Column("amount", SqlType.Numeric(10, 2), serverDefault: "0"), new Column("flag", SqlType.Boolean, serverDefault: "1"),
            new Column("at", SqlType.DateTime, serverDefault: "CURRENT_TIMESTAMP"), new Column("data", SqlType.Binary()), new Column("doc", SqlType.Json),
            new Column("day", SqlType.Date), new Column("big", SqlType.BigInteger), new Column("small", SqlType.SmallInteger), new Column("when", SqlType.DateTimeOffset),
            new Column("f", SqlType.Float), new Column("d", SqlType.Double), new Column("tm", SqlType.Time), new Column("tags", SqlType.Raw("TEXT[]")),
            new ForeignKey("fk_child_parent", ["parent_id"], "parent", ["id"], onDelete: "CASCADE", onUpdate: "SET NULL", deferrable: true, initiallyDeferred: true),
            new UniqueConstraint("uq_child", "parent_id", "amount"), new CheckConstraint("ck_child", "amount >= 0"),
        ]);
        string[] Ddl(IEnumerable<Table> tables) => tables.SelectMany(t => _db.Dialect.Render(new CreateTableOperation(t))).Select(s => s.Sql).ToArray();
        foreach (var table in new[] { parent, child })
            await _db.ApplyAsync(new CreateTableOperation(table));
        Assert.Equal(string.Join("\n", Ddl([child, parent])), string.Join("\n", Ddl((await _db.InspectAsync()).Tables)));
    }

    [Fact]
    public async Task The_samples_users_table_reads_back_as_its_ddl_without_the_comments()
    {
        await _db.ApplyAsync(new CreateTableOperation(UsersTable()));
        var read = Assert.Single((await _db.InspectAsync()).Tables);
        Assert.Equal(_db.Dialect.Render(new CreateTableOperation(UsersTable())).First().Sql, _db.Dialect.Render(new CreateTableOperation(read)).Single().Sql);
    }

    [Fact]
    public async Task The_excluded_version_table_is_left_out_whatever_its_case()
    {
        await _db.ExecuteAsync("CREATE TABLE Retort_Version (version_num VARCHAR(32) NOT NULL PRIMARY KEY); CREATE TABLE t (a TEXT)");
        Assert.Equal("t: a Text", SchemaText.Of(await _db.InspectAsync(new TableName("retort_version"))));
    }

    [Fact]
    public async Task Reading_takes_one_command_however_many_tables_there_are()
    {
        var counting = new CountingConnection(_db.Connection);
        await _db.ExecuteAsync("CREATE TABLE t0 (a INTEGER PRIMARY KEY, b TEXT UNIQUE); CREATE INDEX ix_t0 ON t0 (b)");
        var one = await _db.Dialect.InspectAsync(counting, [], CancellationToken.None);
        var commandsForOne = counting.Commands;
        for (var i = 1; i <= 40; i++)
            await _db.ExecuteAsync($"CREATE TABLE t{i} (a INTEGER PRIMARY KEY, p INTEGER REFERENCES t{i - 1} (a), b TEXT UNIQUE CHECK (b <> '')); CREATE INDEX ix_t{i} ON t{i} (b)");
        var many = await _db.Dialect.InspectAsync(counting, [], CancellationToken.None);
        Assert.Equal((1, 41, 1), (commandsForOne, many.Tables.Count, counting.Commands - commandsForOne));
    }

    [Fact]
    public async Task A_closed_connection_is_opened_for_the_reading_and_closed_again()
    {
        await _db.ExecuteAsync("CREATE TABLE t (a TEXT)");
        await _db.Connection.CloseAsync();
        var schema = await _db.InspectAsync();
        Assert.Equal(("t: a Text", System.Data.ConnectionState.Closed), (SchemaText.Of(schema), _db.Connection.State));
    }
}
