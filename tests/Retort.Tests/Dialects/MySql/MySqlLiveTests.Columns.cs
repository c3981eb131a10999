using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.MySql;

public sealed partial class MySqlLiveTests
{
    // What a revision knows about users.name when it alters it: everything MySQL must restate.
    private static AlterColumnOperation AlterName() => new(Users, "name")
    {
        ExistingType = Name.Type, ExistingNullable = false, ExistingServerDefault = "'x'", ExistingServerDefaultKnown = true,
        ExistingComment = "display name", ExistingCommentKnown = true,
    };

    [LiveFact(LiveServer.MySql)]
    public async Task A_type_change_keeps_the_nullability_default_and_comment_and_its_reverse_restores_the_type()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, AlterName() with { Type = SqlType.String(100) },
            async () => Assert.Equal(Name with { Type = SqlType.String(100) }, await ColumnAsync(connection, "name")),
            async () => Assert.Equal(Name, await ColumnAsync(connection, "name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_nullability_change_keeps_the_rest_and_its_reverse_makes_the_column_not_null_again()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, AlterName() with { Nullable = true },
            async () => Assert.Equal(Name with { Nullable = true }, await ColumnAsync(connection, "name")),
            async () => Assert.Equal(Name, await ColumnAsync(connection, "name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_default_change_sets_the_default_and_its_reverse_puts_the_old_one_back()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new AlterColumnOperation(Users, "name") { ServerDefault = new Change<string?>("'y'"), ExistingServerDefault = "'x'", ExistingServerDefaultKnown = true },
            async () => Assert.Equal(Name with { ServerDefault = "'y'" }, await ColumnAsync(connection, "name")),
            async () => Assert.Equal(Name, await ColumnAsync(connection, "name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_dropped_default_is_gone_and_its_reverse_sets_it_again()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new AlterColumnOperation(Users, "name") { ServerDefault = new Change<string?>(null), ExistingServerDefault = "'x'", ExistingServerDefaultKnown = true },
            async () => Assert.Equal(Name with { ServerDefault = null }, await ColumnAsync(connection, "name")),
            async () => Assert.Equal(Name, await ColumnAsync(connection, "name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_rename_alone_keeps_the_whole_definition_and_its_reverse_renames_back()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new AlterColumnOperation(Users, "name") { NewName = "full_name" },
            async () => Assert.Equal(Name with { Name = "full_name" }, await ColumnAsync(connection, "full_name")),
            async () => Assert.Equal(Name, await ColumnAsync(connection, "name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_comment_change_keeps_the_rest_and_its_reverse_restores_the_old_comment()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, AlterName() with { Comment = new Change<string?>(@"shown \ 'here'") },
            async () => Assert.Equal(Name with { Comment = @"shown \ 'here'" }, await ColumnAsync(connection, "name")),
            async () => Assert.Equal(Name, await ColumnAsync(connection, "name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_rename_with_a_type_change_and_a_dropped_comment_changes_all_three_and_its_reverse_restores_them()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, AlterName() with { NewName = "full_name", Type = SqlType.Text, Comment = new Change<string?>(null), ServerDefault = new Change<string?>(null) },
            async () => Assert.Equal(Name with { Name = "full_name", Type = SqlType.Text, Comment = null, ServerDefault = null }, await ColumnAsync(connection, "full_name")),
            async () => Assert.Equal(Name, await ColumnAsync(connection, "name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task Values_keep_their_backslashes_quotes_and_instants_through_parameters_and_through_script_literals()
    {
        await using var connection = await db.FreshAsync();
        var table = new Table(new TableName("notes"), [new Column("id", SqlType.Integer, primaryKey: true), new Column("body", SqlType.Text),
            new Column("at", SqlType.DateTimeOffset), new Column("raw", SqlType.Binary(4))]);
        await db.ApplyAsync(connection, new CreateTableOperation(table));
        const string body = "O'Brien \\ \"quoted\" \\' ; \0 end";
        var instant = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(5)).AddTicks(1234560);
        var insert = new BulkInsertOperation(table.Name, ["id", "body", "at", "raw"], [[1, body, instant, new byte[] { 0, 39, 92, 255 }]]);
        var statement = Assert.Single(db.Dialect.Render(insert));
        await MySqlTestDatabase.ExecuteAsync(connection, statement);
        await MySqlTestDatabase.ExecuteAsync(connection, new(statement.ScriptText.Replace("VALUES (1,", "VALUES (2,", StringComparison.Ordinal)));
        for (var id = 1; id <= 2; id++)
        {
            Assert.Equal(body, await MySqlTestDatabase.ScalarAsync(connection, $"SELECT body FROM notes WHERE id = {id}"));
            Assert.Equal("0027 5CFF", Convert.ToHexString((byte[])(await MySqlTestDatabase.ScalarAsync(connection, $"SELECT raw FROM notes WHERE id = {id}"))!).Insert(4, " "));
        }
        Assert.Equal((instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (decimal)TimeSpan.TicksPerSecond,
            Convert.ToDecimal(await MySqlTestDatabase.ScalarAsync(connection, "SELECT UNIX_TIMESTAMP(at) FROM notes WHERE id = 2")));
    }
}
