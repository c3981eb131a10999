using Npgsql;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.Postgres;

public sealed partial class PostgresLiveTests
{
    private static readonly TableName ActiveUsers = new("active_users");

    private async Task<string?> ViewAsync(NpgsqlConnection connection) =>
        (await db.InspectAsync(connection)).Views.SingleOrDefault(v => v.Name == ActiveUsers)?.Definition;

    private static Task<long> RoutinesAsync(NpgsqlConnection connection, string name) =>
        PostgresLiveDatabase.ScalarAsync<long>(connection, $"SELECT count(*) FROM pg_proc WHERE proname = '{name}' AND pronamespace = current_schema()::regnamespace");

    [LiveFact(LiveServer.Postgres)]
    public async Task Create_view_is_read_back_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        var create = new CreateObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id, name FROM users WHERE id > 0");
        await db.ApplyAsync(connection, create);
        Assert.Equal("SELECT users.id,\n    users.name\n   FROM users\n  WHERE users.id > 0", await ViewAsync(connection));
        await db.ApplyAsync(connection, create.Reverse());
        Assert.Null(await ViewAsync(connection));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Replace_view_changes_its_query_and_its_reverse_restores_the_previous_one()
    {
        await using var connection = await WithUsersAsync();
        await db.ApplyAsync(connection, new CreateObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id, name FROM users"));
        var replace = new ReplaceObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id, name FROM users WHERE id > 0", "rev1", "SELECT id, name FROM users");
        await db.ApplyAsync(connection, replace);
        Assert.EndsWith("WHERE users.id > 0", await ViewAsync(connection));
        await db.ApplyAsync(connection, replace.Reverse());
        Assert.EndsWith("FROM users", await ViewAsync(connection));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Replacing_a_view_with_fewer_columns_falls_back_to_drop_and_create()
    {
        await using var connection = await WithUsersAsync();
        await db.ApplyAsync(connection, new CreateObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id, name FROM users"));
        await db.ApplyAsync(connection, new ReplaceObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id FROM users"));
        Assert.Equal("SELECT users.id\n   FROM users", await ViewAsync(connection));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Drop_view_removes_it_and_its_reverse_recreates_it()
    {
        await using var connection = await WithUsersAsync();
        await db.ApplyAsync(connection, new CreateObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id FROM users"));
        var drop = new DropObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id FROM users");
        await db.ApplyAsync(connection, drop);
        Assert.Null(await ViewAsync(connection));
        await db.ApplyAsync(connection, drop.Reverse());
        Assert.Equal("SELECT users.id\n   FROM users", await ViewAsync(connection));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Functions_are_created_replaced_and_dropped_and_each_reverse_undoes_it()
    {
        await using var connection = await db.OpenSchemaAsync();
        var name = new TableName("add_one");
        const string one = "(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$";
        const string two = "(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 2 $$";
        Task<int> CallAsync() => PostgresLiveDatabase.ScalarAsync<int>(connection, "SELECT add_one(1)");

        await db.ApplyAsync(connection, new CreateObjectOperation(ObjectKind.Function, name, one));
        Assert.Equal(2, await CallAsync());
        var replace = new ReplaceObjectOperation(ObjectKind.Function, name, two, "rev1", one);
        await db.ApplyAsync(connection, replace);
        Assert.Equal(3, await CallAsync());
        await db.ApplyAsync(connection, replace.Reverse());
        Assert.Equal(2, await CallAsync());
        var drop = new DropObjectOperation(ObjectKind.Function, name, one);
        await db.ApplyAsync(connection, drop);
        Assert.Equal(0L, await RoutinesAsync(connection, "add_one"));
        await db.ApplyAsync(connection, drop.Reverse());
        Assert.Equal(2, await CallAsync());
        await db.ApplyAsync(connection, drop.Reverse().Reverse());
        Assert.Equal(0L, await RoutinesAsync(connection, "add_one"));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Procedures_are_created_replaced_and_dropped_and_each_reverse_undoes_it()
    {
        await using var connection = await WithUsersAsync();
        var name = new TableName("archive");
        const string first = "() LANGUAGE sql AS $$ UPDATE users SET name = 'first' $$";
        const string second = "() LANGUAGE sql AS $$ UPDATE users SET name = 'second' $$";
        await db.ApplyAsync(connection, new BulkInsertOperation(Users, ["name"], [["none"]]));
        Task<string> CallAsync() => PostgresLiveDatabase.ScalarAsync<string>(connection, "CALL archive(); SELECT name FROM users");

        var create = new CreateObjectOperation(ObjectKind.Procedure, name, first);
        await db.ApplyAsync(connection, create);
        Assert.Equal("first", await CallAsync());
        var replace = new ReplaceObjectOperation(ObjectKind.Procedure, name, second, "rev1", first);
        await db.ApplyAsync(connection, replace);
        Assert.Equal("second", await CallAsync());
        await db.ApplyAsync(connection, replace.Reverse());
        Assert.Equal("first", await CallAsync());
        await db.ApplyAsync(connection, create.Reverse());
        Assert.Equal(0L, await RoutinesAsync(connection, "archive"));
        await db.ApplyAsync(connection, create.Reverse().Reverse());
        Assert.Equal(1L, await RoutinesAsync(connection, "archive"));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Execute_runs_its_SQL_only_when_meant_for_postgresql_and_has_no_automatic_reverse()
    {
        await using var connection = await WithUsersAsync();
        await db.ApplyAsync(connection, new ExecuteSqlOperation("INSERT INTO users (name) VALUES ('pg')", "postgresql"));
        await db.ApplyAsync(connection, new ExecuteSqlOperation("INSERT INTO users (name) VALUES ('lite')", "sqlite"));
        Assert.Equal("pg", await PostgresLiveDatabase.ScalarAsync<string>(connection, "SELECT string_agg(name, ',') FROM users"));
        Assert.Throws<RetortException>(() => new ExecuteSqlOperation("SELECT 1").Reverse());
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Bulk_insert_stores_the_same_values_through_parameters_online_and_through_literals_offline()
    {
        await using var connection = await db.OpenSchemaAsync();
        var columns = new[]
        {
            new Column("s", SqlType.Text), new Column("b", SqlType.Boolean), new Column("n", SqlType.Numeric(10, 3)), new Column("d", SqlType.Double),
            new Column("day", SqlType.Date), new Column("at", SqlType.DateTime), new Column("instant", SqlType.DateTimeOffset),
            new Column("g", SqlType.Guid), new Column("bytes", SqlType.Binary()), new Column("i", SqlType.BigInteger), new Column("t", SqlType.Time),
        };
        object?[][] rows =
        [
            [@"it's C:\temp 'quoted' $$ ""x""", true, 12.345m, 0.1, new DateOnly(2026, 2, 3), new DateTime(2026, 2, 3, 4, 5, 6, 789),
                new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero), Guid.NewGuid(), new byte[] { 0, 1, 254, 255 }, long.MaxValue, new TimeOnly(23, 59, 58)],
            [null, false, -1m, -2.5e10, null, null, null, null, Array.Empty<byte>(), 0L, null],
        ];
        var names = columns.Select(c => c.Name).ToArray();
        foreach (var table in new[] { "online", "offline" })
            await db.ApplyAsync(connection, new CreateTableOperation(new Table(new TableName(table), columns)));
        await db.ApplyAsync(connection, new BulkInsertOperation(new TableName("online"), names, rows));
        await db.ApplyScriptAsync(connection, new BulkInsertOperation(new TableName("offline"), names, rows));
        Assert.Equal((2L, 0L), (await PostgresLiveDatabase.ScalarAsync<long>(connection, "SELECT count(*) FROM offline"),
            await PostgresLiveDatabase.ScalarAsync<long>(connection, "SELECT count(*) FROM ((TABLE online EXCEPT TABLE offline) UNION ALL (TABLE offline EXCEPT TABLE online)) x")));
        Assert.Throws<RetortException>(() => new BulkInsertOperation(Users, names, rows).Reverse());
    }
}
