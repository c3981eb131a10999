namespace Retort;

/// <summary>
/// An index for autogenerate: on a property, over that property's column; on a class, over the columns of the
/// named properties, in order. Unnamed, it is called <c>ix_&lt;table&gt;_&lt;columns&gt;</c>.
/// </summary>
/// <example>
/// <code>
/// [Index(nameof(OrderId), nameof(ProductId), Name = "ix_order_items_order_product")]
/// [Index(nameof(CustomerId), nameof(PlacedAt), Descending = [false, true])]
/// public class OrderItem
/// {
///     [Column("shipped_at"), Index(Filter = "shipped_at IS NOT NULL")] public DateTimeOffset? ShippedAt { get; set; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public sealed class IndexAttribute(params string[] properties) : Attribute
{
    /// <summary>The C# property names (use <c>nameof</c>) of a class-level index; empty on a property.</summary>
    public IReadOnlyList<string> Properties { get; } = properties;

    /// <summary>The index's name; null for <c>ix_&lt;table&gt;_&lt;columns&gt;</c>.</summary>
    public string? Name { get; set; }

    /// <summary>A unique index.</summary>
    public bool Unique { get; set; }

    /// <summary>
    /// A partial index's condition as SQL (<c>"shipped_at IS NOT NULL"</c>); MySQL and MariaDB, which have no partial
    /// indexes, index every row.
    /// </summary>
    public string? Filter { get; set; }

    /// <summary>
    /// Per column, in order, whether it sorts descending: <c>Descending = [false, true]</c> for <c>(a, b DESC)</c>,
    /// <c>Descending = [true]</c> on a property. Empty (the default) for an ascending index.
    /// </summary>
    public bool[] Descending { get; set; } = [];
}
