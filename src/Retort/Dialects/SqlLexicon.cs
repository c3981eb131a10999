namespace Retort.Dialects;

/// <summary>
/// A database's lexical rules, as far as <see cref="SqlTokenizer"/> needs them to tell names, strings and comments
/// from the rest: how names and strings are quoted, what escapes inside a string, which comments there are. Each
/// dialect's folder holds its own (<c>SqliteLexicon</c>, <c>PostgresLexicon</c>, <c>MySqlLexicon</c>,
/// <c>SqlServerLexicon</c>).
/// </summary>
internal sealed record SqlLexicon
{
    /// <summary>The rules of standard SQL: <c>"name"</c>, <c>'string'</c>, <c>--</c> and <c>/* */</c> comments.</summary>
    public static SqlLexicon Standard { get; } = new();

    /// <summary>The characters that open and close a quoted name, in which a doubled one stands for one: <c>"</c>, <c>`</c> or both.</summary>
    public string NameQuotes { get; init; } = "\"";

    /// <summary>What a <c>[</c> opens.</summary>
    public SqlBrackets Brackets { get; init; }

    /// <summary>The characters that open a string: <c>'</c>, and in MySQL <c>"</c> too.</summary>
    public string StringQuotes { get; init; } = "'";

    /// <summary>The letters that may stand right before a string's quote as part of it (<c>X'0A'</c>, <c>N'…'</c>, <c>E'…'</c>).</summary>
    public string StringPrefixes { get; init; } = "";

    /// <summary>Whether a backslash escapes the next character in every string (MySQL).</summary>
    public bool BackslashEscapes { get; init; }

    /// <summary>The prefixes of the strings in which a backslash escapes the next character (PostgreSQL's <c>E'…'</c>).</summary>
    public string BackslashPrefixes { get; init; } = "";

    /// <summary>Whether <c>$tag$ … $tag$</c> quotes a string (PostgreSQL).</summary>
    public bool DollarQuotes { get; init; }

    /// <summary>Whether <c>#</c> starts a comment to the end of the line (MySQL).</summary>
    public bool HashComments { get; init; }

    /// <summary>Whether <c>--</c> starts a comment only before a space, a tab, a line end or the end of the text (MySQL).</summary>
    public bool DashCommentsNeedSpace { get; init; }

    /// <summary>Whether a <c>/*</c> inside a <c>/* */</c> comment opens another one that must close first (PostgreSQL, SQL Server).</summary>
    public bool NestedComments { get; init; }

    /// <summary>Whether <c>0x1F</c> is one number rather than <c>0</c> followed by the word <c>x1F</c>.</summary>
    public bool HexNumbers { get; init; }
}

/// <summary>What a <c>[</c> opens in a database's SQL text.</summary>
internal enum SqlBrackets
{
    /// <summary>Nothing: a bracket is a symbol (PostgreSQL's subscripts and array types).</summary>
    Symbol,

    /// <summary>A name, which the first <c>]</c> closes (SQLite).</summary>
    Name,

    /// <summary>A name, in which <c>]]</c> stands for one <c>]</c> (SQL Server).</summary>
    EscapedName,

    /// <summary>
    /// A name where it cannot be a subscript or an array type (<c>a[1]</c>, <c>text[]</c>): a letter or underscore
    /// follows the bracket, and its <c>]</c>, which closes it, comes before any other <c>[</c>.
    /// </summary>
    NameUnlessSubscript,
}
