using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

// The README's model example (a User with an Address), plus the Order it refers to.
namespace Retort.Tests.Model.Samples.Shop;

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
