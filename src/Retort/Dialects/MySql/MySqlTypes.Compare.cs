using System.Text.RegularExpressions;

namespace Retort.Dialects.MySql;

internal static partial class MySqlTypes
{
    /// <summary>
    /// A type name in the catalog's spelling (COLUMN_TYPE), so that the synonyms MySQL accepts compare equal:
    /// BOOL is <c>tinyint(1)</c>, INTEGER <c>int</c>, display widths other than tinyint(1)'s drop
    /// (MySQL 8 drops them, MariaDB keeps them), DECIMAL is <c>decimal(10,0)</c>, REAL <c>double</c>.
    /// </summary>
    public static string Canonical(string typeName)
    {
        var text = SqlTypeNames.Tidy(typeName);
        text = text switch
        {
            "bool" or "boolean" => "tinyint(1)",
            "decimal" or "numeric" or "dec" or "fixed" => "decimal(10,0)",
            "char" or "character" => "char(1)",
            _ => text,
        };
        text = Synonym().Replace(text, m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "integer" => "int",
            "numeric" or "dec" or "fixed" => "decimal",
            "double precision" or "real" => "double",
            "character varying" or "char varying" or "nvarchar" or "national varchar" => "varchar",
            "character" or "nchar" or "national char" => "char",
            var same => same,
        });
        text = DecimalPrecision().Replace(text, "decimal($1,0)");
        text = ZeroPrecision().Replace(text, "$1");
        return DisplayWidth().Replace(text, m => m.Value == "tinyint(1)" ? m.Value : m.Groups[1].Value);
    }

    /// <summary>
    /// Whether a column of the stored type (in <see cref="Canonical"/>'s spelling) holds the generic kind's values
    /// as the kind's own type would, so that a model written for any database agrees with a table a person made:
    /// unbounded text is TEXT, MEDIUMTEXT or LONGTEXT (what fits is the only difference); a date and time is DATETIME
    /// of any precision, and so is one with an offset, which MySQL cannot keep (TIMESTAMP converts to UTC, DATETIME
    /// keeps the local time); a time of day is TIME of any precision; a Guid is MariaDB's UUID or CHAR(36); JSON is
    /// LONGTEXT on MariaDB, whose JSON is an alias of it (https://mariadb.com/kb/en/json-data-type/).
    /// </summary>
    public static bool Stores(SqlTypeKind kind, string stored, bool mariaDb)
    {
        var word = stored.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? stored[..open] : stored;
        return kind switch
        {
            SqlTypeKind.Text => word is "text" or "mediumtext" or "longtext" && stored == word,
            SqlTypeKind.DateTime => word == "datetime",
            SqlTypeKind.DateTimeOffset => word is "timestamp" or "datetime",
            SqlTypeKind.Time => word == "time",
            SqlTypeKind.Guid => stored is "uuid" or "char(36)",
            SqlTypeKind.Json => stored == "json" || mariaDb && stored == "longtext",
            _ => false,
        };
    }

    [GeneratedRegex(@"^(integer|numeric|dec|fixed|double precision|real|character varying|char varying|national varchar|nvarchar|national char|nchar|character)\b")]
    private static partial Regex Synonym();

    [GeneratedRegex(@"^decimal\((\d+)\)")]
    private static partial Regex DecimalPrecision();

    [GeneratedRegex(@"^(datetime|timestamp|time)\(0\)")]
    private static partial Regex ZeroPrecision();

    [GeneratedRegex(@"^(tinyint|smallint|mediumint|int|bigint)\(\d+\)")]
    private static partial Regex DisplayWidth();
}
