using Retort.Model;
using Retort.Tests.Model.Samples.Shop;

namespace Retort.Tests.Model;

/// <summary>The sample model classes read into exactly the schema they describe, by hand and by the fluent builder.</summary>
public sealed class DesignExampleTests
{
    private static readonly Type[] Shop = [typeof(User), typeof(Order), typeof(OrderItem)];

    private static DatabaseSchema Expected => new(
    [
        new Table(new TableName("users"),
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("name", SqlType.String(50)),
            new Column("email", SqlType.String(120)),
            new PrimaryKey("pk_users", "id"),
        ],
        [new TableIndex("ix_users_id", "users", ["id"]), new TableIndex("ix_users_email", "users", ["email"], unique: true)]),
        new Table(new TableName("orders"),
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("user_id", SqlType.Integer, nullable: false),
            new Column("placed_at", SqlType.DateTime, nullable: false, serverDefault: "CURRENT_TIMESTAMP"),
            new Column("total", SqlType.Numeric(12, 2), nullable: false),
            new PrimaryKey("pk_orders", "id"),
            new ForeignKey("fk_orders_user_id_users", ["user_id"], "users", ["id"]),
        ]),
        new Table(new TableName("order_items"),
        [
            new Column("id", SqlType.BigInteger, primaryKey: true, identity: true),
            new Column("order_id", SqlType.Integer, nullable: false),
            new Column("product_id", SqlType.Integer, nullable: false),
            new Column("line_no", SqlType.Integer, nullable: false),
            new Column("quantity", SqlType.Integer, nullable: false),
            new Column("price", SqlType.Numeric(10, 2), nullable: false),
            new Column("status", SqlType.String(20), nullable: false, serverDefault: "'new'"),
            new Column("note", SqlType.Text, comment: "free text") { RenamedFrom = ["comment"] },
            new Column("shipped_at", SqlType.DateTimeOffset),
            new PrimaryKey("pk_order_items", "id"),
            new UniqueConstraint("uq_order_items_line", "order_id", "line_no"),
            new ForeignKey("fk_order_items_order_id_orders", ["order_id"], "orders", ["id"], onDelete: "CASCADE"),
            new CheckConstraint("ck_order_items_quantity", "quantity > 0"),
        ],
        [
            new TableIndex("ix_order_items_shipped_at", "order_items", ["shipped_at"], where: "shipped_at IS NOT NULL"),
            new TableIndex("ix_order_items_order_product", "order_items", ["order_id", "product_id"]),
        ],
        comment: "One line of an order"),
    ], []);

    [Fact]
    public void The_User_Order_and_OrderItem_classes_read_into_exactly_the_expected_schema()
    {
        Assert.Equal(ModelSchemaText.Of(Expected), ModelSchemaText.Of(SchemaModel.FromTypes(Shop)));
    }

    [Fact]
    public void The_users_table_is_the_one_of_the_issue_scenario()
    {
        Assert.Equal(
            "users: id Integer pk identity not null, name String(50), email String(120); PK pk_users(id); " +
            "IX ix_users_id (id); IX ix_users_email unique (email)",
            ModelSchemaText.Of(SchemaModel.FromTypes([typeof(User)])));
    }

    [Fact]
    public void The_fluent_builder_declares_the_same_schema_as_the_classes()
    {
        var built = new SchemaBuilder()
            .Table("users", t => t
                .Column("id", SqlType.Integer, primaryKey: true, identity: true)
                .Column("name", SqlType.String(50))
                .Column("email", SqlType.String(120))
                .Index("id")
                .Index("email", unique: true))
            .Table("orders", t => t
                .Column("id", SqlType.Integer, primaryKey: true, identity: true)
                .Column("user_id", SqlType.Integer, nullable: false)
                .Column("placed_at", SqlType.DateTime, nullable: false, serverDefault: "CURRENT_TIMESTAMP")
                .Column("total", SqlType.Numeric(12, 2), nullable: false)
                .ForeignKey("user_id", references: "users"))
            .Table("order_items", t => t
                .Column("id", SqlType.BigInteger, primaryKey: true, identity: true)
                .Column("order_id", SqlType.Integer, nullable: false)
                .Column("product_id", SqlType.Integer, nullable: false)
                .Column("line_no", SqlType.Integer, nullable: false)
                .Column("quantity", SqlType.Integer, nullable: false)
                .Column("price", SqlType.Numeric(10, 2), nullable: false)
                .Column("status", SqlType.String(20), nullable: false, serverDefault: "'new'")
                .Column("note", SqlType.Text, comment: "free text", renamedFrom: ["comment"])
                .Column("shipped_at", SqlType.DateTimeOffset)
                .Unique(["order_id", "line_no"], name: "uq_order_items_line")
                .ForeignKey("order_id", references: "orders", onDelete: "CASCADE")
                .Check("quantity > 0", name: "ck_order_items_quantity")
                .Index("shipped_at", where: "shipped_at IS NOT NULL")
                .Index(["order_id", "product_id"], name: "ix_order_items_order_product")
                .Comment("One line of an order"))
            .Build();

        Assert.Equal(ModelSchemaText.Of(SchemaModel.FromTypes(Shop)), ModelSchemaText.Of(built));
    }

    [Fact]
    public void Tables_come_in_the_order_of_the_given_types_and_a_model_has_no_views()
    {
        var schema = SchemaModel.FromTypes([typeof(OrderItem), typeof(User), typeof(Order)]);

        Assert.Equal(["order_items", "users", "orders"], schema.Tables.Select(t => t.Name.Name));
        Assert.Empty(schema.Views);
    }
}
