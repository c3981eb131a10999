namespace Retort.Autogenerate;

/// <summary>What autogenerate compares, as <c>retort.json</c> and <c>Env.cs</c> set it.</summary>
/// <example><code>
/// new CompareOptions { CompareServerDefault = true, Include = o => !o.Table.Name.StartsWith("tmp_") }
/// </code></example>
public sealed record CompareOptions
{
    /// <summary>Compare column types (with each dialect's equivalences); on by default, as in Alembic.</summary>
    public bool CompareType { get; init; } = true;

    /// <summary>
    /// Compare server defaults; off by default, as in Alembic, because databases rewrite defaults in ways
    /// no rule set catches entirely (an expression may come back deparsed).
    /// </summary>
    public bool CompareServerDefault { get; init; }

    /// <summary>
    /// Compare the names of indexes and constraints that the model leaves to convention (<c>[Unique]</c> without
    /// <c>Name</c>): off by default, so a live object of another name that does the same (a name the database chose,
    /// such as PostgreSQL's <c>users_email_key</c> or MariaDB's <c>email_2</c>) is the model's object, and nothing is
    /// dropped and created again for a name. On, such an object is dropped and created under the conventional name.
    /// </summary>
    public bool CompareImplicitNames { get; init; }

    /// <summary>
    /// On SQLite, compare declared column types by their text (<c>VARCHAR(50)</c> against <c>VARCHAR(80)</c>,
    /// <c>FLOAT</c> against <c>DOUBLE</c>): off by default, since SQLite stores and compares values by the type's
    /// affinity alone (https://www.sqlite.org/datatype3.html), so such a change is not worth a table rebuild.
    /// </summary>
    public bool CompareDeclaredTypes { get; init; }

    /// <summary>
    /// Decides, object by object and side by side, what takes part: an object it refuses is treated as
    /// absent on that side. Null includes everything.
    /// </summary>
    public Func<SchemaObject, bool>? Include { get; init; }

    /// <summary>The version table, which is never compared on either side (callers leave it out of the live schema too).</summary>
    public TableName VersionTable { get; init; } = new("retort_version");

    /// <summary>The switches <c>retort.json</c> sets, comparing all but <paramref name="versionTable"/>.</summary>
    public static CompareOptions From(Configuration.RetortConfig config, TableName versionTable) => new()
    {
        CompareType = config.CompareType,
        CompareServerDefault = config.CompareServerDefault,
        CompareImplicitNames = config.CompareImplicitNames,
        CompareDeclaredTypes = config.CompareDeclaredTypes,
        VersionTable = versionTable,
    };
}

/// <summary>The kinds of schema object that <see cref="CompareOptions.Include"/> is asked about.</summary>
public enum SchemaObjectKind
{
    /// <summary>A table.</summary>
    Table,
    /// <summary>A column.</summary>
    Column,
    /// <summary>An index.</summary>
    Index,
    /// <summary>A unique constraint.</summary>
    Unique,
    /// <summary>A foreign key.</summary>
    ForeignKey,
    /// <summary>A check constraint.</summary>
    Check,
    /// <summary>A view.</summary>
    View,
    /// <summary>A sequence (its name is in <see cref="SchemaObject.Table"/> too).</summary>
    Sequence,
}

/// <summary>
/// One object that autogenerate is about to compare, for <see cref="CompareOptions.Include"/>: its kind, its
/// table (the view or sequence itself for a view or sequence), its name (the table's for a table; null for an unnamed constraint),
/// and whether it is the live one (read from the database) or the wanted one (from the model).
/// </summary>
public sealed record SchemaObject(SchemaObjectKind Kind, TableName Table, string? Name, bool IsLive);
