using Retort.Model;

namespace Retort.Tests.Model;

/// <summary>The fluent builder: default names, key and foreign key resolution, and what it refuses.</summary>
public sealed class SchemaBuilderTests
{
    private static string Error(Func<SchemaBuilder, SchemaBuilder> declare) =>
        Assert.Throws<RetortException>(() => declare(new SchemaBuilder()).Build()).Message;

    [Fact]
    public void A_composite_primary_key_keeps_its_declared_order_and_makes_its_columns_not_null()
    {
        var schema = new SchemaBuilder()
            .Table("lines", t => t
                .Column("line_no", SqlType.Integer, nullable: true)
                .Column("order_id", SqlType.Integer)
                .PrimaryKey(["order_id", "line_no"]))
            .Build();

        Assert.Equal("lines: line_no Integer pk not null, order_id Integer pk not null; PK pk_lines(order_id, line_no)", ModelSchemaText.Of(schema));
    }

    [Fact]
    public void A_foreign_key_without_referenced_columns_takes_the_referenced_table_key_even_when_declared_later()
    {
        var schema = new SchemaBuilder()
            .Table("notes", t => t
                .Column("id", SqlType.Integer, primaryKey: true)
                .Column("order_id", SqlType.Integer)
                .Column("line_no", SqlType.Integer)
                .ForeignKey(["order_id", "line_no"], references: "lines", onUpdate: "cascade", referencedSchema: "shop"))
            .Table("lines", t => t
                .Column("order_id", SqlType.Integer)
                .Column("line_no", SqlType.Integer)
                .PrimaryKey(["order_id", "line_no"], name: "lines_key"), schema: "shop")
            .Build();

        Assert.Equal(
            "notes: id Integer pk identity not null, order_id Integer, line_no Integer; PK pk_notes(id); " +
            "FK fk_notes_order_id_line_no_lines(order_id, line_no) -> shop.lines(order_id, line_no) on update CASCADE\n" +
            "shop.lines: order_id Integer pk not null, line_no Integer pk not null; PK lines_key(order_id, line_no)",
            ModelSchemaText.Of(schema));
    }

    [Fact]
    public void A_foreign_key_to_a_table_declared_elsewhere_names_the_referenced_columns()
    {
        var schema = new SchemaBuilder()
            .Table("orders", t => t
                .Column("customer_code", SqlType.String(8))
                .ForeignKey("customer_code", references: "customers", referencedColumn: "code", name: "fk_orders_customer"))
            .Build();

        Assert.Equal("orders: customer_code String(8); FK fk_orders_customer(customer_code) -> customers(code)", ModelSchemaText.Of(schema));
    }

    [Fact]
    public void Constraints_described_in_full_views_comments_renames_and_expression_indexes_are_kept()
    {
        var schema = new SchemaBuilder()
            .Table("users", t => t
                .Column(new Column("id", SqlType.Integer, primaryKey: true))
                .Column("email", SqlType.String(120), collation: "C")
                .Constraint(new ForeignKey("fk_users_self", ["id"], "users", ["id"], deferrable: true))
                .Constraint(new CheckConstraint(null, "id > 0"))
                .Check("email <> ''")
                .Index(["(lower(email))"], unique: true, name: "ix_users_email_lower")
                .Comment("people")
                .RenamedFrom("people"))
            .View("active_users", "SELECT id FROM users")
            .Build();

        Assert.Equal(
            "users: id Integer pk not null, email String(120) collate C; comment 'people'; PK pk_users(id); " +
            "FK fk_users_self(id) -> users(id) deferrable; CK (id > 0); CK ck_users_1(email <> ''); IX ix_users_email_lower unique ((lower(email)))\n" +
            "view active_users: SELECT id FROM users\n" +
            "table users renamed from people",
            ModelSchemaText.Of(schema));
    }

    [Fact]
    public void Build_can_be_called_again_and_gives_an_equal_schema()
    {
        var builder = new SchemaBuilder().Table("t", t => t.Column("a", SqlType.Integer).Index("a"));

        Assert.Equal(ModelSchemaText.Of(builder.Build()), ModelSchemaText.Of(builder.Build()));
    }

    [Theory]
    [InlineData("unknown index column", "table t: an index names column b, which the table does not have")]
    [InlineData("unknown unique column", "table t: a unique constraint names column b, which the table does not have")]
    [InlineData("unknown key column", "table t: the primary key names column b, which the table does not have")]
    [InlineData("unknown foreign key column", "table t: a foreign key names column b, which the table does not have")]
    [InlineData("undeclared referenced table", "table t: foreign key (a) to elsewhere: that table is not declared here, so name the referenced columns")]
    [InlineData("keyless referenced table", "table t: foreign key (a) to u: that table has no primary key, so name the referenced columns")]
    [InlineData("column count mismatch", "table t: foreign key (a) to u: 1 column(s) refer to 2 (x, y)")]
    [InlineData("expression index without name", "table t: the index over (lower(a)) has an expression, so it needs a name")]
    [InlineData("flagged and declared keys differ", "table t: column a is flagged primaryKey but the primary key is (c)")]
    [InlineData("two primary keys", "table t: the primary key is declared twice")]
    [InlineData("no columns", "table t: a table needs at least one column")]
    [InlineData("column twice", "table t: column a is declared twice")]
    [InlineData("table twice", "table t is declared twice")]
    [InlineData("view like a table", "t is declared twice")]
    [InlineData("bad action", "table t: 'EXPLODE' is not a referential action; use one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION")]
    [InlineData("empty check", "table t: a check needs its condition")]
    [InlineData("empty index", "table t: an index needs at least one column, each named")]
    [InlineData("name twice", "table t: two indexes or constraints are named same")]
    public void An_inconsistent_declaration_is_refused_with_one_line(string declaration, string message)
    {
        Assert.Equal(message, Error(builder => declaration switch
        {
            "unknown index column" => builder.Table("t", t => t.Column("a", SqlType.Integer).Index("b")),
            "unknown unique column" => builder.Table("t", t => t.Column("a", SqlType.Integer).Unique("b")),
            "unknown key column" => builder.Table("t", t => t.Column("a", SqlType.Integer).PrimaryKey(["b"])),
            "unknown foreign key column" => builder.Table("t", t => t.Column("a", SqlType.Integer).ForeignKey("b", "t", "a")),
            "undeclared referenced table" => builder.Table("t", t => t.Column("a", SqlType.Integer).ForeignKey("a", "elsewhere")),
            "keyless referenced table" => builder.Table("u", t => t.Column("x", SqlType.Integer))
                .Table("t", t => t.Column("a", SqlType.Integer).ForeignKey("a", "u")),
            "column count mismatch" => builder.Table("u", t => t.Column("x", SqlType.Integer).Column("y", SqlType.Integer).PrimaryKey(["x", "y"]))
                .Table("t", t => t.Column("a", SqlType.Integer).ForeignKey("a", "u")),
            "expression index without name" => builder.Table("t", t => t.Column("a", SqlType.Text).Index("(lower(a))")),
            "flagged and declared keys differ" => builder.Table("t", t => t.Column("a", SqlType.Integer, primaryKey: true)
                .Column("c", SqlType.Integer).PrimaryKey(["c"])),
            "two primary keys" => builder.Table("t", t => t.Column("a", SqlType.Integer).PrimaryKey(["a"]).PrimaryKey(["a"])),
            "no columns" => builder.Table("t", _ => { }),
            "column twice" => builder.Table("t", t => t.Column("a", SqlType.Integer).Column("a", SqlType.Text)),
            "table twice" => builder.Table("t", t => t.Column("a", SqlType.Integer)).Table("t", t => t.Column("a", SqlType.Integer)),
            "view like a table" => builder.View("t", "SELECT 1").Table("t", t => t.Column("a", SqlType.Integer)),
            "bad action" => builder.Table("t", t => t.Column("a", SqlType.Integer).ForeignKey("a", "t", "a", onDelete: "EXPLODE")),
            "empty check" => builder.Table("t", t => t.Column("a", SqlType.Integer).Check(" ")),
            "empty index" => builder.Table("t", t => t.Column("a", SqlType.Integer).Index([])),
            "name twice" => builder.Table("t", t => t.Column("a", SqlType.Integer).Index("a", name: "same").Unique("a", name: "same")),
            _ => throw new ArgumentOutOfRangeException(nameof(declaration)),
        }));
    }
}
