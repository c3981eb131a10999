using System.Text.RegularExpressions;

namespace Retort.Dialects;

/// <summary>Type spellings shared by the dialects' type maps.</summary>
internal static partial class SqlTypeNames
{
    /// <summary><c>WORD</c>, <c>WORD(p)</c> or <c>WORD(p, s)</c> for a numeric type.</summary>
    public static string Numeric(string word, SqlType type) =>
        type.Precision is null ? word : type.Scale is null ? $"{word}({type.Precision})" : $"{word}({type.Precision}, {type.Scale})";

    /// <summary>
    /// A type name in one spelling of case and spacing, where catalogs differ from what people write: lower case,
    /// single spaces, none around parentheses and commas (<c>NUMERIC ( 10, 2 )</c> is <c>numeric(10,2)</c>).
    /// </summary>
    public static string Tidy(string typeName) =>
        AroundPunctuation().Replace(Spacing().Replace(typeName.Trim().ToLowerInvariant(), " "), "$1$2");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spacing();

    [GeneratedRegex(@"\s*([(,])\s*|\s*(\))")]
    private static partial Regex AroundPunctuation();
}
