namespace Retort;

/// <summary>
/// A unique constraint for autogenerate: on a property, over that property's column; on a class, over the columns
/// of the named properties. Unnamed, it is called <c>uq_&lt;table&gt;_&lt;columns&gt;</c>.
/// </summary>
/// <example>
/// <code>
/// [Unique(nameof(OrderId), nameof(LineNo), Name = "uq_order_items_line")]
/// public class OrderItem { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public sealed class UniqueAttribute(params string[] properties) : Attribute
{
    /// <summary>The C# property names (use <c>nameof</c>) of a class-level constraint; empty on a property.</summary>
    public IReadOnlyList<string> Properties { get; } = properties;

    /// <summary>The constraint's name; null for <c>uq_&lt;table&gt;_&lt;columns&gt;</c>.</summary>
    public string? Name { get; set; }
}
