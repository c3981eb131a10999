using Npgsql;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.Postgres;

/// <summary>
/// Every operation applied to a live PostgreSQL, read back with the inspector, then reversed and read back again.
/// Tables, columns and comments here; indexes and constraints, objects and data, and the inspector itself in the
/// other parts of this class.
/// </summary>
public sealed partial class PostgresLiveTests(PostgresLiveDatabase db) : IClassFixture<PostgresLiveDatabase>
{
    private static readonly TableName Users = new("users");
    private static readonly SqlType Mood = SqlType.Enum("mood", "sad", "ok", "happy");

    private static Table UsersTable() => new(Users,
    [
        new Column("id", SqlType.Integer, primaryKey: true, identity: true),
        new Column("name", SqlType.String(50), nullable: false, serverDefault: "'x'", comment: "display name"),
        new Column("email", SqlType.String(120)),
        new Column("mood", Mood, serverDefault: "'ok'"),
        new Column("data", SqlType.Json),
        new Column("doc", SqlType.Raw("json")),
        new Column("tags", SqlType.Raw("text[]")),
        new Column("price", SqlType.Numeric(10, 2)),
        new Column("code", SqlType.Char(3), collation: "C"),
        new Column("parent_id", SqlType.Integer),
        new UniqueConstraint("uq_users_email", "email"),
        new CheckConstraint("ck_users_name", "name <> ''"),
        new ForeignKey("fk_users_parent", ["parent_id"], "users", ["id"], onDelete: "SET NULL", deferrable: true, initiallyDeferred: true),
    ], comment: "people");

    private async Task<NpgsqlConnection> WithUsersAsync()
    {
        var connection = await db.OpenSchemaAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(UsersTable()));
        return connection;
    }

    private async Task<Table> UsersAsync(NpgsqlConnection connection) =>
        (await db.InspectAsync(connection)).Table(Users) ?? throw new InvalidOperationException("users is gone");

    private static Task<long> EnumTypesAsync(NpgsqlConnection connection) =>
        PostgresLiveDatabase.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_type WHERE typname = 'mood' AND typnamespace = current_schema()::regnamespace");

    [LiveFact(LiveServer.Postgres)]
    public async Task Create_table_is_read_back_with_every_column_property_and_constraint_and_its_reverse_drops_it_and_its_enum()
    {
        await using var connection = await WithUsersAsync();
        var users = await UsersAsync(connection);
        Assert.Equal(UsersTable().Columns.Select(c => (c.Name, c.Type, c.Nullable, c.Identity, c.Comment, c.Collation)),
            users.Columns.Select(c => (c.Name, c.Type, c.Nullable, c.Identity, c.Comment, c.Collation)));
        Assert.Equal(new string?[] { null, "'x'::character varying", null, "'ok'::mood", null, null, null, null, null, null }, users.Columns.Select(c => c.ServerDefault));
        Assert.Equal(("people", "users_pkey", "id"), (users.Comment, users.PrimaryKey!.Name, string.Join(",", users.PrimaryKeyColumns)));
        Assert.Equal(["email"], users.Constraints.OfType<UniqueConstraint>().Single(u => u.Name == "uq_users_email").Columns);
        Assert.Equal("name::text <> ''::text", users.Constraints.OfType<CheckConstraint>().Single().Condition);
        var key = users.Constraints.OfType<ForeignKey>().Single();
        Assert.Equal(("fk_users_parent", "users", "SET NULL", (string?)null, true, true), (key.Name, key.ReferencedTable.Name, key.OnDelete, key.OnUpdate, key.Deferrable, key.InitiallyDeferred));

        await db.ApplyAsync(connection, new CreateTableOperation(UsersTable()).Reverse());
        Assert.Empty((await db.InspectAsync(connection)).Tables);
        Assert.Equal(0, await EnumTypesAsync(connection));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Drop_table_removes_the_table_and_its_reverse_recreates_it_from_the_definition()
    {
        await using var connection = await WithUsersAsync();
        var before = await UsersAsync(connection);
        var drop = new DropTableOperation(Users, UsersTable());
        await db.ApplyAsync(connection, drop);
        Assert.Null((await db.InspectAsync(connection)).Table(Users));
        await db.ApplyAsync(connection, drop.Reverse());
        Assert.Equal(SchemaText.Of(before), SchemaText.Of(await UsersAsync(connection)));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Rename_table_moves_the_table_and_its_reverse_moves_it_back()
    {
        await using var connection = await WithUsersAsync();
        var rename = new RenameTableOperation(Users, "People");
        await db.ApplyAsync(connection, rename);
        Assert.Equal(["People"], (await db.InspectAsync(connection)).Tables.Select(t => t.Name.Name));
        await db.ApplyAsync(connection, rename.Reverse());
        Assert.Equal(["users"], (await db.InspectAsync(connection)).Tables.Select(t => t.Name.Name));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Table_comment_is_set_with_quotes_inside_and_its_reverse_restores_the_previous_one()
    {
        await using var connection = await WithUsersAsync();
        var comment = new TableCommentOperation(Users, "it's people\\n", "people");
        await db.ApplyAsync(connection, comment);
        Assert.Equal("it's people\\n", (await UsersAsync(connection)).Comment);
        await db.ApplyAsync(connection, comment.Reverse());
        Assert.Equal("people", (await UsersAsync(connection)).Comment);
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Add_column_with_an_enum_type_comment_and_default_is_read_back_and_its_reverse_drops_column_and_type()
    {
        await using var connection = await db.OpenSchemaAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(Users, [new Column("id", SqlType.Integer)])));
        var add = new AddColumnOperation(Users, new Column("feeling", Mood, nullable: false, serverDefault: "'sad'", comment: "how it's going"));
        await db.ApplyAsync(connection, add);
        var column = (await UsersAsync(connection)).Column("feeling")!;
        Assert.Equal((Mood, false, "'sad'::mood", "how it's going"), (column.Type, column.Nullable, column.ServerDefault, column.Comment));
        await db.ApplyAsync(connection, add.Reverse());
        Assert.Equal((false, 0L), ((await UsersAsync(connection)).Column("feeling") is not null, await EnumTypesAsync(connection)));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Add_column_as_primary_key_creates_the_key_and_its_reverse_removes_both()
    {
        await using var connection = await db.OpenSchemaAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(Users, [new Column("name", SqlType.Text)])));
        var add = new AddColumnOperation(Users, new Column("id", SqlType.BigInteger, primaryKey: true, identity: true));
        await db.ApplyAsync(connection, add);
        var users = await UsersAsync(connection);
        Assert.Equal(("id", true, false), (string.Join(",", users.PrimaryKeyColumns), users.Column("id")!.Identity, users.Column("id")!.Nullable));
        await db.ApplyAsync(connection, add.Reverse());
        users = await UsersAsync(connection);
        Assert.Equal(("name", false), (string.Join(",", users.Columns.Select(c => c.Name)), users.PrimaryKey is not null));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Drop_column_removes_it_and_its_reverse_adds_it_back_as_it_was()
    {
        await using var connection = await WithUsersAsync();
        var name = UsersTable().Column("name")!;
        var drop = new DropColumnOperation(Users, "name", name);
        await db.ApplyAsync(connection, drop);
        Assert.Null((await UsersAsync(connection)).Column("name"));
        await db.ApplyAsync(connection, drop.Reverse());
        var back = (await UsersAsync(connection)).Column("name")!;
        Assert.Equal((name.Type, false, "'x'::character varying", "display name"), (back.Type, back.Nullable, back.ServerDefault, back.Comment));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Alter_column_changes_type_nullability_default_comment_and_name_at_once_and_its_reverse_restores_all()
    {
        await using var connection = await WithUsersAsync();
        var alter = new AlterColumnOperation(Users, "name")
        {
            Type = SqlType.Integer, Using = "length(name)", Nullable = true, ServerDefault = new Change<string?>("7"),
            Comment = new Change<string?>(null), NewName = "Name Length",
            ExistingType = SqlType.String(50), ExistingNullable = false, ExistingServerDefault = "'x'", ExistingServerDefaultKnown = true,
            ExistingComment = "display name", ExistingCommentKnown = true,
        };
        await db.ApplyAsync(connection, alter);
        var users = await UsersAsync(connection);
        Assert.Equal((null, SqlType.Integer, true, "7", (string?)null), (users.Column("name"), users.Column("Name Length")!.Type,
            users.Column("Name Length")!.Nullable, users.Column("Name Length")!.ServerDefault, users.Column("Name Length")!.Comment));
        await db.ApplyAsync(connection, alter.Reverse());
        var name = (await UsersAsync(connection)).Column("name")!;
        Assert.Equal((SqlType.String(50), false, "'x'::character varying", "display name"), (name.Type, name.Nullable, name.ServerDefault, name.Comment));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Alter_column_to_an_enum_creates_the_type_and_converts_values_and_its_reverse_drops_the_type()
    {
        await using var connection = await db.OpenSchemaAsync();
        await db.ApplyAsync(connection, new CreateTableOperation(new Table(Users, [new Column("feeling", SqlType.Text)])));
        await db.ApplyAsync(connection, new BulkInsertOperation(Users, ["feeling"], [["happy"]]));
        var alter = new AlterColumnOperation(Users, "feeling") { Type = Mood, ExistingType = SqlType.Text };
        await db.ApplyAsync(connection, alter);
        Assert.Equal((Mood, "happy"), ((await UsersAsync(connection)).Column("feeling")!.Type, await PostgresLiveDatabase.ScalarAsync<string>(connection, "SELECT feeling::text FROM users")));
        await db.ApplyAsync(connection, alter.Reverse());
        Assert.Equal((SqlType.Text, 0L), ((await UsersAsync(connection)).Column("feeling")!.Type, await EnumTypesAsync(connection)));
    }
}
