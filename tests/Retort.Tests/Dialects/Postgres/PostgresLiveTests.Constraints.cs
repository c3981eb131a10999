using Npgsql;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.Postgres;

public sealed partial class PostgresLiveTests
{
    private static string Indexes(Table table) =>
        string.Join(" | ", table.Indexes.Select(i => $"{i.Name} ({string.Join(", ", i.Columns)}) unique={i.Unique} where={i.Where}"));

    [LiveFact(LiveServer.Postgres)]
    public async Task Create_index_unique_partial_and_on_expressions_is_read_back_and_its_reverse_drops_it()
    {
        await using var connection = await WithUsersAsync();
        var create = new CreateIndexOperation(new TableIndex("IX Users", "users", ["(lower(email))", "code"], unique: true, where: "email IS NOT NULL"));
        await db.ApplyAsync(connection, create);
        Assert.Equal("IX Users ((lower(email::text)), code) unique=True where=email IS NOT NULL", Indexes(await UsersAsync(connection)));
        await db.ApplyAsync(connection, create.Reverse());
        Assert.Empty((await UsersAsync(connection)).Indexes);
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Create_index_concurrently_runs_outside_a_transaction_and_its_reverse_drops_it_concurrently()
    {
        await using var connection = await WithUsersAsync();
        var create = new CreateIndexOperation(new TableIndex("ix_users_name", "users", ["name", "email"]), Concurrently: true);
        await db.ApplyAsync(connection, create);
        Assert.Equal("ix_users_name (name, email) unique=False where=", Indexes(await UsersAsync(connection)));
        await db.ApplyAsync(connection, create.Reverse());
        Assert.Empty((await UsersAsync(connection)).Indexes);
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Create_index_concurrently_inside_a_transaction_is_refused_by_PostgreSQL_so_the_runner_must_run_it_outside()
    {
        await using var connection = await WithUsersAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.ApplyAsync(connection, new CreateIndexOperation(new TableIndex("ix_c", "users", ["name"]), Concurrently: true), transaction));
        Assert.Equal("25001", error.SqlState);
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Drop_index_removes_it_and_its_reverse_recreates_it_from_the_definition()
    {
        await using var connection = await WithUsersAsync();
        var index = new TableIndex("ix_users_code", "users", ["code"], where: "code <> 'x'");
        await db.ApplyAsync(connection, new CreateIndexOperation(index));
        var before = Indexes(await UsersAsync(connection));
        var drop = new DropIndexOperation("ix_users_code", Users, index);
        await db.ApplyAsync(connection, drop);
        Assert.Empty((await UsersAsync(connection)).Indexes);
        await db.ApplyAsync(connection, drop.Reverse());
        Assert.Equal(before, Indexes(await UsersAsync(connection)));
    }

    public static TheoryData<string> Constraints => new() { "primary key", "unique", "check", "foreign key" };

    private static Constraint Sample(string kind) => kind switch
    {
        "primary key" => new PrimaryKey("pk_items", "id", "line"),
        "unique" => new UniqueConstraint("uq_items_code", "code", "line"),
        "check" => new CheckConstraint("ck_items_line", "line > 0"),
        _ => new ForeignKey("fk_items_parent", ["parent_id"], "parents", ["id"], onDelete: "CASCADE", onUpdate: "RESTRICT", deferrable: true),
    };

    private static readonly Dictionary<string, string> ReadBack = new()
    {
        ["primary key"] = "primary key pk_items (id, line)",
        ["unique"] = "unique uq_items_code (code, line)",
        ["check"] = "check ck_items_line line > 0",
        ["foreign key"] = "foreign key fk_items_parent (parent_id) -> parents (id) delete=CASCADE update=RESTRICT deferrable=True deferred=False",
    };

    private async Task<NpgsqlConnection> WithItemsAsync()
    {
        var connection = await db.OpenSchemaAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(new TableName("parents"), [new Column("id", SqlType.Integer, primaryKey: true)])));
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(new TableName("items"),
            [new Column("id", SqlType.Integer, nullable: false), new Column("line", SqlType.Integer, nullable: false),
             new Column("code", SqlType.Text), new Column("parent_id", SqlType.Integer)])));
        return connection;
    }

    private async Task<string[]> ItemConstraintsAsync(NpgsqlConnection connection) =>
        [.. (await db.InspectAsync(connection)).Table(new TableName("items"))!.Constraints.Select(SchemaText.Of)];

    [PostgresLiveTheory]
    [MemberData(nameof(Constraints))]
    public async Task Add_constraint_is_read_back_and_its_reverse_drops_it(string kind)
    {
        await using var connection = await WithItemsAsync();
        var add = new AddConstraintOperation(new TableName("items"), Sample(kind));
        await db.ApplyAsync(connection, add);
        Assert.Equal([ReadBack[kind]], await ItemConstraintsAsync(connection));
        await db.ApplyAsync(connection, add.Reverse());
        Assert.Empty(await ItemConstraintsAsync(connection));
    }

    [PostgresLiveTheory]
    [MemberData(nameof(Constraints))]
    public async Task Drop_constraint_removes_it_and_its_reverse_adds_it_back(string kind)
    {
        await using var connection = await WithItemsAsync();
        var constraint = Sample(kind);
        await db.ApplyAsync(connection, new AddConstraintOperation(new TableName("items"), constraint));
        var drop = new DropConstraintOperation(new TableName("items"), constraint.Name!, AddConstraintOperation.KindOf(constraint), constraint);
        await db.ApplyAsync(connection, drop);
        Assert.Empty(await ItemConstraintsAsync(connection));
        await db.ApplyAsync(connection, drop.Reverse());
        Assert.Equal([ReadBack[kind]], await ItemConstraintsAsync(connection));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task A_deferrable_initially_deferred_foreign_key_is_checked_at_commit_not_per_statement()
    {
        await using var connection = await WithItemsAsync();
        await db.ApplyAsync(connection, new AddConstraintOperation(new TableName("items"),
            new ForeignKey("fk_items_parent", ["parent_id"], "parents", ["id"], deferrable: true, initiallyDeferred: true)));
        await using var transaction = await connection.BeginTransactionAsync();
        await new NpgsqlCommand("INSERT INTO items (id, line, parent_id) VALUES (1, 1, 9); INSERT INTO parents (id) VALUES (9)", connection, transaction).ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        Assert.Equal(1L, await PostgresLiveDatabase.ScalarAsync<long>(connection, "SELECT count(*) FROM items"));
    }
}
