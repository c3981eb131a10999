using System.Text.RegularExpressions;

namespace Retort.Dialects.Sqlite;

/// <summary>What autogenerate counts as no change on SQLite.</summary>
public sealed partial class SqliteDialect
{
    /// <summary>False: SQLite keeps no comments, so comments in the model are not compared.</summary>
    public override bool KeepsComments => false;

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
           && Affinity(TypeName(wanted)) == Affinity(TypeName(live))
           && Arguments(TypeName(wanted)) is var w && Arguments(TypeName(live)) is var l && (w is null || l is null || w == l);

    /// <summary>An identity column is always declared INTEGER (the rowid), whatever integer size the model gives it.</summary>
    public override bool SameColumnType(Column wanted, Column live) =>
        wanted.Identity && live.Identity && IsInteger(wanted.Type) && IsInteger(live.Type) || base.SameColumnType(wanted, live);

    private static bool IsInteger(SqlType type) => type.Kind is SqlTypeKind.SmallInteger or SqlTypeKind.Integer or SqlTypeKind.BigInteger;

    /// <summary>The affinity rules of https://www.sqlite.org/datatype3.html#determination_of_column_affinity, in their order.</summary>
    internal static string Affinity(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal))
            return "INTEGER";
        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal))
            return "TEXT";
        if (type.Contains("BLOB", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(type))
            return "BLOB";
        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal))
            return "REAL";
        return "NUMERIC";
    }

    private static string? Arguments(string declared) =>
        ArgumentsPattern().Match(declared) is { Success: true } m ? Regex.Replace(m.Value, @"\s", "") : null;

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex ArgumentsPattern();
}
