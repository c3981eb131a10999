using Retort.Autogenerate;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Ops;
using Sample.EfCore;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>
/// Each of the sample's derived contexts changes one thing of AppDbContext: against a database EF created for
/// AppDbContext, Retort proposes exactly one operation of the expected kind; applied, it leaves the schema EF's
/// EnsureCreated makes for the changed context.
/// </summary>
[Collection("efcore")]
public sealed class ModelChangeTests
{
    public static TheoryData<Db, Type, string[]> Changes()
    {
        var data = new TheoryData<Db, Type, string[]>();
        (Type Context, Type[] Operations)[] changes =
        [
            (typeof(AddColumnContext), [typeof(AddColumnOperation)]),
            (typeof(DropColumnContext), [typeof(DropColumnOperation)]),
            (typeof(RenameColumnContext), [typeof(AlterColumnOperation)]),
            (typeof(RenameTableContext), [typeof(RenameTableOperation)]),
            (typeof(AddIndexContext), [typeof(CreateIndexOperation)]),
            // No database alters an index's uniqueness in place: the index is dropped and created again.
            (typeof(MakeUniqueContext), [typeof(DropIndexOperation), typeof(CreateIndexOperation)]),
            (typeof(ChangeNullabilityContext), [typeof(AlterColumnOperation)]),
            (typeof(ChangeTypeContext), [typeof(AlterColumnOperation)]),
            (typeof(AddForeignKeyContext), [typeof(AddConstraintOperation)]),
            (typeof(AddCheckContext), [typeof(AddConstraintOperation)]),
            (typeof(AddTableContext), [typeof(CreateTableOperation)]),
            (typeof(DropTableContext), [typeof(DropTableOperation)]),
            (typeof(ChangeDefaultContext), [typeof(AlterColumnOperation)]),
            // No database changes a generated column's expression in place: the column is dropped and added again.
            (typeof(ChangeComputedContext), [typeof(DropColumnOperation), typeof(AddColumnOperation)]),
            // A key part's direction, like uniqueness, is changed by dropping the index and creating it again.
            (typeof(ChangeIndexDirectionContext), [typeof(DropIndexOperation), typeof(CreateIndexOperation)]),
        ];
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
            foreach (var (context, operations) in changes)
                data.Add(db, context, [.. operations.Select(o => o.Name)]);
        // Sequences are the sample's on PostgreSQL only.
        data.Add(Db.Postgres, typeof(AddSequenceContext), [nameof(CreateSequenceOperation)]);
        data.Add(Db.Postgres, typeof(ChangeSequenceContext), [nameof(AlterSequenceOperation)]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task One_model_change_is_one_operation_and_upgrades_to_what_EF_creates(Db db, Type context, string[] operations)
    {
        await using var databases = new TestDatabases();
        using var provider = new ProviderScope(db);
        var url = await databases.CreateAsync(db, context.Name);
        await EfSample.EnsureCreatedAsync(typeof(AppDbContext), url);
        var folder = EfSample.NewFolder(url, EfSample.AssemblySetting(context.Name));
        var commands = EfSample.Commands(folder);

        var diff = await commands.CompareAsync();
        Assert.Equal(operations, diff.Upgrade.SelectMany(o => o is BatchAlterTableOperation batch ? batch.Operations : [o]).Select(o => o.GetType().Name));

        await commands.AutogenerateAsync(new RevisionRequest(context.Name));
        commands.Reload();
        await commands.UpgradeAsync("heads");
        Assert.Empty((await commands.CompareAsync()).Upgrade.Select(OperationSummary.Describe));

        var fresh = await databases.CreateAsync(db, context.Name + "_fresh");
        await EfSample.EnsureCreatedAsync(context, fresh);
        Assert.Empty(await DifferencesAsync(fresh, url));
    }

    // The operations that would bring the upgraded database to the schema of the database EF created.
    internal static async Task<IReadOnlyList<string>> DifferencesAsync(string wantedUrl, string liveUrl)
    {
        var dialect = Dialect.ForName(DatabaseUrl.Parse(liveUrl, "/").Dialect);
        TableName[] own = [new("retort_version"), new("retort_version_log"), new("retort_version_lock")];
        await using var wantedConnection = new Cli.Providers().Create(DatabaseUrl.Parse(wantedUrl, "/"));
        await wantedConnection.OpenAsync();
        var wanted = await dialect.InspectAsync(wantedConnection, own, CancellationToken.None);
        await using var liveConnection = new Cli.Providers().Create(DatabaseUrl.Parse(liveUrl, "/"));
        await liveConnection.OpenAsync();
        var live = await dialect.InspectAsync(liveConnection, own, CancellationToken.None);
        var diff = await SchemaComparer.CompareAsync(wanted, live, dialect, new CompareOptions { CompareServerDefault = true }, liveConnection);
        return [.. diff.Upgrade.Select(OperationSummary.Describe)];
    }
}
