namespace Retort.Dialects.MySql;

/// <summary>
/// MySQL's and MariaDB's lexical rules without ANSI_QUOTES, their default: names quoted as <c>`x`</c>, strings in
/// <c>'…'</c> or <c>"…"</c> with a backslash escaping the next character
/// (https://dev.mysql.com/doc/refman/8.0/en/string-literals.html), <c>X'0A'</c>, <c>B'01'</c>, <c>N'…'</c> and
/// <c>0x1F</c>; comments from <c>#</c> or <c>-- </c> (with a space) to the line's end, and <c>/* */</c>
/// (https://dev.mysql.com/doc/refman/8.0/en/comments.html).
/// </summary>
internal static class MySqlLexicon
{
    public static readonly SqlLexicon Rules = new()
    {
        NameQuotes = "`",
        StringQuotes = "'\"",
        StringPrefixes = "xXbBnN",
        BackslashEscapes = true,
        HashComments = true,
        DashCommentsNeedSpace = true,
        HexNumbers = true,
    };
}
