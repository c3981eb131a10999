namespace Retort.Dialects.Sqlite;

/// <summary>What autogenerate counts as no change on SQLite.</summary>
internal sealed class SqliteEcho(SqliteDialect dialect) : SchemaEcho(dialect)
{
    /// <summary>False: SQLite keeps no comments, so comments in the model are not compared.</summary>
    public override bool KeepsComments => false;

    /// <summary>True: a batch rebuilds the table without the constraint (https://www.sqlite.org/lang_altertable.html#otheralter).</summary>
    public override bool DropsUnnamedConstraints => true;

    /// <summary>
    /// A table's one INTEGER PRIMARY KEY column is the rowid, which SQLite numbers itself
    /// (https://www.sqlite.org/lang_createtable.html#rowid); AUTOINCREMENT only stops numbers being used again.
    /// </summary>
    public override bool NumbersImplicitly(Table live, Column column) =>
        column.PrimaryKey && live.PrimaryKeyColumns.Count == 1 && column.Type == SqlType.Integer && column.Identity;

    /// <summary>SQLite compares names without regard to ASCII case (https://www.sqlite.org/lang_keywords.html).</summary>
    public override StringComparer NameComparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// The same declared type, or, where one side is a database's own type name (a table made by another tool:
    /// <c>INT</c>, <c>NVARCHAR(40)</c>), the same storage affinity with the same length where both give one:
    /// SQLite stores and compares such columns alike (https://www.sqlite.org/datatype3.html#type_affinity).
    /// </summary>
    public override bool SameType(SqlType wanted, SqlType live) =>
        base.SameType(wanted, live)
        || (wanted.Kind == SqlTypeKind.Raw || live.Kind == SqlTypeKind.Raw)
           && SqliteTypes.Affinity(Dialect.TypeName(wanted)) == SqliteTypes.Affinity(Dialect.TypeName(live))
           && SqliteTypes.Arguments(Dialect.TypeName(wanted)) is var w && SqliteTypes.Arguments(Dialect.TypeName(live)) is var l && (w is null || l is null || w == l);

    /// <summary>Defaults as SQLite stores them: TRUE and FALSE are 1 and 0 (https://www.sqlite.org/lang_expr.html#booleanexpr).</summary>
    private protected override List<SqlToken> DefaultTokens(string sql) => WithBooleansAsNumbers(SqlEcho.Tokens(sql));

    /// <summary>An identity column is always declared INTEGER (the rowid), whatever integer size the model gives it.</summary>
    public override bool SameColumnType(Column wanted, Column live) =>
        wanted.Identity && live.Identity && IsInteger(wanted.Type) && IsInteger(live.Type) || base.SameColumnType(wanted, live);

    /// <summary>
    /// The same storage affinity (https://www.sqlite.org/datatype3.html#type_affinity): SQLite keeps the declared
    /// type's text but stores, converts and compares values by the affinity alone, so <c>FLOAT</c> and <c>DOUBLE</c>,
    /// <c>VARCHAR(50)</c> and <c>TEXT</c>, <c>DATETIME</c> and <c>TIMESTAMP</c> hold the same values and a rebuild to
    /// change one into the other would change nothing but the text.
    /// </summary>
    public override bool SameStoredType(Column wanted, Column live) =>
        SameColumnType(wanted, live) || SqliteTypes.Affinity(ColumnTypeName(wanted)) == SqliteTypes.Affinity(ColumnTypeName(live))
        || Stores(wanted.Type.Kind, SqliteTypes.Affinity(ColumnTypeName(live))) || Stores(live.Type.Kind, SqliteTypes.Affinity(ColumnTypeName(wanted)));

    // The affinities mappers give a generic type's values besides Retort's own: EF Core writes booleans as INTEGER,
    // dates, times, decimals, Guids and JSON as TEXT (https://learn.microsoft.com/ef/core/providers/sqlite/limitations),
    // which holds the same values as Retort's NUMERIC-affinity BOOLEAN, DATETIME, NUMERIC and JSON.
    private static bool Stores(SqlTypeKind kind, string affinity) => kind switch
    {
        SqlTypeKind.Boolean => affinity is "INTEGER" or "NUMERIC",
        SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.DateTime or SqlTypeKind.DateTimeOffset or SqlTypeKind.Numeric
            or SqlTypeKind.Json or SqlTypeKind.Guid => affinity is "TEXT" or "NUMERIC",
        _ => false,
    };

    private string ColumnTypeName(Column column) => column.Identity ? "INTEGER" : Dialect.TypeName(column.Type);

    private static bool IsInteger(SqlType type) => type.Kind is SqlTypeKind.SmallInteger or SqlTypeKind.Integer or SqlTypeKind.BigInteger;
}
