using Retort.Schema;

namespace Retort;

/// <summary>A primary key over one or more columns.</summary>
/// <example><code>new PrimaryKey("pk_order_items", "order_id", "line_no")</code></example>
public sealed record PrimaryKey(string? Name, IReadOnlyList<string> Columns) : Constraint(Name)
{
    /// <summary>A primary key over <paramref name="columns"/>.</summary>
    public PrimaryKey(string? name, params string[] columns) : this(name, (IReadOnlyList<string>)columns) { }
}

/// <summary>A unique constraint.</summary>
/// <example><code>new UniqueConstraint("uq_users_email", "email")</code></example>
public sealed record UniqueConstraint(string? Name, IReadOnlyList<string> Columns) : Constraint(Name)
{
    /// <summary>A unique constraint over <paramref name="columns"/>.</summary>
    public UniqueConstraint(string? name, params string[] columns) : this(name, (IReadOnlyList<string>)columns) { }
}

/// <summary>A check constraint: a SQL condition every row must meet.</summary>
/// <example><code>new CheckConstraint("ck_users_age", "age >= 0")</code></example>
public sealed record CheckConstraint(string? Name, string Condition) : Constraint(Name)
{
    /// <summary>
    /// The column whose definition holds the check, for a check MariaDB reads back as column-level (declared after a
    /// column): MariaDB drops such a check only by restating the column; null for a table-level check.
    /// </summary>
    public string? Column { get; init; }

    /// <summary>Equality by name and condition; where the database keeps the check does not count.</summary>
    public bool Equals(CheckConstraint? other) => other is not null && base.Equals(other) && Condition == other.Condition;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Condition);
}

/// <summary>A foreign key from this table's columns to another table's.</summary>
/// <example><code>new ForeignKey("fk_orders_user", ["user_id"], "users", ["id"], onDelete: "CASCADE")</code></example>
public sealed record ForeignKey : Constraint
{
    /// <summary>Describes a foreign key.</summary>
    /// <param name="name">The constraint's name.</param>
    /// <param name="columns">The referencing columns of this table.</param>
    /// <param name="referencedTable">The referenced table.</param>
    /// <param name="referencedColumns">Its columns, in the same order.</param>
    /// <param name="onDelete">CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION.</param>
    /// <param name="onUpdate">As <paramref name="onDelete"/>.</param>
    /// <param name="deferrable">DEFERRABLE (PostgreSQL, SQLite).</param>
    /// <param name="initiallyDeferred">INITIALLY DEFERRED.</param>
    /// <param name="referencedSchema">The referenced table's schema.</param>
    public ForeignKey(string? name, IReadOnlyList<string> columns, string referencedTable, IReadOnlyList<string> referencedColumns,
        string? onDelete = null, string? onUpdate = null, bool deferrable = false, bool initiallyDeferred = false,
        string? referencedSchema = null) : base(name)
    {
        if (columns.Count == 0 || columns.Count != referencedColumns.Count)
            throw new ArgumentException($"Foreign key {name}: {columns.Count} column(s) refer to {referencedColumns.Count}; they must pair up");
        Columns = columns;
        ReferencedTable = new TableName(referencedTable, referencedSchema);
        ReferencedColumns = referencedColumns;
        OnDelete = ReferentialAction.Check(onDelete);
        OnUpdate = ReferentialAction.Check(onUpdate);
        Deferrable = deferrable;
        InitiallyDeferred = initiallyDeferred;
    }

    /// <summary>The referencing columns.</summary>
    public IReadOnlyList<string> Columns { get; init; }

    /// <summary>The referenced table.</summary>
    public TableName ReferencedTable { get; init; }

    /// <summary>The referenced columns.</summary>
    public IReadOnlyList<string> ReferencedColumns { get; init; }

    /// <summary>The ON DELETE action, or null for the database's default.</summary>
    public string? OnDelete { get; init; }

    /// <summary>The ON UPDATE action, or null for the database's default.</summary>
    public string? OnUpdate { get; init; }

    /// <summary>DEFERRABLE.</summary>
    public bool Deferrable { get; init; }

    /// <summary>INITIALLY DEFERRED.</summary>
    public bool InitiallyDeferred { get; init; }
}
