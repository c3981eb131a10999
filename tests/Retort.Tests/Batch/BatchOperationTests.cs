using Retort.Configuration;
using Retort.Dialects;
using Retort.Ops;
using Retort.Tests.Dialects;

namespace Retort.Tests.Batch;

/// <summary>The batch record: what the facade collects, its reverse, and the table model a rebuild works from.</summary>
public sealed class BatchOperationTests
{
    private static readonly TableName Users = new("users");

    // The rebuild's table model reads SQL text as SQLite does.
    private static readonly ColumnReferences SqliteColumns = Dialect.ForName("sqlite").ColumnReferences;

    private static readonly Table Before = new(Users,
    [
        new Column("id", SqlType.Integer, primaryKey: true),
        new Column("name", SqlType.String(50), serverDefault: "'x'", comment: "shown"),
        new Column("email", SqlType.String(120)),
        new UniqueConstraint("uq_users_email", "email"),
    ], [new TableIndex("ix_users_name", "users", ["name"])]);

    private static BatchAlterTableOperation Batch(Action<BatchOperations> build, Table? copyFrom = null) =>
        (BatchAlterTableOperation)RenderedSql.Operation(op => op.BatchAlterTable("users", build, BatchMode.Always, copyFrom));

    [Fact]
    public void The_facade_collects_the_lambdas_operations_into_one_record_on_the_batchs_table()
    {
        var batch = Batch(b =>
        {
            b.DropColumn("email");
            b.CreateCheckConstraint("ck_users_name", "name <> ''");
        });
        Assert.Equal((Users, BatchMode.Always, 2), (batch.Table, batch.Recreate, batch.Operations.Count));
        Assert.Equal([Users, Users], batch.Operations.Select(o => o switch { DropColumnOperation d => d.Table, AddConstraintOperation a => a.Table, _ => default }));
    }

    [Fact]
    public void The_reverse_undoes_each_operation_in_reverse_order()
    {
        var reverse = (BatchAlterTableOperation)Batch(b =>
        {
            b.AddColumn(new Column("note", SqlType.Text));
            b.AlterColumn("name", newName: "full_name");
        }).Reverse();
        Assert.Equal(["AlterColumnOperation full_name -> name", "DropColumnOperation note"], reverse.Operations.Select(o => o switch
        {
            AlterColumnOperation a => $"{a.GetType().Name} {a.Column} -> {a.NewName}",
            DropColumnOperation d => $"{d.GetType().Name} {d.Column}",
            _ => o.GetType().Name,
        }));
    }

    [Fact]
    public void With_copyFrom_the_reverse_needs_no_existing_values_and_starts_from_the_table_as_the_batch_leaves_it()
    {
        var reverse = (BatchAlterTableOperation)Batch(b =>
        {
            b.AlterColumn("name", type: SqlType.Text, nullable: false);
            b.DropConstraint("uq_users_email", ConstraintKind.Unique);
            b.DropColumn("email");
            b.DropIndex("ix_users_name");
        }, Before).Reverse();
        Assert.Equal("users: id Integer pk identity not null, name Text not null default 'x' comment 'shown'", SchemaText.Of(reverse.CopyFrom!));
        var restore = Assert.IsType<AlterColumnOperation>(reverse.Operations[3]);
        Assert.Equal((SqlType.String(50), true, "'x'"), (restore.Type, restore.Nullable, restore.ExistingServerDefault));
        Assert.Equal(["email"], Assert.IsType<UniqueConstraint>(Assert.IsType<AddConstraintOperation>(reverse.Operations[2]).Constraint).Columns);
        Assert.Equal(Before.Column("email"), Assert.IsType<AddColumnOperation>(reverse.Operations[1]).Column);
        var index = Assert.IsType<CreateIndexOperation>(reverse.Operations[0]).Index;
        Assert.Equal("ix_users_name(name)", $"{index.Name}({string.Join(", ", index.Columns)})");
    }

    [Theory]
    [InlineData("drop email", "batch on users: column email is used by unique constraint uq_users_email; drop that first in the batch")]
    [InlineData("drop name", "batch on users: column name is used by index ix_users_name; drop that first in the batch")]
    [InlineData("drop id", "batch on users: column id is used by the primary key; drop that first in the batch")]
    [InlineData("alter nope", "batch on users: no column nope")]
    [InlineData("drop index nope", "batch on users: no index nope")]
    [InlineData("drop unique nope", "batch on users: no unique constraint nope")]
    [InlineData("add unique again", "batch on users: constraint uq_users_email exists already")]
    [InlineData("add primary key", "batch on users: cannot add primary key pk_users: the table has one; drop it first")]
    [InlineData("reuse a renamed name", "batch on users: a new column name would clash with column name renamed to full_name in the same batch; rename in a batch of its own first")]
    public void A_batch_the_table_cannot_take_is_refused_with_what_is_wrong(string change, string message)
    {
        Action<BatchOperations> build = change switch
        {
            "drop email" => b => b.DropColumn("email"),
            "drop name" => b => b.DropColumn("name"),
            "drop id" => b => b.DropColumn("id"),
            "alter nope" => b => b.AlterColumn("nope", nullable: false),
            "drop index nope" => b => b.DropIndex("nope"),
            "drop unique nope" => b => b.DropConstraint("nope", ConstraintKind.Unique),
            "add unique again" => b => b.CreateUniqueConstraint("uq_users_email", ["name"]),
            "add primary key" => b => b.CreatePrimaryKey("pk_users", ["email"]),
            _ => b =>
            {
                b.AlterColumn("name", newName: "full_name");
                b.AddColumn(new Column("name", SqlType.Text));
            },
        };
        Assert.Equal(message, Assert.Throws<RetortException>(() => AlteredTable.Apply(Before, Batch(build).Operations, SqliteColumns)).Message);
    }

    [Fact]
    public void A_renamed_column_is_renamed_in_conditions_but_not_in_strings_or_function_names()
    {
        var table = new Table(Users, [new Column("length", SqlType.Integer), new CheckConstraint("ck", "length(\"length\") > length AND 'length' <> ''")]);
        var after = AlteredTable.Apply(table, [new AlterColumnOperation(Users, "length") { NewName = "size" }], SqliteColumns).After;
        Assert.Equal("length(size) > size AND 'length' <> ''", after.Constraints.OfType<CheckConstraint>().Single().Condition);
    }

    [Fact]
    public void An_unnamed_primary_key_can_be_dropped_by_any_name_and_is_then_gone_from_its_columns()
    {
        var after = AlteredTable.Apply(Before, [new DropConstraintOperation(Users, "pk_whatever", ConstraintKind.PrimaryKey)], SqliteColumns).After;
        Assert.Null(after.PrimaryKey);
    }

    [Fact]
    public void Automatic_batches_group_each_run_of_rebuilding_operations_on_one_table()
    {
        var orders = new TableName("orders");
        var operations = Dialect.ForName("sqlite").Preparation.AutoBatch(
        [
            new AlterColumnOperation(Users, "name") { Nullable = false },
            new DropColumnOperation(Users, "email"),
            new CreateIndexOperation(new TableIndex("ix_users_name", "users", ["name"])),
            new AlterColumnOperation(Users, "name") { Type = SqlType.Text },
            new AlterColumnOperation(orders, "total") { Type = SqlType.Text },
        ]);
        Assert.Equal(["users: 2", "CreateIndexOperation", "users: 1", "orders: 1"],
            operations.Select(o => o is BatchAlterTableOperation b ? $"{b.Table}: {b.Operations.Count}" : o.GetType().Name));
        Assert.Equal(5, Dialect.ForName("postgresql").Preparation.AutoBatch([.. operations.OfType<BatchAlterTableOperation>().SelectMany(b => b.Operations), operations[1]]).Count);
    }

    [Fact]
    public void The_sqliteAutoBatch_setting_is_read_from_retort_json() =>
        Assert.Equal((true, false),
            (ConfigFile.Parse("""{ "sqliteAutoBatch": true }""", "/p/retort.json", null, new Dictionary<string, string>()).SqliteAutoBatch,
             ConfigFile.Parse("{}", "/p/retort.json", null, new Dictionary<string, string>()).SqliteAutoBatch));
}
