namespace Retort;

/// <summary>The column's default for autogenerate, as SQL text: <c>"0"</c>, <c>"'new'"</c>, <c>"CURRENT_TIMESTAMP"</c>.</summary>
/// <example><code>[Column("status"), MaxLength(20), ServerDefault("'new'")] public string Status { get; set; } = "";</code></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ServerDefaultAttribute(string sql) : Attribute
{
    /// <summary>The default as SQL; a string literal keeps its quotes.</summary>
    public string Sql { get; } = sql;
}
