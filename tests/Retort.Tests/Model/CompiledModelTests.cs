using Retort.Model;
using Retort.Scripting;
using Retort.Tests.Scripting;

namespace Retort.Tests.Model;

/// <summary>Model sources compiled by the script compiler, as the CLI compiles <c>model.sources</c>.</summary>
public sealed class CompiledModelTests
{
    // The sample model classes with nothing but the usings a user would write; the revision and Env classes that share
    // the assembly are not tables.
    private const string Source = """
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using Retort;

        namespace Shop.Models;

        [Table("users")]
        public class User
        {
            [Key, Column("id"), Index] public int Id { get; set; }
            [Column("name"), MaxLength(50)] public string? Name { get; set; }
            [Column("email"), MaxLength(120), Index(Unique = true)] public string? Email { get; set; }
        }

        [Table("orders")]
        public class Order
        {
            [Key, Column("id")] public int Id { get; set; }
            [Column("user_id"), ForeignKey(nameof(User))] public int UserId { get; set; }
            [Column("placed_at"), ServerDefault("CURRENT_TIMESTAMP")] public DateTime PlacedAt { get; set; }
            [Column("total"), Precision(12, 2)] public decimal Total { get; set; }
            public User? User { get; set; }
            public List<OrderItem> Items { get; set; } = [];
        }

        [Table("order_items"), Comment("One line of an order")]
        [Index(nameof(OrderId), nameof(ProductId), Name = "ix_order_items_order_product")]
        [Unique(nameof(OrderId), nameof(LineNo), Name = "uq_order_items_line")]
        [Check("quantity > 0", Name = "ck_order_items_quantity")]
        public class OrderItem
        {
            [Key, Column("id"), DatabaseGenerated(DatabaseGeneratedOption.Identity)] public long Id { get; set; }
            [Column("order_id"), ForeignKey(nameof(Order)), OnDelete("CASCADE")] public int OrderId { get; set; }
            [Column("product_id")] public int ProductId { get; set; }
            [Column("line_no")] public int LineNo { get; set; }
            [Column("quantity")] public int Quantity { get; set; }
            [Column("price", TypeName = "numeric(10,2)")] public decimal Price { get; set; }
            [Column("status"), MaxLength(20), ServerDefault("'new'")] public string Status { get; set; } = "";
            [Column("note"), RenamedFrom("comment"), Comment("free text")] public string? Note { get; set; }
            [Column("shipped_at"), Index(Filter = "shipped_at IS NOT NULL")] public DateTimeOffset? ShippedAt { get; set; }
            public Order? Order { get; set; }
        }

        public sealed class Env : MigrationEnvironment;

        [Revision("c0ffee000001")]
        public sealed class Initial : Migration;
        """;

    [Fact]
    public async Task Model_sources_compiled_with_only_Retort_and_DataAnnotations_usings_read_like_the_same_classes_in_code()
    {
        using var folder = new ScriptFolder();
        string path = folder.Write("Models.cs", Source);

        var compiled = await new ScriptCompiler().CompileAsync([path], folder.Cache);
        var schema = SchemaModel.FromTypes(compiled.Assembly.GetTypes());

        var inCode = SchemaModel.FromTypes([typeof(Samples.Shop.User), typeof(Samples.Shop.Order), typeof(Samples.Shop.OrderItem)]);
        Assert.Equal(ModelSchemaText.Of(inCode), ModelSchemaText.Of(schema));
    }
}
