namespace Retort;

/// <summary>
/// A check constraint for autogenerate: a SQL condition every row of the class's table must meet. On the class it is a
/// table-level check; on a property, the column-level check that SQL writes after the column (<c>price numeric CHECK
/// (price &gt;= 0)</c>), which is the same constraint to the database. Unnamed, it is called <c>ck_&lt;table&gt;_&lt;n&gt;</c>
/// after its position among the class's checks (the class's first, then the properties'), and autogenerate takes a
/// live check of another name with the same condition for it, since the database named that one itself.
/// </summary>
/// <example><code>
/// [Check("quantity &gt; 0", Name = "ck_order_items_quantity")] public class OrderItem
/// {
///     [Column("price"), Check("price &gt;= 0")] public decimal Price { get; set; }
/// }
/// </code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public sealed class CheckAttribute(string condition) : Attribute
{
    /// <summary>The condition as SQL, with the database's column names.</summary>
    public string Condition { get; } = condition;

    /// <summary>The constraint's name; null for <c>ck_&lt;table&gt;_&lt;n&gt;</c>.</summary>
    public string? Name { get; set; }
}
