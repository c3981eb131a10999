using Retort.Schema;

namespace Retort;

/// <summary>A table column.</summary>
/// <example><code>new Column("email", SqlType.String(120), nullable: false, comment: "login")</code></example>
public sealed record Column : TableElement
{
    /// <summary>Describes a column. A primary key column is NOT NULL unless <paramref name="nullable"/> says otherwise.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="type">Its type.</param>
    /// <param name="nullable">Whether it accepts NULL; default true, false for a primary key.</param>
    /// <param name="primaryKey">Part of the table's primary key (several columns make a composite key).</param>
    /// <param name="identity">Numbered by the database (identity, serial, AUTO_INCREMENT, AUTOINCREMENT). Left out, a
    /// table's single integer primary key column without a default or foreign key is numbered, as in SQLAlchemy and
    /// EF Core; <c>identity: false</c> opts out.</param>
    /// <param name="serverDefault">The default as SQL text: <c>"0"</c>, <c>"'new'"</c>, <c>"CURRENT_TIMESTAMP"</c>.</param>
    /// <param name="comment">The column's comment.</param>
    /// <param name="collation">The collation name, as the database spells it.</param>
    /// <param name="computed">The expression, as SQL text, that computes the column from the row's other columns
    /// (a generated column: <c>"price * qty"</c>); null for a plain column. A computed column has no server default
    /// and is never an identity column.</param>
    /// <param name="stored">Whether a computed column's values are stored (STORED, PERSISTED) rather than computed
    /// when read (VIRTUAL); ignored without <paramref name="computed"/>.</param>
    /// <exception cref="ArgumentException">A computed column is given a server default or is an identity column.</exception>
    public Column(string name, SqlType type, bool? nullable = null, bool primaryKey = false, bool? identity = null,
        string? serverDefault = null, string? comment = null, string? collation = null, string? computed = null, bool stored = false)
    {
        if (computed is not null && (string.IsNullOrWhiteSpace(computed) || serverDefault is not null || identity == true))
            throw new ArgumentException(string.IsNullOrWhiteSpace(computed) ? $"column {name}: the computed expression is empty"
                : $"column {name} is computed ({computed}), so it cannot also have {(identity == true ? "identity" : $"the server default {serverDefault}")}: drop one of them",
                nameof(computed));
        Name = Names.Required(name, "column");
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Nullable = nullable ?? !primaryKey;
        PrimaryKey = primaryKey;
        Identity = identity ?? false;
        IdentityUnstated = identity is null;
        ServerDefault = serverDefault;
        Comment = comment;
        Collation = collation;
        Computed = computed;
        Stored = computed is not null && stored;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; init; }

    /// <summary>Its type.</summary>
    public SqlType Type { get; init; }

    /// <summary>Whether it accepts NULL.</summary>
    public bool Nullable { get; init; }

    /// <summary>Part of the primary key.</summary>
    public bool PrimaryKey { get; init; }

    /// <summary>Numbered by the database.</summary>
    public bool Identity { get; init; }

    /// <summary>
    /// The default the model's class suggests (a property initializer, <c>[DefaultValue]</c>), worked out only when a
    /// NOT NULL column without one is added.
    /// </summary>
    internal Func<string?>? SuggestedDefault { get; init; }

    /// <summary>Whether <see cref="Identity"/> was left to convention (see the constructor), rather than stated.</summary>
    internal bool IdentityUnstated { get; init; }

    /// <summary>The default as SQL text, or null for none.</summary>
    public string? ServerDefault { get; init; }

    /// <summary>The comment, or null.</summary>
    public string? Comment { get; init; }

    /// <summary>The collation, or null for the database's default.</summary>
    public string? Collation { get; init; }

    /// <summary>The expression that computes the column (a generated column), as SQL text, or null for a plain column.</summary>
    public string? Computed { get; init; }

    /// <summary>Whether a computed column's values are stored (STORED, PERSISTED) rather than computed when read (VIRTUAL).</summary>
    public bool Stored { get; init; }

    /// <summary>
    /// Earlier names of this column (from the model's <c>[RenamedFrom]</c>): autogenerate renames a live column of
    /// such a name instead of dropping it and adding this one. Empty for live columns.
    /// </summary>
    public IReadOnlyList<string> RenamedFrom { get; init; } = [];

    /// <summary>Equality by what the column is; whether its identity was stated or left to the table does not count.</summary>
    public bool Equals(Column? other) =>
        other is not null && Name == other.Name && Type == other.Type && Nullable == other.Nullable && PrimaryKey == other.PrimaryKey
        && Identity == other.Identity && ServerDefault == other.ServerDefault && Comment == other.Comment && Collation == other.Collation
        && Computed == other.Computed && Stored == other.Stored
        && EqualityComparer<IReadOnlyList<string>>.Default.Equals(RenamedFrom, other.RenamedFrom);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(HashCode.Combine(Name, Type, Nullable, PrimaryKey, Identity, ServerDefault, Comment, Collation), Computed, Stored);
}
