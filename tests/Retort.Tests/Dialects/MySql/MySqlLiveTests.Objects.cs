using MySqlConnector;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.MySql;

public sealed partial class MySqlLiveTests
{
    private static readonly TableName ActiveUsers = new("active_users");
    private static readonly TableName AddOne = new("add_one");
    private static readonly TableName Archive = new("archive");

    private async Task<string?> ViewAsync(MySqlConnection connection) =>
        (await db.InspectAsync(connection)).Views.SingleOrDefault(v => v.Name == ActiveUsers)?.Definition;

    private static async Task<long> RoutinesAsync(MySqlConnection connection, string name) =>
        Convert.ToInt64(await MySqlTestDatabase.ScalarAsync(connection,
            $"SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = '{name}'"));

    [LiveFact(LiveServer.MySql)]
    public async Task A_created_view_reads_back_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new CreateObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id FROM users WHERE email IS NOT NULL"),
            async () => Assert.Contains("is not null", (await ViewAsync(connection))!, StringComparison.OrdinalIgnoreCase),
            async () => Assert.Null(await ViewAsync(connection)));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_replaced_view_has_the_new_definition_and_its_reverse_the_previous_one()
    {
        await using var connection = await WithUsersAsync();
        await db.ApplyAsync(connection, new CreateObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id FROM users"));
        await RoundTripAsync(connection, new ReplaceObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id, name FROM users", Previous: "SELECT id FROM users"),
            async () => Assert.Contains("`name`", (await ViewAsync(connection))!),
            async () => Assert.DoesNotContain("`name`", (await ViewAsync(connection))!));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_dropped_view_is_gone_and_its_reverse_creates_it_again()
    {
        await using var connection = await WithUsersAsync();
        await db.ApplyAsync(connection, new CreateObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id FROM users"));
        await RoundTripAsync(connection, new DropObjectOperation(ObjectKind.View, ActiveUsers, "SELECT id FROM users"),
            async () => Assert.Null(await ViewAsync(connection)),
            async () => Assert.NotNull(await ViewAsync(connection)));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_function_is_created_replaced_and_dropped_and_each_reverse_undoes_it()
    {
        await using var connection = await db.FreshAsync();
        const string plusOne = "(x INT) RETURNS INT DETERMINISTIC RETURN x + 1";
        const string plusTwo = "(x INT) RETURNS INT DETERMINISTIC BEGIN DECLARE y INT; SET y = x + 2; RETURN y; END";
        async Task<long?> CallAsync() => await RoutinesAsync(connection, "add_one") == 0 ? null
            : Convert.ToInt64(await MySqlTestDatabase.ScalarAsync(connection, "SELECT add_one(1)"));
        await RoundTripAsync(connection, new CreateObjectOperation(ObjectKind.Function, AddOne, plusOne),
            async () => Assert.Equal(2, await CallAsync()),
            async () => Assert.Null(await CallAsync()));
        await db.ApplyAsync(connection, new CreateObjectOperation(ObjectKind.Function, AddOne, plusOne));
        await RoundTripAsync(connection, new ReplaceObjectOperation(ObjectKind.Function, AddOne, plusTwo, Previous: plusOne),
            async () => Assert.Equal(3, await CallAsync()),
            async () => Assert.Equal(2, await CallAsync()));
        await RoundTripAsync(connection, new DropObjectOperation(ObjectKind.Function, AddOne, plusOne),
            async () => Assert.Null(await CallAsync()),
            async () => Assert.Equal(2, await CallAsync()));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_procedure_with_a_compound_body_is_created_replaced_and_dropped_and_each_reverse_undoes_it()
    {
        await using var connection = await WithUsersAsync();
        const string deleteAll = "() BEGIN DELETE FROM users; INSERT INTO users (name) VALUES ('all'); END";
        const string deleteSome = "() BEGIN DELETE FROM users WHERE id > 1; INSERT INTO users (name) VALUES ('some'); END";
        async Task<string?> CallAsync()
        {
            if (await RoutinesAsync(connection, "archive") == 0)
                return null;
            await db.ApplyAsync(connection, new ExecuteSqlOperation("DELETE FROM users"));
            await db.ApplyAsync(connection, new ExecuteSqlOperation("CALL archive()"));
            return (string?)await MySqlTestDatabase.ScalarAsync(connection, "SELECT GROUP_CONCAT(name) FROM users");
        }
        await RoundTripAsync(connection, new CreateObjectOperation(ObjectKind.Procedure, Archive, deleteAll),
            async () => Assert.Equal("all", await CallAsync()),
            async () => Assert.Null(await CallAsync()));
        await db.ApplyAsync(connection, new CreateObjectOperation(ObjectKind.Procedure, Archive, deleteAll));
        await RoundTripAsync(connection, new ReplaceObjectOperation(ObjectKind.Procedure, Archive, deleteSome, Previous: deleteAll),
            async () => Assert.Equal("some", await CallAsync()),
            async () => Assert.Equal("all", await CallAsync()));
        await RoundTripAsync(connection, new DropObjectOperation(ObjectKind.Procedure, Archive, deleteAll),
            async () => Assert.Null(await CallAsync()),
            async () => Assert.Equal("all", await CallAsync()));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task Executed_sql_changes_rows_and_has_no_automatic_reverse()
    {
        await using var connection = await WithUsersAsync();
        await db.ApplyAsync(connection, new BulkInsertOperation(Users, ["name"], [["a"], ["b"]]));
        var update = new ExecuteSqlOperation("UPDATE users SET email = CONCAT(name, '@example.com')");
        await db.ApplyAsync(connection, update);
        Assert.Equal("a@example.com,b@example.com", await MySqlTestDatabase.ScalarAsync(connection, "SELECT GROUP_CONCAT(email ORDER BY id) FROM users"));
        Assert.Throws<RetortException>(update.Reverse);
    }

    [LiveFact(LiveServer.MySql)]
    public async Task Inserted_rows_are_numbered_by_auto_increment_and_have_no_automatic_reverse()
    {
        await using var connection = await WithUsersAsync();
        var insert = new BulkInsertOperation(Users, ["name", "email"], [["a", null], ["O'Brien", "o@b"]]);
        await db.ApplyAsync(connection, insert);
        Assert.Equal("1:a,2:O'Brien", await MySqlTestDatabase.ScalarAsync(connection, "SELECT GROUP_CONCAT(id, ':', name ORDER BY id) FROM users"));
        Assert.Throws<RetortException>(insert.Reverse);
    }
}
