using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Model;
using Retort.Scripting;
using Retort.Tests.Scripting;

namespace Retort.Tests.Autogenerate;

/// <summary>
/// The model classes <c>baseline --model-out</c> writes: compiled and read back by the model reader, they are the
/// schema they were written from (autogenerate finds nothing between them); names are C# and never clash; what the
/// model cannot hold is said.
/// </summary>
public sealed class ModelWriterTests
{
    private static readonly Dialect Postgres = Dialect.ForName("postgresql");

    private static Table Table(string name, IEnumerable<TableElement> elements, IEnumerable<TableIndex>? indexes = null, string? comment = null) =>
        new(new TableName(name), elements, indexes, comment);

    // A schema as an inspector reads one: every name given, identity stated.
    private static DatabaseSchema Shop() => new(
    [
        Table("customers",
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("email", SqlType.String(120), nullable: false),
            new Column("full_name", SqlType.Text),
            new Column("balance", SqlType.Numeric(10, 2), nullable: false, serverDefault: "0"),
            new Column("born", SqlType.Date),
            new Column("created", SqlType.DateTimeOffset, nullable: false, serverDefault: "now()"),
            new Column("tags", SqlType.Raw("text[]")),
            new Column("vip", SqlType.Boolean, nullable: false, identity: false),
            new Column("ratio", SqlType.Double),
            new Column("rank", SqlType.SmallInteger),
            new Column("token", SqlType.Guid),
            new Column("data", SqlType.Json),
            new Column("photo", SqlType.Binary(), nullable: false),
            new Column("code", SqlType.Char(3), nullable: false, comment: "country, ISO 3166"),
            new Column("amount", SqlType.Numeric()),
            new UniqueConstraint("customers_email_key", "email"),
            new CheckConstraint("customers_balance_check", "balance >= 0"),
        ],
        [
            new TableIndex("customers_created_idx", "customers", ["created"], where: "born IS NOT NULL"),
            new TableIndex("customers_lower_email_idx", "customers", ["(lower(email))"], unique: true),
            new TableIndex("customers_code_born_idx", "customers", ["code", "born"]),
        ], comment: "People who buy"),
        Table("categories",
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: false),
            new Column("parent_id", SqlType.Integer),
            new ForeignKey("categories_parent_id_fkey", ["parent_id"], "categories", ["id"], onDelete: "SET NULL"),
        ]),
        Table("order_items",
        [
            new Column("order_id", SqlType.BigInteger, primaryKey: true, identity: false),
            new Column("line_no", SqlType.SmallInteger, primaryKey: true, identity: false),
            new Column("customer_id", SqlType.Integer, nullable: false),
            new Column("billing_customer_id", SqlType.Integer),
            new Column("qty", SqlType.Integer, nullable: false, serverDefault: "1"),
            new Column("qty_doubled", SqlType.Integer, computed: "qty * 2", stored: true),
            new ForeignKey("order_items_customer_id_fkey", ["customer_id"], "customers", ["id"], onDelete: "CASCADE", onUpdate: "CASCADE"),
            new ForeignKey("order_items_billing_customer_id_fkey", ["billing_customer_id"], "customers", ["id"]),
            new UniqueConstraint("order_items_order_id_customer_id_key", "order_id", "customer_id"),
            new CheckConstraint("order_items_qty_check", "qty > 0"),
        ]),
    ],
    [new View(new TableName("big_customers"), "SELECT id FROM customers WHERE balance > 1000")]);

    [Fact]
    public async Task The_classes_written_read_back_as_the_schema_they_were_written_from()
    {
        using var folder = new ScriptFolder();
        var written = ModelWriter.Write(Shop(), folder.Versions, "Models", Postgres);
        foreach (var file in written.Files)
            File.WriteAllText(file.Path, file.Text);

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);
        var model = SchemaModel.FromTypes(scripts.Assembly.GetTypes().Where(t => t.Namespace == "Models"));
        var diff = SchemaComparer.Compare(model, Shop(), Postgres, new CompareOptions { CompareServerDefault = true, CompareImplicitNames = true });

        Assert.Empty(written.Gaps);
        Assert.True(diff.IsEmpty, string.Join("\n", diff.Upgrade.Select(OperationSummary.Describe)));
        Assert.Empty(diff.Warnings);
        Assert.Equal(["Customer.cs", "Category.cs", "OrderItem.cs", "BigCustomers.cs"], written.Files.Select(f => Path.GetFileName(f.Path)));
    }

    [Fact]
    public void Each_of_two_keys_to_one_table_gets_a_navigation_named_after_its_column()
    {
        var text = ModelWriter.Write(Shop(), "/m", "Models", Postgres).Files.Single(f => f.Path.EndsWith("OrderItem.cs", StringComparison.Ordinal)).Text;

        Assert.Contains("    [ForeignKey(nameof(CustomerId)), OnDelete(\"CASCADE\"), OnUpdate(\"CASCADE\")] public Customer? Customer { get; set; }\n", text);
        Assert.Contains("    [ForeignKey(nameof(BillingCustomerId))] public Customer? BillingCustomer { get; set; }\n", text);
        Assert.Contains("    [Key, Column(\"order_id\", Order = 0)] public long OrderId { get; set; }\n", text);
        Assert.Contains("[Unique(nameof(OrderId), nameof(CustomerId), Name = \"order_items_order_id_customer_id_key\")]\n", text);
    }

    [Fact]
    public void Names_become_csharp_that_clashes_with_nothing_the_files_use()
    {
        var schema = new DatabaseSchema(
        [
            Table("index", [new Column("id", SqlType.Integer, primaryKey: true, identity: true), new Column("e-mail", SqlType.Text)]),
            Table("order", [new Column("order", SqlType.Integer), new Column("1st", SqlType.Text), new Column("GetType", SqlType.Text)]),
            Table("statuses", [new Column("status", SqlType.Text), new Column("analysis", SqlType.Text)]),
            Table("Status", [new Column("x", SqlType.Text)]),
        ], []);

        var files = ModelWriter.Write(schema, "/m", "Models", Postgres).Files.ToDictionary(f => Path.GetFileName(f.Path), f => f.Text);

        Assert.Equal(["IndexEntity.cs", "Order.cs", "Status.cs", "Status2.cs"], files.Keys);
        Assert.Contains("public string? EMail { get; set; }", files["IndexEntity.cs"]);
        Assert.Contains("public int? OrderValue { get; set; }", files["Order.cs"]);
        Assert.Contains("public string? Column1st { get; set; }", files["Order.cs"]);
        Assert.Contains("public string? GetTypeValue { get; set; }", files["Order.cs"]);
        Assert.Contains("[Table(\"statuses\")]\npublic class Status\n", files["Status.cs"]);
        Assert.Contains("[Table(\"Status\")]\npublic class Status2\n", files["Status2.cs"]);
    }

    [Fact]
    public void A_name_two_tables_use_is_left_to_the_model_and_what_the_model_cannot_hold_is_said()
    {
        var schema = new DatabaseSchema(
        [
            Table("a",
            [
                new Column("id", SqlType.Integer, primaryKey: true), new Column("code", SqlType.String(10), collation: "C"),
                new UniqueConstraint("code", "code"),
            ], [new TableIndex("by_expr", "a", ["(lower(code))"])]),
            Table("b",
            [
                new Column("code", SqlType.String(10)), new Column("a_id", SqlType.Integer),
                new ForeignKey("b_code_fkey", ["code"], "a", ["code"]),
                new ForeignKey("b_a_fkey", ["a_id"], "a", ["id"], deferrable: true),
                new ForeignKey("b_x_fkey", ["a_id"], "elsewhere", ["id"]),
            ], [new TableIndex("code", "b", ["code"]), new TableIndex("by_expr", "b", ["(upper(code))"])]),
        ], []);

        var written = ModelWriter.Write(schema, "/m", "Models", Postgres);

        Assert.DoesNotContain(written.Files, f => f.Text.Contains("Name = \"code\"", StringComparison.Ordinal));
        Assert.Contains("[Column(\"code\"), MaxLength(10), Unique]", written.Files[0].Text);
        Assert.Equal(
        [
            "column a.code has collation C, which the model cannot say (autogenerate does not compare collations)",
            "index by_expr of a is over an expression, which needs a name, and its name is used twice in the schema; the model cannot hold it",
            "foreign key b_code_fkey of b refers to (code) of a, not to its primary key; the model's foreign keys refer to primary keys",
            "foreign key b_a_fkey of b is DEFERRABLE, which the model cannot say",
            "foreign key b_x_fkey of b refers to elsewhere, which is not among the tables read; the model cannot hold it",
            "index by_expr of b is over an expression, which needs a name, and its name is used twice in the schema; the model cannot hold it",
        ], written.Gaps);
    }

    [Theory]
    [InlineData("categories", "category")]
    [InlineData("addresses", "address")]
    [InlineData("statuses", "status")]
    [InlineData("boxes", "box")]
    [InlineData("orders", "order")]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    [InlineData("glass", "glass")]
    [InlineData("people", "people")]
    public void Table_names_are_made_singular_by_their_english_endings(string table, string singular) =>
        Assert.Equal(singular, ModelWriter.Singular(table));

    [Fact]
    public void A_class_marked_view_is_a_view_of_the_model_and_not_a_table()
    {
        var schema = SchemaModel.FromTypes([typeof(Samples.ActiveThing), typeof(Samples.Thing)]);

        Assert.Equal(["things"], schema.Tables.Select(t => t.Name.Name));
        var view = Assert.Single(schema.Views);
        Assert.Equal(new TableName("active_things", "app"), view.Name);
        Assert.Equal("SELECT id FROM things WHERE active", view.Definition);
    }

    [Fact]
    public void A_view_is_created_after_the_views_it_reads_and_dropped_before_them()
    {
        View[] views = [new(new TableName("a_top"), "SELECT one FROM z_base"), new(new TableName("z_base"), "SELECT 1 AS one")];

        var created = SchemaComparer.Compare(new DatabaseSchema([], views), new DatabaseSchema([], []), Postgres, new CompareOptions());
        var dropped = SchemaComparer.Compare(new DatabaseSchema([], []), new DatabaseSchema([], views), Postgres, new CompareOptions());

        Assert.Equal(["added view 'z_base'", "added view 'a_top'"], created.Upgrade.Select(OperationSummary.Describe));
        Assert.Equal(["removed view 'a_top'", "removed view 'z_base'"], dropped.Upgrade.Select(OperationSummary.Describe));
    }

    public static class Samples
    {
        [View("active_things", "SELECT id FROM things WHERE active", Schema = "app")]
        public class ActiveThing
        {
            public int Id { get; set; }
        }

        [System.ComponentModel.DataAnnotations.Schema.Table("things")]
        public class Thing
        {
            [System.ComponentModel.DataAnnotations.Key] public int Id { get; set; }

            public bool Active { get; set; }
        }
    }
}
