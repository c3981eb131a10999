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
        var text = Spacing().Replace(typeName.Trim().ToLowerInvariant(), " ");
        text = AroundPunctuation().Replace(text, "$1$2");
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spacing();

    [GeneratedRegex(@"\s*([(,])\s*|\s*(\))")]
    private static partial Regex AroundPunctuation();

    [GeneratedRegex(@"^(integer|numeric|dec|fixed|double precision|real|character varying|char varying|national varchar|nvarchar|national char|nchar|character)\b")]
    private static partial Regex Synonym();

    [GeneratedRegex(@"^decimal\((\d+)\)")]
    private static partial Regex DecimalPrecision();

    [GeneratedRegex(@"^(datetime|timestamp|time)\(0\)")]
    private static partial Regex ZeroPrecision();

    [GeneratedRegex(@"^(tinyint|smallint|mediumint|int|bigint)\(\d+\)")]
    private static partial Regex DisplayWidth();
}
