using MySqlConnector;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.MySql;

public sealed partial class MySqlLiveTests
{
    private static Column ParentId => new("parent_id", SqlType.Integer);

    private async Task<TableIndex?> IndexAsync(MySqlConnection connection, string name) =>
        (await TableAsync(connection))!.Indexes.SingleOrDefault(i => i.Name == name);

    private async Task<T?> ConstraintAsync<T>(MySqlConnection connection, string? name = null) where T : Constraint =>
        (await TableAsync(connection))!.Constraints.OfType<T>().SingleOrDefault(c => name is null || c.Name == name);

    [LiveFact(LiveServer.MySql)]
    public async Task A_created_index_reads_back_with_its_columns_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new CreateIndexOperation(new TableIndex("ix_users_name_email", "users", ["name", "email"])),
            async () =>
            {
                var index = (await IndexAsync(connection, "ix_users_name_email"))!;
                Assert.Equal(["name", "email"], index.Columns);
                Assert.False(index.Unique);
            },
            async () => Assert.Null(await IndexAsync(connection, "ix_users_name_email")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_unique_index_reads_back_as_a_unique_constraint_since_MySQL_cannot_tell_them_apart_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new CreateIndexOperation(new TableIndex("ix_users_email", "users", ["email"], unique: true)),
            async () => Assert.Equal(["email"], (await ConstraintAsync<UniqueConstraint>(connection, "ix_users_email"))!.Columns),
            async () => Assert.Null(await ConstraintAsync<UniqueConstraint>(connection, "ix_users_email")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_partial_index_is_built_as_a_plain_index_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new CreateIndexOperation(new TableIndex("ix_users_email", "users", ["email"], where: "email IS NOT NULL")),
            async () =>
            {
                var index = (await IndexAsync(connection, "ix_users_email"))!;
                Assert.Equal(["email"], index.Columns);
                Assert.Null(index.Where);
            },
            async () => Assert.Null(await IndexAsync(connection, "ix_users_email")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_concurrent_index_is_built_without_locks_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new CreateIndexOperation(new TableIndex("ix_users_email", "users", ["email"]), Concurrently: true),
            async () => Assert.NotNull(await IndexAsync(connection, "ix_users_email")),
            async () => Assert.Null(await IndexAsync(connection, "ix_users_email")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task A_dropped_index_is_gone_and_its_reverse_builds_it_again()
    {
        await using var connection = await WithUsersAsync();
        var index = new TableIndex("ix_users_email", "users", ["email"]);
        await db.ApplyAsync(connection, new CreateIndexOperation(index));
        await RoundTripAsync(connection, new DropIndexOperation(index.Name, Users, index),
            async () => Assert.Null(await IndexAsync(connection, "ix_users_email")),
            async () => Assert.Equal(["email"], (await IndexAsync(connection, "ix_users_email"))!.Columns));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task An_added_unique_constraint_rejects_duplicates_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new AddConstraintOperation(Users, new UniqueConstraint("uq_users_name", "name")),
            async () =>
            {
                Assert.Equal(["name"], (await ConstraintAsync<UniqueConstraint>(connection, "uq_users_name"))!.Columns);
                await db.ApplyAsync(connection, new ExecuteSqlOperation("INSERT INTO users (name) VALUES ('a')"));
                await Assert.ThrowsAsync<MySqlException>(() => db.ApplyAsync(connection, new ExecuteSqlOperation("INSERT INTO users (name) VALUES ('a')")));
            },
            async () => Assert.Null(await ConstraintAsync<UniqueConstraint>(connection, "uq_users_name")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task An_added_check_constraint_rejects_bad_rows_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        await RoundTripAsync(connection, new AddConstraintOperation(Users, new CheckConstraint("ck_users_email", "email LIKE '%@%'")),
            async () =>
            {
                Assert.Contains("like '%@%'", (await ConstraintAsync<CheckConstraint>(connection, "ck_users_email"))!.Condition, StringComparison.OrdinalIgnoreCase);
                await Assert.ThrowsAsync<MySqlException>(() => db.ApplyAsync(connection, new ExecuteSqlOperation("INSERT INTO users (email) VALUES ('nobody')")));
            },
            async () => Assert.Null(await ConstraintAsync<CheckConstraint>(connection, "ck_users_email")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task An_added_foreign_key_reads_back_with_its_action_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync(ParentId);
        await RoundTripAsync(connection, new AddConstraintOperation(Users, new ForeignKey("fk_users_parent", ["parent_id"], "users", ["id"], onDelete: "CASCADE", onUpdate: "SET NULL")),
            async () =>
            {
                var key = (await ConstraintAsync<ForeignKey>(connection, "fk_users_parent"))!;
                Assert.Equal(["parent_id"], key.Columns);
                Assert.Equal(["id"], key.ReferencedColumns);
                Assert.Equal(("users", "CASCADE", "SET NULL"), (key.ReferencedTable.Name, key.OnDelete, key.OnUpdate));
                Assert.Null(await IndexAsync(connection, "fk_users_parent"));
            },
            async () => Assert.Null(await ConstraintAsync<ForeignKey>(connection, "fk_users_parent")));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task An_added_primary_key_reads_back_and_its_reverse_drops_it()
    {
        await using var connection = await db.FreshAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(Users, [new Column("id", SqlType.Integer, nullable: false), Email])));
        await RoundTripAsync(connection, new AddConstraintOperation(Users, new PrimaryKey("pk_users", "id")),
            async () => Assert.Equal(["id"], (await TableAsync(connection))!.PrimaryKeyColumns),
            async () => Assert.Empty((await TableAsync(connection))!.PrimaryKeyColumns));
    }

    [LiveFact(LiveServer.MySql)]
    public async Task Each_kind_of_dropped_constraint_is_gone_and_its_reverse_adds_it_back()
    {
        await using var connection = await db.FreshAsync();
        // The key refers to another table: MySQL will not drop a primary key that a foreign key uses.
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(new TableName("teams"), [new Column("id", SqlType.Integer, primaryKey: true)])));
        Constraint[] constraints =
        [
            new PrimaryKey(null, "id"), new UniqueConstraint("uq_users_email", "email"),
            new ForeignKey("fk_users_team", ["parent_id"], "teams", ["id"], onDelete: "SET NULL"), new CheckConstraint("ck_users_email", "email <> ''"),
        ];
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(Users, [new Column("id", SqlType.Integer, nullable: false, identity: false), Email, ParentId, .. constraints])));
        foreach (var constraint in constraints.Reverse())
        {
            var kind = AddConstraintOperation.KindOf(constraint);
            await RoundTripAsync(connection, new DropConstraintOperation(Users, constraint.Name ?? "PRIMARY", kind, constraint),
                async () => Assert.DoesNotContain(kind, Kinds(await TableAsync(connection))),
                async () => Assert.Contains(kind, Kinds(await TableAsync(connection))));
        }
    }

    private static IEnumerable<ConstraintKind> Kinds(Table? table) =>
        table!.Constraints.Select(AddConstraintOperation.KindOf);
}
