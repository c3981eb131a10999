using Retort.Schema;

namespace Retort;

/// <summary>An index (named TableIndex so as not to clash with System.Index) over columns or expressions, optionally unique or partial.</summary>
/// <example><code>new TableIndex("ix_users_email", "users", ["email"], unique: true)</code></example>
public sealed record TableIndex
{
    /// <summary>Describes an index.</summary>
    /// <param name="name">The index's name.</param>
    /// <param name="table">The table.</param>
    /// <param name="columns">Column names; an entry in parentheses, such as <c>"(lower(email))"</c>, is an expression.</param>
    /// <param name="unique">A unique index.</param>
    /// <param name="where">A partial index's condition (PostgreSQL, SQLite, SQL Server).</param>
    /// <param name="schema">The table's schema.</param>
    /// <param name="descending">Per entry of <paramref name="columns"/>, whether it sorts descending (<c>[false, true]</c>
    /// for <c>(a, b DESC)</c>); null or all false for an all-ascending index.</param>
    public TableIndex(string name, string table, IReadOnlyList<string> columns, bool unique = false, string? where = null, string? schema = null,
        IReadOnlyList<bool>? descending = null)
    {
        Name = Names.Required(name, "index");
        Table = new TableName(table, schema);
        Columns = columns.Count > 0 ? columns : throw new ArgumentException($"Index {name} needs at least one column");
        Unique = unique;
        Where = where;
        Descending = DescendingOf(name, columns, descending);
    }

    /// <summary>The index's name.</summary>
    public string Name { get; init; }

    /// <summary>The table.</summary>
    public TableName Table { get; init; }

    /// <summary>Columns, and expressions in parentheses.</summary>
    public IReadOnlyList<string> Columns { get; init; }

    /// <summary>A unique index.</summary>
    public bool Unique { get; init; }

    /// <summary>A partial index's condition, or null.</summary>
    public string? Where { get; init; }

    /// <summary>
    /// Per entry of <see cref="Columns"/>, whether it sorts descending; empty when every entry is ascending (so that
    /// an all-ascending index reads, writes and compares the same however it was declared).
    /// </summary>
    public IReadOnlyList<bool> Descending
    {
        get;
        init => field = DescendingOf(Name, Columns, value);
    }

    /// <summary>Whether entry <paramref name="position"/> of <see cref="Columns"/> sorts descending.</summary>
    public bool IsDescending(int position) => Descending.Count > position && Descending[position];

    /// <summary>
    /// Whether the name is the model's convention (<c>ix_users_email</c>) rather than one its author gave: autogenerate
    /// then takes a live index of another name over the same columns as this one.
    /// </summary>
    public bool ImplicitName { get; init; }

    /// <summary>Whether an entry of <see cref="Columns"/> is an expression rather than a column name.</summary>
    public static bool IsExpression(string entry) => entry.StartsWith('(');

    /// <summary>Equal when every part is, the lists compared entry by entry.</summary>
    public bool Equals(TableIndex? other) =>
        other is not null && Name == other.Name && Table == other.Table && Columns.SequenceEqual(other.Columns) && Unique == other.Unique
        && Where == other.Where && Descending.SequenceEqual(other.Descending) && ImplicitName == other.ImplicitName;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Table, Columns.Count, Unique, Where, Descending.Count(d => d));

    private static IReadOnlyList<bool> DescendingOf(string name, IReadOnlyList<string> columns, IReadOnlyList<bool>? descending)
    {
        if (descending is null || !descending.Contains(true))
            return [];
        return descending.Count == columns.Count ? [.. descending]
            : throw new ArgumentException($"Index {name} has {columns.Count} column(s) and {descending.Count} descending flag(s); give one flag per column");
    }
}
