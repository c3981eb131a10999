using System.Text;

namespace Retort.Dialects.MySql;

/// <summary>MySQL's and MariaDB's type names, and the way back from the catalog's.</summary>
internal static partial class MySqlTypes
{
    /// <remarks>
    /// Text and unbounded binary are the LONG variants: plain TEXT and BLOB stop at 64 KB, which is not
    /// "without a length limit" (https://dev.mysql.com/doc/refman/8.0/en/storage-requirements.html#data-types-storage-reqs-strings).
    /// Times keep microseconds (precision 6; the default 0 drops fractions). A date and time with time zone is a
    /// TIMESTAMP, which stores an instant (converted from and to the session's time zone) but ends in 2038:
    /// https://dev.mysql.com/doc/refman/8.0/en/datetime.html. MySQL has no UUID type, MariaDB has since 10.7:
    /// https://mariadb.com/kb/en/uuid-data-type/. DECIMAL without a precision is DECIMAL(10, 0).
    /// </remarks>
    public static string Name(SqlType type, bool mariaDb) => type.Kind switch
    {
        SqlTypeKind.SmallInteger => "SMALLINT",
        SqlTypeKind.Integer => "INT",
        SqlTypeKind.BigInteger => "BIGINT",
        SqlTypeKind.String => $"VARCHAR({type.Length})",
        SqlTypeKind.Char => $"CHAR({type.Length})",
        SqlTypeKind.Text => "LONGTEXT",
        SqlTypeKind.Boolean => "BOOL",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME(6)",
        SqlTypeKind.DateTime => "DATETIME(6)",
        SqlTypeKind.DateTimeOffset => "TIMESTAMP(6)",
        SqlTypeKind.Numeric => SqlTypeNames.Numeric("DECIMAL", type),
        SqlTypeKind.Float => "FLOAT",
        SqlTypeKind.Double => "DOUBLE",
        SqlTypeKind.Binary => type.Length is null ? "LONGBLOB" : $"VARBINARY({type.Length})",
        SqlTypeKind.Guid => mariaDb ? "UUID" : "CHAR(36)",
        SqlTypeKind.Json => "JSON",
        SqlTypeKind.Enum => "ENUM(" + string.Join(", ", type.Values.Select(MySqlLiterals.QuoteString)) + ")",
        _ => type.Name!,
    };

    /// <summary>
    /// The type of a column as information_schema.COLUMNS describes it: the generic type where the
    /// catalog's matches what <see cref="Name"/> writes, the column's own type text otherwise.
    /// </summary>
    public static SqlType FromCatalog(string dataType, string columnType, long? length, long? precision, long? scale,
        long? timePrecision, string columnName)
    {
        var full = columnType.ToLowerInvariant();
        if (full.Contains(" unsigned", StringComparison.Ordinal) || full.Contains(" zerofill", StringComparison.Ordinal))
            return SqlType.Raw(columnType);
        return dataType.ToLowerInvariant() switch
        {
            "smallint" => SqlType.SmallInteger,
            "int" => SqlType.Integer,
            "bigint" => SqlType.BigInteger,
            // BOOL is tinyint(1); MySQL 8 drops other display widths but keeps this one.
            "tinyint" when full == "tinyint(1)" => SqlType.Boolean,
            "varchar" when length is > 0 and <= int.MaxValue => SqlType.String((int)length),
            "char" when length is > 0 and <= int.MaxValue => SqlType.Char((int)length),
            "longtext" => SqlType.Text,
            "date" => SqlType.Date,
            "time" when timePrecision == 6 => SqlType.Time,
            "datetime" when timePrecision == 6 => SqlType.DateTime,
            "timestamp" when timePrecision == 6 => SqlType.DateTimeOffset,
            "decimal" => SqlType.Numeric((int?)precision, (int?)scale),
            "float" when full == "float" => SqlType.Float,
            "double" when full == "double" => SqlType.Double,
            "varbinary" when length is > 0 and <= int.MaxValue => SqlType.Binary((int)length),
            "longblob" => SqlType.Binary(),
            "uuid" => SqlType.Guid,
            "json" => SqlType.Json,
            "enum" => SqlType.Enum(columnName, [.. EnumValues(columnType)]),
            _ => SqlType.Raw(columnType),
        };
    }

    /// <summary>The values of <c>enum('a','O''Brien')</c>, where quotes are doubled and backslashes escaped.</summary>
    internal static IEnumerable<string> EnumValues(string columnType)
    {
        var value = new StringBuilder();
        var inside = false;
        for (var i = columnType.IndexOf('(', StringComparison.Ordinal) + 1; i < columnType.Length; i++)
        {
            var c = columnType[i];
            if (!inside)
            {
                inside = c == '\'';
                continue;
            }
            if (c == '\\' && i + 1 < columnType.Length)
            {
                value.Append(Unescape(columnType[++i]));
            }
            else if (c == '\'' && i + 1 < columnType.Length && columnType[i + 1] == '\'')
            {
                value.Append('\'');
                i++;
            }
            else if (c == '\'')
            {
                yield return value.ToString();
                value.Clear();
                inside = false;
            }
            else
            {
                value.Append(c);
            }
        }
    }

    private static char Unescape(char c) => c switch
    {
        '0' => '\0',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'Z' => '\x1a',
        _ => c,
    };
}
