using Retort.Schema;

namespace Retort.Model;

/// <summary>
/// A wanted <see cref="DatabaseSchema"/> declared in code, for autogenerate without model classes. It names what
/// the attributes of model classes would name the same way (<c>pk_&lt;table&gt;</c>, <c>ix_&lt;table&gt;_&lt;columns&gt;</c>,
/// <c>uq_…</c>, <c>fk_&lt;table&gt;_&lt;columns&gt;_&lt;referenced table&gt;</c>, <c>ck_&lt;table&gt;_&lt;n&gt;</c>),
/// so classes and builder describe the same schema alike.
/// </summary>
/// <example>
/// <code>
/// var schema = new SchemaBuilder()
///     .Table("users", t => t
///         .Column("id", SqlType.Integer, primaryKey: true, identity: true)
///         .Column("email", SqlType.String(120), nullable: false)
///         .Index("email", unique: true))
///     .Table("orders", t => t
///         .Column("id", SqlType.Integer, primaryKey: true, identity: true)
///         .Column("user_id", SqlType.Integer, nullable: false)
///         .ForeignKey("user_id", references: "users", onDelete: "CASCADE")
///         .Check("id > 0", name: "ck_orders_id"))
///     .Build();
/// </code>
/// </example>
public sealed class SchemaBuilder
{
    private readonly List<TableBuilder> _tables = [];
    private readonly HashSet<TableName> _tableNames = [];
    private readonly List<View> _views = [];
    private readonly List<Sequence> _sequences = [];

    /// <summary>Declares a table; <paramref name="build"/> adds its columns, keys, indexes and constraints.</summary>
    /// <param name="name">The table's name.</param>
    /// <param name="build">Declares the table's parts.</param>
    /// <param name="schema">The table's schema, or null for the database's default one.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Table(string name, Action<TableBuilder> build, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        var table = new TableBuilder(new TableName(Names.Required(name, "table"), schema));
        if (!_tableNames.Add(table.Name))
            throw new RetortException($"table {table.Name} is declared twice");
        build(table);
        _tables.Add(table);
        return this;
    }

    /// <summary>Declares a view and its defining query.</summary>
    /// <returns>This builder.</returns>
    public SchemaBuilder View(string name, string definition, string? schema = null)
    {
        _views.Add(new View(new TableName(Names.Required(name, "view"), schema), definition));
        return this;
    }

    /// <summary>Declares a sequence; bounds and type not given are the database's defaults (SQLite has no sequences).</summary>
    /// <example><code>builder.Sequence("order_numbers", start: 1000, increment: 5)</code></example>
    /// <returns>This builder.</returns>
    public SchemaBuilder Sequence(string name, long start = 1, long increment = 1, long? minValue = null, long? maxValue = null,
        bool cycle = false, SqlType? type = null, string? schema = null)
    {
        try
        {
            _sequences.Add(new Sequence(name, start, increment, minValue, maxValue, cycle, type, schema));
        }
        catch (ArgumentException e)
        {
            throw new RetortException($"sequence {name}: {e.Message}");
        }
        return this;
    }

    /// <summary>The schema declared so far, with default names given and foreign keys resolved.</summary>
    /// <exception cref="RetortException">A declaration is inconsistent: an unknown column, a foreign key to an
    /// undeclared table without its columns, a name used twice.</exception>
    public DatabaseSchema Build()
    {
        var twice = _views.Select(v => v.Name).Concat(_tables.Select(t => t.Name)).Concat(_sequences.Select(q => q.Name))
            .GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new RetortException($"{twice.Key} is declared twice");
        var keys = _tables.ToDictionary(t => t.Name, t => t.KeyColumns());
        var tables = _tables.Select(t => t.Build(keys)).ToList();
        SchemaNames.CheckUnique(tables);
        return new DatabaseSchema(tables, [.. _views]) { Sequences = [.. _sequences] };
    }
}
