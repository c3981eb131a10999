using MySqlConnector;
using Retort.Dialects.MySql;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.MySql;

/// <summary>
/// Every operation applied to the live MySQL/MariaDB server, read back with the dialect's inspector, then
/// reversed and read back again. Each test starts from an empty database of the class's own.
/// </summary>
public sealed partial class MySqlLiveTests(MySqlTestDatabase db) : IClassFixture<MySqlTestDatabase>
{
    private static readonly TableName Users = new("users");

    private static Column Id => new("id", SqlType.Integer, primaryKey: true, identity: true);
    private static Column Name => new("name", SqlType.String(50), nullable: false, serverDefault: "'x'", comment: "display name");
    private static Column Email => new("email", SqlType.String(120));

    private static Table UsersTable(params TableElement[] more) => new(Users, [Id, Name, Email, .. more]);

    private async Task<MySqlConnection> WithUsersAsync(params TableElement[] more)
    {
        var connection = await db.FreshAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(UsersTable(more)));
        return connection;
    }

    private async Task<Table?> TableAsync(MySqlConnection connection, string name = "users") =>
        (await db.InspectAsync(connection)).Table(new TableName(name));

    private async Task<Column?> ColumnAsync(MySqlConnection connection, string column) => (await TableAsync(connection))!.Column(column);

    /// <summary>Applies the operation, checks, applies its reverse, checks again.</summary>
    private async Task RoundTripAsync(MySqlConnection connection, MigrationOperation operation, Func<Task> applied, Func<Task> reversed)
    {
        await db.ApplyAsync(connection, operation);
        await applied();
        await db.ApplyAsync(connection, operation.Reverse());
        await reversed();
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_created_table_reads_back_with_every_generic_type_default_comment_and_key_and_its_reverse_drops_it()
    {
        await using var connection = await db.FreshAsync();
        Column[] columns =
        [
            Id, Name, Email,
            new("small", SqlType.SmallInteger, nullable: false, serverDefault: "0"), new("big", SqlType.BigInteger),
            new("code", SqlType.Char(2)), new("body", SqlType.Text), new("flag", SqlType.Boolean, serverDefault: "1"),
            new("born", SqlType.Date), new("at", SqlType.Time), new("seen", SqlType.DateTime, serverDefault: "CURRENT_TIMESTAMP(6)"),
            new("stamp", SqlType.DateTimeOffset), new("price", SqlType.Numeric(10, 2), serverDefault: "1.50"),
            new("ratio", SqlType.Float), new("score", SqlType.Double), new("hash", SqlType.Binary(16)), new("data", SqlType.Binary()),
            new("uid", db.Dialect.MariaDb ? SqlType.Guid : SqlType.Char(36)), new("doc", SqlType.Json),
            new("status", SqlType.Enum("status", "new", "O'Brien", @"a\b"), serverDefault: "'new'"),
            new("notes", SqlType.Raw("mediumtext")), new("tag", SqlType.String(10), collation: "utf8mb4_bin"),
        ];
        var table = new Table(Users, [.. columns, new UniqueConstraint("uq_users_email", "email"), new CheckConstraint("ck_users_name", "name <> ''")],
            comment: "people's");
        await RoundTripAsync(connection, new CreateTableOperation(table),
            async () =>
            {
                var read = (await TableAsync(connection))!;
                Assert.Equal(columns, read.Columns);
                Assert.Equal(["id"], read.PrimaryKeyColumns);
                Assert.Equal(["email"], Assert.Single(read.Constraints.OfType<UniqueConstraint>(), u => u.Name == "uq_users_email").Columns);
                Assert.Contains("<> ''", Assert.Single(read.Constraints.OfType<CheckConstraint>()).Condition);
                Assert.Equal("people's", read.Comment);
            },
            async () => Assert.Empty((await db.InspectAsync(connection)).Tables));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task Reserved_mixed_case_and_quoted_names_survive_the_round_trip()
    {
        await using var connection = await db.FreshAsync();
        var table = new Table(new TableName("Order"), [new Column("select", SqlType.Integer), new Column("we`ird", SqlType.String(5)), new Column("Mixed Case", SqlType.Text)]);
        await db.ApplyAsync(connection, new CreateTableOperation(table));
        await db.ApplyAsync(connection, new BulkInsertOperation(table.Name, ["select", "we`ird"], [[1, "a"]]));
        var read = Assert.Single((await db.InspectAsync(connection)).Tables);
        Assert.Equal("Order", read.Name.Name);
        Assert.Equal(["select", "we`ird", "Mixed Case"], read.Columns.Select(c => c.Name));
        Assert.Equal(1L, await MySqlTestDatabase.ScalarAsync(connection, "SELECT COUNT(*) FROM `Order` WHERE `we``ird` = 'a'"));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_dropped_table_is_gone_and_its_reverse_restores_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new DropTableOperation(Users, UsersTable()),
            async () => Assert.Null(await TableAsync(connection)),
            async () => Assert.Equal(UsersTable().Columns, (await TableAsync(connection))!.Columns));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_renamed_table_moves_and_its_reverse_moves_it_back()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new RenameTableOperation(Users, "people"),
            async () => Assert.Equal(["people"], (await db.InspectAsync(connection)).Tables.Select(t => t.Name.Name)),
            async () => Assert.Equal(["users"], (await db.InspectAsync(connection)).Tables.Select(t => t.Name.Name)));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_table_comment_is_set_and_its_reverse_removes_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new TableCommentOperation(Users, @"people \ 'who' log in", null),
            async () => Assert.Equal(@"people \ 'who' log in", (await TableAsync(connection))!.Comment),
            async () => Assert.Null((await TableAsync(connection))!.Comment));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task An_added_column_reads_back_as_declared_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        var status = new Column("status", SqlType.String(20), nullable: false, serverDefault: "'new'", comment: "workflow");
        await RoundTripAsync(connection, new AddColumnOperation(Users, status),
            async () => Assert.Equal(status, await ColumnAsync(connection, "status")),
            async () => Assert.Null(await ColumnAsync(connection, "status")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task An_auto_increment_key_column_is_added_to_a_table_without_a_key_and_numbers_its_rows()
    {
        await using var connection = await db.FreshAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(new TableName("events"), [new Column("what", SqlType.String(10))])));
        await db.ApplyAsync(connection, new BulkInsertOperation(new TableName("events"), ["what"], [["a"], ["b"]]));
        await RoundTripAsync(connection, new AddColumnOperation(new TableName("events"), new Column("id", SqlType.BigInteger, primaryKey: true, identity: true)),
            async () =>
            {
                var read = (await TableAsync(connection, "events"))!;
                Assert.Equal(["id"], read.PrimaryKeyColumns);
                Assert.True(read.Column("id")!.Identity);
                Assert.Equal(3L, Convert.ToInt64(await MySqlTestDatabase.ScalarAsync(connection, "SELECT SUM(id) FROM events")));
            },
            async () => Assert.Empty((await TableAsync(connection, "events"))!.PrimaryKeyColumns));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_dropped_column_is_gone_and_its_reverse_adds_it_back()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new DropColumnOperation(Users, "name", Name),
            async () => Assert.Null(await ColumnAsync(connection, "name")),
            async () => Assert.Equal(Name, await ColumnAsync(connection, "name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task The_inspector_reads_any_number_of_tables_in_the_same_nine_queries()
    {
        await using var connection = await db.FreshAsync();
        var counts = new List<long>();
        foreach (var tables in new[] { 1, 12 })
        {
            for (var i = counts.Count == 0 ? 0 : 1; i < tables; i++)
                await db.ApplyAsync(connection, new CreateTableOperation(new Table(new TableName($"t{i}"),
                    [new Column("id", SqlType.Integer, primaryKey: true), new Column("v", SqlType.String(5)), new UniqueConstraint($"uq_t{i}", "v")])));
            var before = await SelectsAsync(connection);
            Assert.Equal(tables, (await db.InspectAsync(connection)).Tables.Count);
            counts.Add(await SelectsAsync(connection) - before);
        }
        Assert.Equal([MySqlCatalog.QueryCount, MySqlCatalog.QueryCount], counts);
    }

    private static async Task<long> SelectsAsync(MySqlConnection connection)
    {
        await using var command = new MySqlCommand("SHOW SESSION STATUS LIKE 'Com_select'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
    }

    [LiveFact(LiveServer.MySql)]
    public async Task The_inspector_leaves_out_the_excluded_version_table()
    {
        await using var connection = await WithUsersAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(new TableName("retort_version"), [new Column("version_num", SqlType.String(32), primaryKey: true)])));
        Assert.Equal(["users"], (await db.InspectAsync(connection, new TableName("retort_version"))).Tables.Select(t => t.Name.Name));
    }
}
