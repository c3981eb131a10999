namespace Retort;

/// <summary>
/// The ON DELETE action of the foreign key declared by the <c>[ForeignKey]</c> on the same property:
/// <c>CASCADE</c>, <c>SET NULL</c>, <c>SET DEFAULT</c>, <c>RESTRICT</c> or <c>NO ACTION</c>.
/// </summary>
/// <example><code>[Column("order_id"), ForeignKey(nameof(Order)), OnDelete("CASCADE")] public int OrderId { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class OnDeleteAttribute(string action) : Attribute
{
    /// <summary>The action, as SQL words.</summary>
    public string Action { get; } = action;
}

/// <summary>
/// The ON UPDATE action of the foreign key declared by the <c>[ForeignKey]</c> on the same property:
/// <c>CASCADE</c>, <c>SET NULL</c>, <c>SET DEFAULT</c>, <c>RESTRICT</c> or <c>NO ACTION</c>.
/// </summary>
/// <example><code>[ForeignKey(nameof(Customer)), OnUpdate("CASCADE")] public string CustomerCode { get; set; } = "";</code></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class OnUpdateAttribute(string action) : Attribute
{
    /// <summary>The action, as SQL words.</summary>
    public string Action { get; } = action;
}
