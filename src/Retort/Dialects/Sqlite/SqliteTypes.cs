using System.Globalization;
using System.Text.RegularExpressions;

namespace Retort.Dialects.Sqlite;

/// <summary>
/// SQLite's type names. SQLite keeps the declared name and derives a storage affinity from it
/// (https://www.sqlite.org/datatype3.html#determination_of_column_affinity), so the names stay readable
/// and read back exactly.
/// </summary>
internal static partial class SqliteTypes
{
    public static string Name(SqlType type) => type.Kind switch
    {
        SqlTypeKind.SmallInteger => "SMALLINT",
        SqlTypeKind.Integer => "INTEGER",
        SqlTypeKind.BigInteger => "BIGINT",
        SqlTypeKind.String => $"VARCHAR({type.Length})",
        SqlTypeKind.Char => $"CHAR({type.Length})",
        SqlTypeKind.Text => "TEXT",
        SqlTypeKind.Boolean => "BOOLEAN",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME",
        SqlTypeKind.DateTime => "DATETIME",
        SqlTypeKind.DateTimeOffset => "DATETIMEOFFSET",
        SqlTypeKind.Numeric => SqlTypeNames.Numeric("NUMERIC", type),
        SqlTypeKind.Float => "FLOAT",
        SqlTypeKind.Double => "DOUBLE",
        SqlTypeKind.Binary => "BLOB",
        SqlTypeKind.Guid => "CHAR(36)",
        SqlTypeKind.Json => "JSON",
        SqlTypeKind.Enum => $"VARCHAR({type.Values.Max(v => v.Length)})",
        _ => type.Name!,
    };

    /// <summary>
    /// A declared type read back: the names <see cref="Name"/> writes become their generic kinds, anything else
    /// stays as written. Char(36) and VARCHAR(n) stand for a Guid and an enum too; the declaration cannot tell.
    /// </summary>
    public static SqlType FromDeclared(string declared)
    {
        // A column without a type has BLOB affinity, the same as one declared BLOB.
        if (string.IsNullOrWhiteSpace(declared))
            return SqlType.Binary();
        var match = Declared().Match(declared);
        if (!match.Success)
            return SqlType.Raw(declared);
        var word = match.Groups["word"].Value.ToUpperInvariant();
        int? first = match.Groups["first"].Success ? int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture) : null;
        int? second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : null;
        return (word, first, second) switch
        {
            ("SMALLINT", null, null) => SqlType.SmallInteger,
            ("INTEGER", null, null) => SqlType.Integer,
            ("BIGINT", null, null) => SqlType.BigInteger,
            ("VARCHAR", > 0, null) => SqlType.String(first.Value),
            ("CHAR", > 0, null) => SqlType.Char(first.Value),
            ("TEXT", null, null) => SqlType.Text,
            ("BOOLEAN", null, null) => SqlType.Boolean,
            ("DATE", null, null) => SqlType.Date,
            ("TIME", null, null) => SqlType.Time,
            ("DATETIME", null, null) => SqlType.DateTime,
            ("DATETIMEOFFSET", null, null) => SqlType.DateTimeOffset,
            ("NUMERIC", _, _) => SqlType.Numeric(first, second),
            ("FLOAT", null, null) => SqlType.Float,
            ("DOUBLE", null, null) => SqlType.Double,
            ("BLOB", null, null) => SqlType.Binary(),
            ("JSON", null, null) => SqlType.Json,
            _ => SqlType.Raw(declared),
        };
    }

    [GeneratedRegex(@"^\s*(?<word>[A-Za-z]+)\s*(?:\(\s*(?<first>\d+)\s*(?:,\s*(?<second>\d+)\s*)?\))?\s*$")]
    private static partial Regex Declared();
}
