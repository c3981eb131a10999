namespace Retort;

/// <summary>
/// Makes a class a view of the model instead of a table: the view's name and its defining query, which autogenerate
/// creates, replaces and drops as it does a view declared with <c>SchemaBuilder.View</c>. The class's properties are
/// not read (they may describe the view's rows for the application).
/// </summary>
/// <example><code>
/// [View("active_products", "SELECT id, sku, name FROM products WHERE status = 'active'")]
/// public class ActiveProduct { public int Id { get; set; } }
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ViewAttribute(string name, string definition) : Attribute
{
    /// <summary>The view's name.</summary>
    public string Name { get; } = name;

    /// <summary>The view's query, as CREATE VIEW takes it after <c>AS</c>.</summary>
    public string Definition { get; } = definition;

    /// <summary>The view's schema, or null for the database's default one.</summary>
    public string? Schema { get; set; }
}
