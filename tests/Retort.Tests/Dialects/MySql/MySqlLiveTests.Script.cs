using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.MySql;

public sealed partial class MySqlLiveTests
{
    [LiveFact(LiveServer.MySql)]
    public async Task An_offline_script_with_routine_bodies_and_escaped_literals_runs_through_the_command_line_client()
    {
        await using var connection = await db.FreshAsync();
        MigrationOperation[] operations =
        [
            new CreateTableOperation(UsersTable()),
            new CreateObjectOperation(ObjectKind.Procedure, new TableName("archive"),
                "() BEGIN DELETE FROM users WHERE name = 'a;b'; -- one; two\n INSERT INTO users (name) VALUES ('kept'); END"),
            new BulkInsertOperation(Users, ["name", "email"], [[@"a\'b;c", "x\0y"]]),
            new ExecuteSqlOperation("CALL archive()"),
        ];
        var script = string.Join("\n\n", operations.SelectMany(db.Dialect.Render).Select(s => db.Dialect.ScriptStatement(s.ScriptText)));
        var (exitCode, errors) = await db.RunClientAsync(script);
        Assert.True(exitCode == 0, errors);
        Assert.Equal(@"a\'b;c|x\0y,kept|",
            await MySqlTestDatabase.ScalarAsync(connection, "SELECT GROUP_CONCAT(name, '|', COALESCE(REPLACE(email, CHAR(0), '\\\\0'), '') ORDER BY id) FROM users"));
    }
}
