namespace Retort;

/// <summary>
/// A check constraint for autogenerate: a SQL condition every row of the class's table must meet. Unnamed, it is
/// called <c>ck_&lt;table&gt;_&lt;n&gt;</c> after its position among the class's checks, so name it.
/// </summary>
/// <example><code>[Check("quantity > 0", Name = "ck_order_items_quantity")] public class OrderItem { ... }</code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class CheckAttribute(string condition) : Attribute
{
    /// <summary>The condition as SQL, with the database's column names.</summary>
    public string Condition { get; } = condition;

    /// <summary>The constraint's name; null for <c>ck_&lt;table&gt;_&lt;n&gt;</c>.</summary>
    public string? Name { get; set; }
}
