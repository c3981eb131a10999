using Retort.Schema;

namespace Retort.Model;

/// <summary>
/// One table of a <see cref="SchemaBuilder"/>: its columns, primary key, indexes and constraints. Each method
/// returns the builder, so that a table reads as one sentence.
/// </summary>
/// <example>
/// <code>
/// t.Column("order_id", SqlType.Integer, nullable: false)
///  .Column("line_no", SqlType.Integer, nullable: false)
///  .PrimaryKey(["order_id", "line_no"])
///  .ForeignKey("order_id", references: "orders", onDelete: "CASCADE")
///  .Index(["order_id", "line_no"], name: "ix_lines_order")
///  .Comment("One line of an order");
/// </code>
/// </example>
public sealed partial class TableBuilder
{
    private readonly List<Column> _columns = [];
    private readonly List<IndexSpec> _indexes = [];
    private readonly List<object> _constraints = [];
    private KeySpec? _primaryKey;
    private string? _comment;
    private IReadOnlyList<string> _renamedFrom = [];

    internal TableBuilder(TableName name) => Name = name;

    internal TableName Name { get; }

    /// <summary>Adds a column; the arguments are those of <see cref="Retort.Column"/>.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="type">Its type.</param>
    /// <param name="nullable">Whether it accepts NULL; default true, false for a primary key.</param>
    /// <param name="primaryKey">Part of the primary key (several make a composite key, in column order; use
    /// <see cref="PrimaryKey"/> for another order).</param>
    /// <param name="identity">Numbered by the database; left out, a single integer primary key column is (see <see cref="Retort.Column"/>).</param>
    /// <param name="serverDefault">The default as SQL text.</param>
    /// <param name="comment">The column's comment.</param>
    /// <param name="collation">The collation, as the database spells it.</param>
    /// <param name="renamedFrom">Earlier names: autogenerate renames a live column of such a name.</param>
    /// <param name="computed">The expression that computes the column, as SQL text (a generated column).</param>
    /// <param name="stored">Whether a computed column's values are stored rather than computed when read.</param>
    /// <returns>This builder.</returns>
    public TableBuilder Column(string name, SqlType type, bool? nullable = null, bool primaryKey = false, bool? identity = null,
        string? serverDefault = null, string? comment = null, string? collation = null, IReadOnlyList<string>? renamedFrom = null,
        string? computed = null, bool stored = false) =>
        Column(Guarded(() => new Column(name, type, nullable, primaryKey, identity, serverDefault, comment, collation, computed, stored)
        {
            RenamedFrom = renamedFrom ?? [],
        }));

    /// <summary>Adds a column described in full.</summary>
    /// <returns>This builder.</returns>
    public TableBuilder Column(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_columns.Any(c => c.Name == column.Name))
            throw Error($"column {column.Name} is declared twice");
        _columns.Add(column);
        return this;
    }

    /// <summary>Sets the primary key, named <c>pk_&lt;table&gt;</c> unless <paramref name="name"/> says otherwise.</summary>
    /// <param name="columns">Its columns, in key order.</param>
    /// <param name="name">The constraint's name.</param>
    /// <returns>This builder.</returns>
    public TableBuilder PrimaryKey(IReadOnlyList<string> columns, string? name = null)
    {
        if (_primaryKey is not null)
            throw Error("the primary key is declared twice");
        _primaryKey = new KeySpec(NotEmpty(columns, "a primary key"), name);
        return this;
    }

    /// <summary>Adds an index over one column, named <c>ix_&lt;table&gt;_&lt;column&gt;</c> unless <paramref name="name"/> says otherwise.</summary>
    /// <param name="column">The column.</param>
    /// <param name="unique">A unique index.</param>
    /// <param name="name">The index's name.</param>
    /// <param name="where">A partial index's condition, as SQL.</param>
    /// <param name="descending">Whether the index sorts descending.</param>
    /// <returns>This builder.</returns>
    public TableBuilder Index(string column, bool unique = false, string? name = null, string? where = null, bool descending = false) =>
        Index([column], unique, name, where, descending ? [true] : null);

    /// <summary>Adds an index over columns (an entry in parentheses, <c>"(lower(email))"</c>, is an expression and
    /// needs <paramref name="name"/>), named <c>ix_&lt;table&gt;_&lt;columns&gt;</c> by default; <paramref name="descending"/>
    /// says, per entry, which sort descending (<c>descending: [false, true]</c> for <c>(a, b DESC)</c>).</summary>
    /// <returns>This builder.</returns>
    public TableBuilder Index(IReadOnlyList<string> columns, bool unique = false, string? name = null, string? where = null,
        IReadOnlyList<bool>? descending = null)
    {
        if (descending is not null && descending.Count != columns.Count)
            throw Error($"index over ({string.Join(", ", columns)}) has {descending.Count} descending flag(s) for {columns.Count} column(s); give one per column");
        _indexes.Add(new IndexSpec(NotEmpty(columns, "an index"), unique, name, where, descending));
        return this;
    }

    /// <summary>Adds a unique constraint over one column, named <c>uq_&lt;table&gt;_&lt;column&gt;</c> by default.</summary>
    /// <returns>This builder.</returns>
    public TableBuilder Unique(string column, string? name = null) => Unique([column], name);

    /// <summary>Adds a unique constraint over columns, named <c>uq_&lt;table&gt;_&lt;columns&gt;</c> by default.</summary>
    /// <returns>This builder.</returns>
    public TableBuilder Unique(IReadOnlyList<string> columns, string? name = null)
    {
        _constraints.Add(new KeySpec(NotEmpty(columns, "a unique constraint"), name));
        return this;
    }

    /// <summary>
    /// Adds a foreign key from one column to <paramref name="references"/>, by default to its primary key, named
    /// <c>fk_&lt;table&gt;_&lt;column&gt;_&lt;referenced table&gt;</c> by default.
    /// </summary>
    /// <param name="column">The referencing column of this table.</param>
    /// <param name="references">The referenced table.</param>
    /// <param name="referencedColumn">Its column; null for its primary key (the table must then be declared in this builder).</param>
    /// <param name="onDelete">CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION.</param>
    /// <param name="onUpdate">As <paramref name="onDelete"/>.</param>
    /// <param name="name">The constraint's name.</param>
    /// <param name="referencedSchema">The referenced table's schema.</param>
    /// <returns>This builder.</returns>
    public TableBuilder ForeignKey(string column, string references, string? referencedColumn = null, string? onDelete = null,
        string? onUpdate = null, string? name = null, string? referencedSchema = null) =>
        ForeignKey([column], references, referencedColumn is null ? null : [referencedColumn], onDelete, onUpdate, name, referencedSchema);

    /// <summary>Adds a foreign key over several columns; see the one-column overload.</summary>
    /// <returns>This builder.</returns>
    public TableBuilder ForeignKey(IReadOnlyList<string> columns, string references, IReadOnlyList<string>? referencedColumns = null,
        string? onDelete = null, string? onUpdate = null, string? name = null, string? referencedSchema = null)
    {
        var target = new TableName(Names.Required(references, "referenced table"), referencedSchema);
        _constraints.Add(new ForeignKeySpec(NotEmpty(columns, "a foreign key"), target, referencedColumns,
            Action(onDelete), Action(onUpdate), name));
        return this;
    }

    /// <summary>Adds a check constraint, named <c>ck_&lt;table&gt;_&lt;n&gt;</c> (its position among the table's checks) by default.</summary>
    /// <param name="condition">The condition, as SQL.</param>
    /// <param name="name">The constraint's name.</param>
    /// <returns>This builder.</returns>
    public TableBuilder Check(string condition, string? name = null)
    {
        _constraints.Add(new CheckSpec(string.IsNullOrWhiteSpace(condition) ? throw Error("a check needs its condition") : condition, name));
        return this;
    }

    /// <summary>Adds a constraint described in full, kept as it is.</summary>
    /// <returns>This builder.</returns>
    public TableBuilder Constraint(Constraint constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        if (constraint is PrimaryKey key)
            return PrimaryKey(key.Columns, key.Name);
        _constraints.Add(constraint);
        return this;
    }

    /// <summary>Sets the table's comment.</summary>
    /// <returns>This builder.</returns>
    public TableBuilder Comment(string comment)
    {
        _comment = comment;
        return this;
    }

    /// <summary>Earlier names of the table: autogenerate renames a live table of such a name.</summary>
    /// <returns>This builder.</returns>
    public TableBuilder RenamedFrom(params string[] names)
    {
        _renamedFrom = names;
        return this;
    }

    private string? Action(string? action) => Guarded(() => ReferentialAction.Check(action));

    private IReadOnlyList<string> NotEmpty(IReadOnlyList<string> columns, string what) =>
        columns is { Count: > 0 } && columns.All(c => !string.IsNullOrEmpty(c)) ? [.. columns]
            : throw Error($"{what} needs at least one column, each named");

    private T Guarded<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw Error(e.Message);
        }
    }

    private RetortException Error(string message) => new($"table {Name}: {message}");

    private sealed record KeySpec(IReadOnlyList<string> Columns, string? Name);

    private sealed record IndexSpec(IReadOnlyList<string> Columns, bool Unique, string? Name, string? Where, IReadOnlyList<bool>? Descending);

    private sealed record ForeignKeySpec(IReadOnlyList<string> Columns, TableName Target, IReadOnlyList<string>? TargetColumns,
        string? OnDelete, string? OnUpdate, string? Name);

    private sealed record CheckSpec(string Condition, string? Name);
}
