using Retort.Autogenerate;
using Retort.Ops;
using static Retort.Tests.Autogenerate.Schemas;

namespace Retort.Tests.Autogenerate;

public sealed class TableChangeTests
{
    private static readonly Table Tags = Table("tags",
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("label", SqlType.String(30), nullable: false),
            new UniqueConstraint("uq_tags_label", "label"))
        .WithIndexes(new TableIndex("ix_tags_id_label", "tags", ["id", "label"]));

    [Fact]
    public void An_added_table_is_created_with_its_constraints_and_then_its_indexes()
    {
        var diff = Compare(Of([.. Shop().Tables, Tags]), Shop());

        OperationJson.Equal([new CreateTableOperation(Tags with { Indexes = [] }), new CreateIndexOperation(Tags.Indexes[0])], diff.Upgrade);
        OperationJson.Equal([new DropTableOperation(Tags.Name, Tags)], diff.Downgrade);
    }

    [Fact]
    public void A_removed_table_is_dropped_with_its_indexes_and_created_again_before_them()
    {
        var diff = Compare(Shop(), Of([.. Shop().Tables, Tags]));

        OperationJson.Equal([new DropTableOperation(Tags.Name, Tags)], diff.Upgrade);
        OperationJson.Equal([new CreateTableOperation(Tags with { Indexes = [] }), new CreateIndexOperation(Tags.Indexes[0])], diff.Downgrade);
    }

    [Fact]
    public void The_version_table_is_never_compared_even_when_a_caller_leaves_it_in()
    {
        var version = Table("retort_version", new Column("version_num", SqlType.String(32), primaryKey: true));

        Assert.True(Compare(Shop(), Of([.. Shop().Tables, version])).IsEmpty);
        Assert.True(Compare(Of([.. Shop().Tables, version]), Shop()).IsEmpty);
    }

    [Fact]
    public void Include_sees_each_object_on_each_side_and_what_it_refuses_is_absent_there()
    {
        var seen = new List<SchemaObject>();
        var options = new CompareOptions
        {
            Include = o =>
            {
                seen.Add(o);
                return !(o.IsLive && o.Kind == SchemaObjectKind.Table && o.Name == "legacy") && o.Name != "ix_users_name";
            },
        };
        var legacy = Table("legacy", new Column("id", SqlType.Integer));

        var diff = Compare(Shop().Replacing(Users().Without("ix_users_name")), Of([.. Shop().Tables, legacy]), options: options);

        Assert.True(diff.IsEmpty);
        Assert.Contains(new SchemaObject(SchemaObjectKind.Index, new TableName("users"), "ix_users_name", IsLive: true), seen);
        Assert.Contains(new SchemaObject(SchemaObjectKind.ForeignKey, new TableName("orders"), "fk_orders_user", IsLive: false), seen);
        Assert.Contains(new SchemaObject(SchemaObjectKind.Column, new TableName("users"), "email", IsLive: true), seen);
    }
}
