namespace Retort.Model;

/// <summary>How <see cref="SchemaModel"/> reads model classes.</summary>
public sealed record ModelOptions
{
    /// <summary>How names of tables and columns are made from C# names where no attribute gives one.</summary>
    public NamingConvention Naming { get; init; } = NamingConvention.AsIs;
}

/// <summary>How a C# class or property name becomes a table or column name when <c>[Table]</c> or <c>[Column]</c> does not name it.</summary>
public enum NamingConvention
{
    /// <summary>The C# name as written: <c>OrderId</c>.</summary>
    AsIs,

    /// <summary>Lower case words joined by underscores: <c>OrderId</c> → <c>order_id</c>, <c>HTTPServer</c> → <c>http_server</c>.</summary>
    SnakeCase,
}
