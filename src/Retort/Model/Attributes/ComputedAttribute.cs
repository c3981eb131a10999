namespace Retort;

/// <summary>
/// Makes the column computed (a generated column): the database works out its value from the row's other columns with
/// the expression, given as SQL text. Stored (STORED, PERSISTED) keeps the values on disk; otherwise they are computed
/// when read (VIRTUAL), which PostgreSQL does not have.
/// </summary>
/// <example><code>[Computed("price * qty", Stored = true)] public decimal Total { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ComputedAttribute(string sql) : Attribute
{
    /// <summary>The expression as SQL, naming the table's columns by their column names.</summary>
    public string Sql { get; } = sql;

    /// <summary>Whether the values are stored rather than computed when read; false unless set.</summary>
    public bool Stored { get; set; }
}
