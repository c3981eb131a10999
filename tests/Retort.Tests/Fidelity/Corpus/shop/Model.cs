// The shop schema: written by hand by a DBA (inline unnamed constraints, names chosen by the database).
// view active_products: SELECT id, sku, name, price FROM products WHERE status = 'active'
// (MariaDB has no expression or partial indexes: its DDL leaves out customers_lower_email_idx and creates
// customers_active_idx and orders_unshipped_idx without their WHERE.)
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json;
using Retort;

namespace Retort.Tests.Fidelity.Corpus.Shop;

[Table("countries")]
public class Country
{
    [Key, Column("code", TypeName = "char(2)")] public string Code { get; set; } = "";
    [Column("name"), MaxLength(100), Unique] public string Name { get; set; } = "";
}

[Table("customers"), Comment("People who buy things")]
[Index("(lower(email))", Name = "customers_lower_email_idx")]
public class Customer
{
    [Key, Column("id")] public int Id { get; set; }
    [Column("email"), MaxLength(255), Unique] public string Email { get; set; } = "";
    [Column("full_name"), MaxLength(200)] public string FullName { get; set; } = "";

    [Column("country_code", TypeName = "char(2)"), ForeignKey(nameof(Country)), OnDelete("SET NULL")]
    public string? CountryCode { get; set; }
    public Country? Country { get; set; }

    [Column("is_active"), ServerDefault("true")] public bool IsActive { get; set; }

    [Column("created_at"), ServerDefault("CURRENT_TIMESTAMP"), Index(Name = "customers_active_idx", Filter = "deleted_at IS NULL")]
    public DateTime CreatedAt { get; set; }

    [Column("deleted_at")] public DateTime? DeletedAt { get; set; }
}

[Table("categories")]
public class Category
{
    [Key, Column("id")] public int Id { get; set; }

    [Column("parent_id"), ForeignKey(nameof(Parent)), OnDelete("CASCADE")] public int? ParentId { get; set; }
    public Category? Parent { get; set; }

    [Column("name"), MaxLength(100)] public string Name { get; set; } = "";
    [Column("slug"), MaxLength(100), Unique] public string Slug { get; set; } = "";
    [Column("sort_order"), ServerDefault("0"), Check("sort_order >= 0")] public short SortOrder { get; set; }
}

[Table("products"), Comment("Things we sell")]
public class Product
{
    [Key, Column("id")] public long Id { get; set; }
    [Column("sku"), MaxLength(32), Unique, Comment("Stock keeping unit, printed on the label")] public string Sku { get; set; } = "";
    [Column("name"), MaxLength(200)] public string Name { get; set; } = "";
    [Column("description")] public string? Description { get; set; }

    [Column("category_id"), ForeignKey(nameof(Category)), OnDelete("RESTRICT"), Index(Name = "products_category_id_idx")]
    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    [Column("price"), Precision(10, 2), Check("price >= 0")] public decimal Price { get; set; }
    [Column("weight_kg"), Comment("Shipping weight in kilograms")] public float? WeightKg { get; set; }
    [Column("stock"), ServerDefault("0"), Check("stock >= 0")] public int Stock { get; set; }

    [Column("status"), MaxLength(20), ServerDefault("'active'"), Check("status IN ('active', 'discontinued', 'draft')")]
    public string Status { get; set; } = "";

    [Column("attributes")] public JsonDocument? Attributes { get; set; }
    [Column("created_at"), ServerDefault("CURRENT_TIMESTAMP")] public DateTimeOffset CreatedAt { get; set; }
}

[Table("addresses")]
public class Address
{
    [Key, Column("id")] public int Id { get; set; }

    [Column("customer_id"), ForeignKey(nameof(Customer)), OnDelete("CASCADE"), Index(Name = "addresses_customer_id_idx")]
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }

    [Column("line1"), MaxLength(200)] public string Line1 { get; set; } = "";
    [Column("line2"), MaxLength(200)] public string? Line2 { get; set; }
    [Column("city"), MaxLength(100)] public string City { get; set; } = "";
    [Column("postal_code"), MaxLength(20)] public string? PostalCode { get; set; }

    [Column("country_code", TypeName = "char(2)"), ForeignKey(nameof(Country)), OnUpdate("CASCADE")]
    public string CountryCode { get; set; } = "";
    public Country? Country { get; set; }

    [Column("is_default"), ServerDefault("false")] public bool IsDefault { get; set; }
}

[Table("orders")]
[Check("shipped_at IS NULL OR shipped_at >= placed_at")]
public class Order
{
    [Key, Column("id")] public long Id { get; set; }

    [Column("customer_id"), ForeignKey(nameof(Customer)), OnDelete("RESTRICT"), Index(Name = "orders_customer_id_idx")]
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }

    [Column("shipping_address_id"), ForeignKey(nameof(ShippingAddress)), OnDelete("SET NULL")]
    public int? ShippingAddressId { get; set; }
    public Address? ShippingAddress { get; set; }

    [Column("status"), MaxLength(20), ServerDefault("'pending'")] public string Status { get; set; } = "";
    [Column("currency", TypeName = "char(3)"), ServerDefault("'EUR'")] public string Currency { get; set; } = "";

    [Column("placed_at"), ServerDefault("CURRENT_TIMESTAMP"), Index(Name = "orders_unshipped_idx", Filter = "shipped_at IS NULL")]
    public DateTime PlacedAt { get; set; }

    [Column("shipped_at")] public DateTime? ShippedAt { get; set; }
    [Column("total"), Precision(12, 2), ServerDefault("0"), Check("total >= 0")] public decimal Total { get; set; }
    [Column("notes")] public string? Notes { get; set; }
}

[Table("order_items")]
[Check("discount >= 0 AND discount <= unit_price")]
public class OrderItem
{
    [Key, Column("order_id", Order = 0), ForeignKey(nameof(Order)), OnDelete("CASCADE")] public long OrderId { get; set; }
    public Order? Order { get; set; }

    [Key, Column("line_no", Order = 1)] public short LineNo { get; set; }

    [Column("product_id"), ForeignKey(nameof(Product)), OnDelete("NO ACTION"), Index(Name = "order_items_product_id_idx")]
    public long ProductId { get; set; }
    public Product? Product { get; set; }

    [Column("quantity"), Check("quantity BETWEEN 1 AND 100")] public int Quantity { get; set; }
    [Column("unit_price"), Precision(10, 2)] public decimal UnitPrice { get; set; }
    [Column("discount"), Precision(10, 2), ServerDefault("0")] public decimal Discount { get; set; }
}

[Table("payments")]
public class Payment
{
    [Key, Column("id")] public Guid Id { get; set; }

    [Column("order_id"), ForeignKey(nameof(Order)), OnDelete("CASCADE"), Index(Name = "payments_order_id_idx")]
    public long OrderId { get; set; }
    public Order? Order { get; set; }

    [Column("amount"), Precision(10, 2), Check("amount > 0")] public decimal Amount { get; set; }
    [Column("method"), MaxLength(20)] public string Method { get; set; } = "";
    [Column("provider_ref"), MaxLength(100), Unique] public string? ProviderRef { get; set; }
    [Column("paid_at"), ServerDefault("CURRENT_TIMESTAMP")] public DateTimeOffset PaidAt { get; set; }
}

[Table("reviews")]
[Unique(nameof(ProductId), nameof(CustomerId))]
public class Review
{
    [Key, Column("id")] public int Id { get; set; }

    [Column("product_id"), ForeignKey(nameof(Product)), OnDelete("CASCADE")] public long ProductId { get; set; }
    public Product? Product { get; set; }

    [Column("customer_id"), ForeignKey(nameof(Customer)), OnDelete("SET NULL")] public int? CustomerId { get; set; }
    public Customer? Customer { get; set; }

    [Column("rating"), Check("rating BETWEEN 1 AND 5")] public short Rating { get; set; }
    [Column("body")] public string? Body { get; set; }
    [Column("created_at"), ServerDefault("CURRENT_TIMESTAMP")] public DateTime CreatedAt { get; set; }
}

[Table("product_images")]
[Index(nameof(ProductId), nameof(Position), Name = "product_images_product_position_idx", Unique = true)]
public class ProductImage
{
    [Key, Column("id")] public int Id { get; set; }

    [Column("product_id"), ForeignKey(nameof(Product)), OnDelete("CASCADE")] public long ProductId { get; set; }
    public Product? Product { get; set; }

    [Column("position"), ServerDefault("1")] public short Position { get; set; }
    [Column("data")] public byte[] Data { get; set; } = [];
    [Column("alt_text"), MaxLength(200)] public string? AltText { get; set; }
}
