using Retort.Dialects;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Batch;

/// <summary>The ALTERs that are hard on PostgreSQL: a type change that needs USING, a NOT NULL column added to rows.</summary>
[RunsOn(TestDatabase.Postgresql)]
public sealed class PostgresHardAlterTests : LiveProjectTests
{
    private const string Codes = """
        op.CreateTable("codes", new Column("id", SqlType.Integer, primaryKey: true), new Column("code", SqlType.Text));
        op.BulkInsert("codes", new[] { new { id = 1, code = "7" }, new { id = 2, code = "42" }, new { id = 3, code = (string?)null } });
        """;

    [DatabaseFact]
    public async Task A_type_change_with_USING_converts_every_value_and_the_downgrade_converts_back()
    {
        Project.Revision("a1", [], Codes).Revision("b1", ["a1"],
            """op.BatchAlterTable("codes", b => b.AlterColumn("code", type: SqlType.Integer, postgresUsing: "code::integer", existingType: SqlType.Text));""",
            """op.BatchAlterTable("codes", b => b.AlterColumn("code", type: SqlType.Text, existingType: SqlType.Integer));""");
        await Project.Commands().UpgradeAsync("head");
        await using (var connection = await OpenAsync())
            Assert.Equal(["1 | 8", "2 | 43", "3 | NULL"], await BatchScenarioRun.RowsAsync(connection, "SELECT id, code + 1 FROM codes ORDER BY id"));
        await Project.Commands().DowngradeAsync("a1");
        await using (var connection = await OpenAsync())
            Assert.Equal(["1 | 7", "2 | 42", "3 | NULL"], await BatchScenarioRun.RowsAsync(connection, "SELECT id, code FROM codes ORDER BY id"));
    }

    [DatabaseFact]
    public async Task A_NOT_NULL_column_without_a_default_is_refused_on_a_table_with_rows_and_a_default_fills_them()
    {
        Project.Revision("a1", [], Codes).Revision("b1", ["a1"], """op.AddColumn("codes", new Column("level", SqlType.Integer, nullable: false));""");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("Upgrade b1 (b1.cs) failed: Cannot add NOT NULL column codes.level without a server default: codes has rows", error.Message);
        Assert.Empty(await TablesAsync());

        Project.Revision("b1", ["a1"], """op.AddColumn("codes", new Column("level", SqlType.Integer, nullable: false, serverDefault: "1"));""");
        await Project.Commands().UpgradeAsync("head");
        await using var connection = await OpenAsync();
        Assert.Equal(["1 | 1", "2 | 1", "3 | 1"], await BatchScenarioRun.RowsAsync(connection, "SELECT id, level FROM codes ORDER BY id"));
    }
}

/// <summary>
/// The ALTERs that are hard on MariaDB: a NOT NULL column added to rows (which MariaDB would fill with zeros), and a
/// column restated whole by MODIFY, which must keep what the migration does not mention.
/// </summary>
[RunsOn(TestDatabase.Mysql)]
public sealed class MariaDbHardAlterTests : LiveProjectTests
{
    protected override bool UrlNamesMariaDb => true;

    [DatabaseFact]
    public async Task A_NOT_NULL_column_without_a_default_is_refused_on_a_table_with_rows_instead_of_filled_with_zeros()
    {
        Project.Revision("a1", [], """
            op.CreateTable("codes", new Column("id", SqlType.Integer, primaryKey: true));
            op.BulkInsert("codes", new[] { new { id = 1 }, new { id = 2 } });
            """).Revision("b1", ["a1"], """op.BatchAlterTable("codes", b => b.AddColumn(new Column("level", SqlType.Integer, nullable: false)));""");
        await Project.Commands().UpgradeAsync("a1");
        var error = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));
        Assert.StartsWith("Upgrade b1 (b1.cs) failed: Cannot add NOT NULL column codes.level without a server default: codes has rows", error.Message);
        await using var connection = await OpenAsync();
        Assert.Equal(["id"], await BatchScenarioRun.RowsAsync(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'codes'"));
    }

    [DatabaseFact]
    public async Task A_column_change_without_existing_values_keeps_the_default_comment_auto_increment_and_collation()
    {
        Project.Revision("a1", [], """
            op.CreateTable("people",
                new Column("id", SqlType.Integer, primaryKey: true, identity: true),
                new Column("name", SqlType.String(50), nullable: false, serverDefault: "'x'", comment: "shown", collation: "utf8mb4_bin"));
            op.BulkInsert("people", new[] { new { name = "Ann" }, new { name = "bob" } });
            """).Revision("b1", ["a1"], """
            op.AlterColumn("people", "name", type: SqlType.String(100));
            op.BatchAlterTable("people", b => b.AlterColumn("id", type: SqlType.BigInteger));
            """);
        await Project.Commands().UpgradeAsync("head");
        await using var connection = await OpenAsync();
        var people = (await Dialect.ForName("mariadb").InspectAsync(connection, [new TableName("retort_version"), new TableName("retort_version_log")], CancellationToken.None)).Tables.Single();
        Assert.Equal("people: id BigInteger pk identity not null, name String(100) not null default 'x' collate utf8mb4_bin comment 'shown'; PK (id)",
            Dialects.SchemaText.Of(people));
        Assert.Equal(["1 | Ann", "2 | bob", "3 | x"], await InsertedAsync(connection));
    }

    // The next id still comes from AUTO_INCREMENT, and the default still fills a missing name.
    private static async Task<List<string>> InsertedAsync(System.Data.Common.DbConnection connection)
    {
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO people () VALUES ()";
            await command.ExecuteNonQueryAsync();
        }
        return await BatchScenarioRun.RowsAsync(connection, "SELECT id, name FROM people ORDER BY id");
    }
}
