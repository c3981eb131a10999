namespace Retort.Dialects.Sqlite;

/// <summary>
/// SQLite's lexical rules (https://www.sqlite.org/lang_keywords.html, https://www.sqlite.org/lang_expr.html#literal_values_constants_):
/// names quoted as <c>"x"</c>, <c>[x]</c> or <c>`x`</c>, blobs as <c>X'0A'</c>, hexadecimal integers as <c>0x1F</c>;
/// no escapes inside strings but a doubled quote; <c>--</c> and <c>/* */</c> comments, which do not nest.
/// </summary>
internal static class SqliteLexicon
{
    public static readonly SqlLexicon Rules = new() { NameQuotes = "\"`", Brackets = SqlBrackets.Name, StringPrefixes = "xX", HexNumbers = true };
}
