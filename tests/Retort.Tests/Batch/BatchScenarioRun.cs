using System.Data.Common;
using System.Globalization;
using Retort.Dialects;
using Retort.Tests.Dialects;
using Retort.Tests.Execution;

namespace Retort.Tests.Batch;

/// <summary>
/// Runs a <see cref="BatchScenario"/> through <c>upgrade</c> and <c>downgrade</c> and checks, by reading the database
/// back: every row and value of the three tables is kept, the change is made, the indexes and the foreign keys in
/// both directions are there, and the downgrade gives back the schema as it was.
/// </summary>
internal sealed class BatchScenarioRun(TestProject project, Func<Task<DbConnection>> open, Dialect dialect)
{
    private static readonly TableName[] VersionTable = [new("retort_version")];

    public async Task RunAsync(BatchScenario scenario)
    {
        project.Revision("a1", [], BatchScenario.Schema, BatchScenario.DropSchema).Revision("b1", ["a1"], scenario.Upgrade, scenario.Downgrade);
        var commands = project.Commands();
        await commands.UpgradeAsync("a1");
        var before = await StateAsync(scenario.KeptColumns.Select(c => c.Before));

        await commands.UpgradeAsync("head");
        var after = await StateAsync(scenario.KeptColumns.Select(c => c.After));
        Assert.Equal(before.Rows, after.Rows);
        var users = after.Schema.Table(new TableName("users"))!;
        scenario.CheckUsers(users);
        var id = scenario.Renamed.GetValueOrDefault("id", "id");
        var orders = after.Schema.Table(new TableName("orders"))!;
        Assert.Equal(["ix_orders_user"], orders.Indexes.Select(i => i.Name));
        Assert.Contains(users.Indexes, i => i.Name == "ix_users_name");
        Assert.Equal([id], orders.Constraints.OfType<ForeignKey>().Single(k => k.ReferencedTable.Name == "users").ReferencedColumns);
        Assert.Single(users.Constraints.OfType<ForeignKey>(), k => k.ReferencedTable.Name == "teams");
        Assert.Single(users.Constraints.OfType<ForeignKey>(), k => k.ReferencedTable.Name == "users");
        await CheckIntegrityAsync();

        await commands.DowngradeAsync("a1");
        var back = await StateAsync(scenario.KeptColumns.Select(c => c.Before));
        Assert.Equal(before.Rows, back.Rows);
        Assert.Equal(Text(before.Schema, scenario.KeepsColumnOrder), Text(back.Schema, scenario.KeepsColumnOrder));
        await CheckIntegrityAsync();
    }

    /// <summary>Renames users to people and back: the foreign keys of orders and of users itself follow the table both ways.</summary>
    public async Task RenameTableAsync()
    {
        project.Revision("a1", [], BatchScenario.Schema, BatchScenario.DropSchema)
            .Revision("b1", ["a1"], """op.RenameTable("users", "people");""", """op.RenameTable("people", "users");""");
        var commands = project.Commands();
        await commands.UpgradeAsync("head");
        Assert.Equal(["orders -> people", "people -> people", "people -> teams"], await ReferencesAsync());
        await CheckIntegrityAsync();
        await commands.DowngradeAsync("a1");
        Assert.Equal(["orders -> users", "users -> teams", "users -> users"], await ReferencesAsync());
        await CheckIntegrityAsync();
    }

    private async Task<List<string>> ReferencesAsync()
    {
        await using var connection = await open();
        var schema = await dialect.InspectAsync(connection, VersionTable, CancellationToken.None);
        return schema.Tables.SelectMany(t => t.Constraints.OfType<ForeignKey>().Select(k => $"{t.Name.Name} -> {k.ReferencedTable.Name}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    public sealed record State(DatabaseSchema Schema, List<string> Rows);

    /// <summary>The schema, and the rows of the three tables (users by the given columns).</summary>
    public async Task<State> StateAsync(IEnumerable<string> usersColumns)
    {
        await using var connection = await open();
        var columns = usersColumns.ToList();
        var rows = new List<string>();
        rows.AddRange(await RowsAsync(connection, $"SELECT {string.Join(", ", columns)} FROM users ORDER BY {columns[0]}"));
        rows.AddRange(await RowsAsync(connection, "SELECT id, user_id, amount FROM orders ORDER BY id"));
        rows.AddRange(await RowsAsync(connection, "SELECT id, name FROM teams ORDER BY id"));
        Assert.Equal(120 + 300 + 3, rows.Count);
        return new(await dialect.InspectAsync(connection, VersionTable, CancellationToken.None), rows);
    }

    /// <summary>SQLite: the foreign keys and the file are sound, and enforcement is on again for the next user of the connection.</summary>
    private async Task CheckIntegrityAsync()
    {
        if (dialect.Name != "sqlite")
            return;
        await using var connection = await open();
        Assert.Empty(await RowsAsync(connection, "PRAGMA foreign_key_check"));
        Assert.Equal(["ok"], await RowsAsync(connection, "PRAGMA integrity_check"));
        Assert.Equal(["1"], await RowsAsync(connection, "PRAGMA foreign_keys"));
    }

    public static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }

    // The schema as text, constraints and indexes in name order (a dropped and added one comes back last); columns too
    // when a dropped column came back last.
    private static string Text(DatabaseSchema schema, bool columnOrder) => string.Join("\n", schema.Tables.OrderBy(t => t.Name.Name, StringComparer.Ordinal)
        .Select(t => SchemaText.Of(t with
        {
            Columns = columnOrder ? t.Columns : t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            Constraints = t.Constraints.OrderBy(c => c.Name ?? "", StringComparer.Ordinal).ThenBy(c => c.ToString(), StringComparer.Ordinal).ToList(),
            Indexes = t.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToList(),
        })));
}
