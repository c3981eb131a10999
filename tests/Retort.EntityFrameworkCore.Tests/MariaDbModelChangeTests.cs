using Retort.Ops;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>
/// ModelChangeTests on MariaDB, for both MySQL providers (Oracle's on the changes its own mapping decides): each of the shared MariaDB model's changes
/// (samples/efcore9-mysql/ShopChanges.cs), against a database EF created for ShopContext, is exactly the expected
/// operations; applied, it leaves the schema EF's EnsureCreated makes for the changed context.
/// </summary>
[Collection("efcore")]
public sealed class MariaDbModelChangeTests
{
    public static TheoryData<string, string, string[]> Changes()
    {
        var data = new TheoryData<string, string, string[]>();
        (string Context, Type[] Operations)[] changes =
        [
            ("AddColumnContext", [typeof(AddColumnOperation)]),
            ("DropColumnContext", [typeof(DropColumnOperation)]),
            ("RenameColumnContext", [typeof(AlterColumnOperation)]),
            ("RenameTableContext", [typeof(RenameTableOperation)]),
            ("AddIndexContext", [typeof(CreateIndexOperation)]),
            ("MakeUniqueContext", [typeof(DropIndexOperation), typeof(CreateIndexOperation)]),
            ("ChangeNullabilityContext", [typeof(AlterColumnOperation)]),
            ("ChangeTypeContext", [typeof(AlterColumnOperation)]),
            ("AddForeignKeyContext", [typeof(AddConstraintOperation)]),
            ("AddCheckContext", [typeof(AddConstraintOperation)]),
            ("AddTableContext", [typeof(CreateTableOperation)]),
            ("DropTableContext", [typeof(DropTableOperation)]),
            ("ChangeDefaultContext", [typeof(AlterColumnOperation)]),
        ];
        // Every change with Pomelo; with Oracle's provider the changes whose mapping is the provider's own (types,
        // defaults, nullability, a new table's columns, foreign keys): the rest is Retort's side, the same for both, and
        // CI's time is better spent elsewhere.
        string[] oracle = ["ChangeTypeContext", "ChangeDefaultContext", "ChangeNullabilityContext", "AddTableContext", "AddForeignKeyContext"];
        foreach (var (context, operations) in changes)
            data.Add(MySqlSamples.Pomelo, context, [.. operations.Select(o => o.Name)]);
        foreach (var (context, operations) in changes.Where(c => oracle.Contains(c.Context)))
            data.Add(MySqlSamples.Oracle, context, [.. operations.Select(o => o.Name)]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task One_model_change_is_its_operations_and_upgrades_to_what_EF_creates(string sample, string context, string[] operations)
    {
        await using var databases = new MariaDbDatabases();
        var url = await databases.CreateAsync($"{context[..^7]}_{(sample == MySqlSamples.Pomelo ? 9 : 10)}");
        await MySqlSamples.EnsureCreatedAsync(sample, url);
        var commands = EfSample.Commands(EfSample.NewFolder(url, MySqlSamples.Setting(sample, context)));

        var diff = await commands.CompareAsync();
        Assert.Equal(operations, diff.Upgrade.Select(o => o.GetType().Name));

        await commands.AutogenerateAsync(new RevisionRequest(context));
        commands.Reload();
        await commands.UpgradeAsync("heads");
        Assert.Empty((await commands.CompareAsync()).Upgrade.Select(OperationSummary.Describe));

        var fresh = await databases.CreateAsync($"{context[..^7]}_{(sample == MySqlSamples.Pomelo ? 9 : 10)}_fresh");
        await MySqlSamples.EnsureCreatedAsync(sample, fresh, context);
        Assert.Empty(await ModelChangeTests.DifferencesAsync(fresh, url));
    }
}
