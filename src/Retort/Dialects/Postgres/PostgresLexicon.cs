namespace Retort.Dialects.Postgres;

/// <summary>
/// PostgreSQL's lexical rules (https://www.postgresql.org/docs/current/sql-syntax-lexical.html): names quoted as
/// <c>"x"</c>; strings in <c>'…'</c>, with a backslash escaping only in <c>E'…'</c>, and dollar-quoted as
/// <c>$$…$$</c> or <c>$tag$…$tag$</c>; <c>B'01'</c>, <c>X'1F'</c>, <c>N'…'</c> and (from 16) <c>0x1F</c>; <c>--</c>
/// comments and <c>/* */</c> ones, which nest; brackets are subscripts and array types, never quotes.
/// </summary>
internal static class PostgresLexicon
{
    public static readonly SqlLexicon Rules = new()
    {
        StringPrefixes = "eEbBxXnN",
        BackslashPrefixes = "eE",
        DollarQuotes = true,
        NestedComments = true,
        HexNumbers = true,
    };
}
