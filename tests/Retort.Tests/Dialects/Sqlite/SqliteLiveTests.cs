using Microsoft.Data.Sqlite;
using Retort.Ops;
using static Retort.Tests.Dialects.OperationSamples;

namespace Retort.Tests.Dialects.Sqlite;

/// <summary>
/// Every operation kind applied to a real SQLite database (a fresh temporary file per test), read back with
/// the inspector and checked, then reversed and checked again.
/// </summary>
public sealed class SqliteLiveTests : IAsyncLifetime
{
    private const string UsersText = "users: id Integer pk identity not null, name String(50) not null default 'x', email String(120); UQ uq_users_email(email); CK ck_users_name(name <> '')";

    private readonly SqliteLiveDatabase _db = new();

    public Task InitializeAsync() => _db.OpenAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private Task CreateUsersAsync() => _db.ApplyAsync(new CreateTableOperation(UsersTable()));

    [Fact]
    public async Task Create_table_builds_the_declared_table_without_comments_and_its_reverse_drops_it()
    {
        var create = new CreateTableOperation(UsersTable());
        await _db.ApplyAsync(create);
        Assert.Equal(UsersText, await _db.SchemaAsync());
        await _db.ApplyAsync(create.Reverse());
        Assert.Equal("", await _db.SchemaAsync());
    }

    [Fact]
    public async Task Drop_table_removes_it_and_its_reverse_builds_it_again()
    {
        await CreateUsersAsync();
        var drop = new DropTableOperation(Users, UsersTable());
        await _db.ApplyAsync(drop);
        Assert.Equal("", await _db.SchemaAsync());
        await _db.ApplyAsync(drop.Reverse());
        Assert.Equal(UsersText, await _db.SchemaAsync());
    }

    [Fact]
    public async Task Rename_table_keeps_the_rows_and_its_reverse_restores_the_name()
    {
        await CreateUsersAsync();
        await _db.ExecuteAsync("INSERT INTO users (name) VALUES ('a')");
        var rename = new RenameTableOperation(Users, "people");
        await _db.ApplyAsync(rename);
        Assert.Equal((UsersText.Replace("users:", "people:", StringComparison.Ordinal), "1 | a"), (await _db.SchemaAsync(), Assert.Single(await _db.RowsAsync("SELECT id, name FROM people"))));
        await _db.ApplyAsync(rename.Reverse());
        Assert.Equal(UsersText, await _db.SchemaAsync());
    }

    [Fact]
    public async Task Table_comments_run_nothing_either_way_and_leave_the_table_as_it_was()
    {
        await CreateUsersAsync();
        var comment = new TableCommentOperation(Users, "people", null);
        Assert.Equal((0, 0), (await _db.ApplyAsync(comment), await _db.ApplyAsync(comment.Reverse())));
        Assert.Equal(UsersText, await _db.SchemaAsync());
    }

    [Fact]
    public async Task Add_column_fills_existing_rows_with_its_default_and_its_reverse_drops_it()
    {
        await CreateUsersAsync();
        await _db.ExecuteAsync("INSERT INTO users (name) VALUES ('a')");
        var add = new AddColumnOperation(Users, new Column("score", SqlType.Integer, nullable: false, serverDefault: "7", comment: "skipped"));
        await _db.ApplyAsync(add);
        Assert.Equal((UsersText.Replace("email String(120);", "email String(120), score Integer not null default 7;", StringComparison.Ordinal), "7"),
            (await _db.SchemaAsync(), Assert.Single(await _db.RowsAsync("SELECT score FROM users"))));
        await _db.ApplyAsync(add.Reverse());
        Assert.Equal(UsersText, await _db.SchemaAsync());
    }

    [Fact]
    public async Task Drop_column_removes_it_and_its_reverse_adds_it_back()
    {
        await _db.ApplyAsync(new CreateTableOperation(new Table(new TableName("t"), [new Column("id", SqlType.Integer, primaryKey: true), new Column("note", SqlType.Text)])));
        var drop = new DropColumnOperation(new TableName("t"), "note", new Column("note", SqlType.Text));
        await _db.ApplyAsync(drop);
        Assert.Equal("t: id Integer pk identity not null", await _db.SchemaAsync());
        await _db.ApplyAsync(drop.Reverse());
        Assert.Equal("t: id Integer pk identity not null, note Text", await _db.SchemaAsync());
    }

    [Fact]
    public async Task Dropping_a_UNIQUE_column_is_refused_by_SQLite_itself_when_it_runs()
    {
        await CreateUsersAsync();
        var error = await Assert.ThrowsAsync<SqliteException>(() => _db.ApplyAsync(new DropColumnOperation(Users, "email")));
        Assert.Contains("error in table users after drop column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renaming_a_column_renames_it_in_its_constraints_too_and_the_reverse_renames_it_back()
    {
        await CreateUsersAsync();
        var rename = new AlterColumnOperation(Users, "email") { NewName = "Mail Address" };
        await _db.ApplyAsync(rename);
        Assert.Equal(UsersText.Replace("email", "Mail Address", StringComparison.Ordinal).Replace("uq_users_Mail Address", "uq_users_email", StringComparison.Ordinal), await _db.SchemaAsync());
        await _db.ApplyAsync(rename.Reverse());
        Assert.Equal(UsersText, await _db.SchemaAsync());
    }

    [Fact]
    public async Task Alter_column_changes_that_need_a_rebuild_are_refused_and_a_comment_change_runs_nothing()
    {
        await CreateUsersAsync();
        AlterColumnOperation[] refused = [new(Users, "name") { Type = SqlType.Text }, new(Users, "name") { Nullable = true }, new(Users, "name") { ServerDefault = new Change<string?>(null) }];
        var messages = refused.Select(o => Assert.Throws<NotSupportedException>(() => _db.Dialect.Render(o)).Message);
        Assert.All(messages, m => Assert.EndsWith("SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)", m));
        Assert.Equal((0, UsersText), (await _db.ApplyAsync(new AlterColumnOperation(Users, "name") { Comment = new Change<string?>("c") }), await _db.SchemaAsync()));
    }

    [Fact]
    public async Task Create_index_builds_unique_expression_and_partial_indexes_and_the_reverses_drop_them()
    {
        await CreateUsersAsync();
        CreateIndexOperation[] creates =
        [
            new(new TableIndex("ix_users_lower", "users", ["(lower(email))"], unique: true)),
            new(new TableIndex("ix_users_name", "users", ["name", "email"], where: "name <> 'x'")),
        ];
        foreach (var create in creates)
            await _db.ApplyAsync(create);
        Assert.Equal(UsersText + "; IX ix_users_lower unique ((lower(email))); IX ix_users_name (name, email) where name <> 'x'", await _db.SchemaAsync());
        foreach (var create in creates)
            await _db.ApplyAsync(create.Reverse());
        Assert.Equal(UsersText, await _db.SchemaAsync());
    }

    [Fact]
    public async Task Drop_index_removes_it_and_its_reverse_builds_it_again()
    {
        await CreateUsersAsync();
        var index = new TableIndex("ix_users_name", "users", ["name"]);
        await _db.ApplyAsync(new CreateIndexOperation(index));
        var drop = new DropIndexOperation("ix_users_name", Users, index);
        await _db.ApplyAsync(drop);
        Assert.Equal(UsersText, await _db.SchemaAsync());
        await _db.ApplyAsync(drop.Reverse());
        Assert.Equal(UsersText + "; IX ix_users_name (name)", await _db.SchemaAsync());
    }

    [Fact]
    public async Task Adding_and_dropping_constraints_is_refused_and_changes_nothing()
    {
        await CreateUsersAsync();
        var constraintSamples = All().Where(o => o is AddConstraintOperation or DropConstraintOperation).ToList();
        Assert.All(constraintSamples, o => Assert.StartsWith("sqlite: cannot ", Assert.Throws<NotSupportedException>(() => _db.Dialect.Render(o)).Message));
        Assert.Equal((8, UsersText), (constraintSamples.Count, await _db.SchemaAsync()));
    }

    [Fact]
    public async Task Views_are_created_replaced_and_dropped_and_each_reverse_undoes_it()
    {
        await CreateUsersAsync();
        var name = new TableName("active_users");
        var create = new CreateObjectOperation(ObjectKind.View, name, "SELECT id FROM users");
        var replace = new ReplaceObjectOperation(ObjectKind.View, name, "SELECT id, name FROM users", Previous: "SELECT id FROM users");
        var drop = new DropObjectOperation(ObjectKind.View, name, "SELECT id, name FROM users");
        await _db.ApplyAsync(create);
        Assert.Equal(UsersText + "\nview active_users: SELECT id FROM users", await _db.SchemaAsync());
        await _db.ApplyAsync(replace);
        Assert.Equal(UsersText + "\nview active_users: SELECT id, name FROM users", await _db.SchemaAsync());
        await _db.ApplyAsync(replace.Reverse());
        Assert.Equal(UsersText + "\nview active_users: SELECT id FROM users", await _db.SchemaAsync());
        await _db.ApplyAsync(replace);
        await _db.ApplyAsync(drop);
        Assert.Equal(UsersText, await _db.SchemaAsync());
        await _db.ApplyAsync(drop.Reverse());
        Assert.Equal(UsersText + "\nview active_users: SELECT id, name FROM users", await _db.SchemaAsync());
        await _db.ApplyAsync(new CreateObjectOperation(ObjectKind.View, name, "SELECT 1").Reverse());
        Assert.Equal(UsersText, await _db.SchemaAsync());
    }

    [Fact]
    public async Task Execute_runs_the_sql_meant_for_sqlite_and_skips_the_rest_and_cannot_be_reversed()
    {
        await CreateUsersAsync();
        await _db.ExecuteAsync("INSERT INTO users (name) VALUES ('a'), ('b')");
        var execute = new ExecuteSqlOperation("UPDATE users SET name = 'z'", "sqlite");
        Assert.Equal((1, 0), (await _db.ApplyAsync(execute), await _db.ApplyAsync(new ExecuteSqlOperation("DELETE FROM users", "postgresql"))));
        Assert.Equal(["z", "z"], await _db.RowsAsync("SELECT name FROM users"));
        Assert.Throws<RetortException>(execute.Reverse);
    }

    [Fact]
    public async Task Bulk_insert_stores_the_same_values_online_with_parameters_as_offline_with_literals()
    {
        string[] columns = ["i", "s", "b", "g", "t", "o", "d", "tm", "n", "f", "x", "z"];
        SqlType[] types = [SqlType.Integer, SqlType.Text, SqlType.Boolean, SqlType.Guid, SqlType.DateTime, SqlType.DateTimeOffset, SqlType.Date, SqlType.Time, SqlType.Numeric(10, 2), SqlType.Double, SqlType.Binary(), SqlType.Text];
        object?[] row = [1, "O'Brien", true, Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), new DateTime(2026, 1, 2, 3, 4, 5, 500), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            new DateOnly(2026, 1, 2), new TimeOnly(3, 4, 5, 250), 12.5m, 1.25, new byte[] { 1, 255 }, null];
        foreach (var table in new[] { "online", "offline" })
            await _db.ApplyAsync(new CreateTableOperation(new Table(new TableName(table), columns.Zip(types, (c, t) => new Column(c, t)))));
        var insert = new BulkInsertOperation(new TableName("online"), columns, [row]);
        await _db.ApplyAsync(insert);
        await _db.ApplyScriptAsync(insert with { Table = new TableName("offline") });
        var select = "SELECT " + string.Join(", ", columns.Select(c => $"typeof({c}) || ':' || quote({c})")) + " FROM ";
        var online = Assert.Single(await _db.RowsAsync(select + "online"));
        Assert.Equal("integer:1 | text:'O''Brien' | integer:1 | text:'6f9619ff-8b86-d011-b42d-00cf4fc964ff' | text:'2026-01-02 03:04:05.5' | text:'2026-01-02 03:04:05+02:00' | " +
            "text:'2026-01-02' | text:'03:04:05.25' | real:12.5 | real:1.25 | blob:X'01FF' | null:NULL", online);
        Assert.Equal(online, Assert.Single(await _db.RowsAsync(select + "offline")));
        Assert.Throws<RetortException>(insert.Reverse);
    }

    [Fact]
    public async Task Ddl_runs_inside_a_transaction_and_a_rollback_leaves_nothing()
    {
        await using (var transaction = await _db.Connection.BeginTransactionAsync())
        {
            await _db.ApplyAsync(new CreateTableOperation(UsersTable()), transaction);
            await _db.ApplyAsync(new CreateIndexOperation(new TableIndex("ix_users_name", "users", ["name"])), transaction);
            await transaction.RollbackAsync();
        }
        Assert.Equal(("", true), (await _db.SchemaAsync(), _db.Dialect.TransactionalDdl));
    }
}
