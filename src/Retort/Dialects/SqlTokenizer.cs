using System.Text;

namespace Retort.Dialects;

/// <summary>What a token of SQL text is.</summary>
internal enum SqlTokenKind { Word, QuotedName, String, Number, Symbol }

/// <summary>
/// A token of SQL text, which spans <see cref="Start"/> to <see cref="End"/> (exclusive) of its source.
/// <see cref="Text"/> is a quoted name's name and a string's content, without their quotes and with a doubled quote
/// read as one (an escape with a backslash stays as written); the source text of any other token.
/// </summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Start, int End)
{
    /// <summary>Whether the token is the symbol, or the word in any case, <paramref name="symbolOrWord"/>.</summary>
    public bool Is(string symbolOrWord) => Kind is SqlTokenKind.Symbol or SqlTokenKind.Word && string.Equals(Text, symbolOrWord, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the token is a name: a word or a quoted name.</summary>
    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedName;
}

/// <summary>
/// Splits SQL text into words, quoted names, strings, numbers and symbols by a database's <see cref="SqlLexicon"/>,
/// leaving out whitespace and comments. What the tokens mean is the caller's: the echo compares them, SQLite's
/// inspector reads its DDL with them, MySQL's scripts look for semicolons among them, a batch finds columns in them.
/// </summary>
internal static class SqlTokenizer
{
    // Operators read as one symbol, so that a comparison or a cast is not taken apart.
    private static readonly string[] Pairs = ["::", "<=", ">=", "<>", "!=", "||", "->"];

    /// <summary>The tokens of <paramref name="sql"/>, read as they are asked for.</summary>
    public static IEnumerable<SqlToken> Tokens(string sql, SqlLexicon lexicon)
    {
        var i = 0;
        while (i < sql.Length)
        {
            var (token, next) = Next(sql, i, lexicon);
            i = next;
            if (token is { } found)
                yield return found;
        }
    }

    /// <summary>All the tokens of <paramref name="sql"/>.</summary>
    public static List<SqlToken> Read(string sql, SqlLexicon lexicon) => Tokens(sql, lexicon).ToList();

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>, or -1 when none does.</summary>
    public static int Closing(IReadOnlyList<SqlToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Is("("))
                depth++;
            else if (tokens[i].Is(")") && --depth == 0)
                return i;
        }
        return -1;
    }

    /// <summary>
    /// The indexes of the commas from <paramref name="first"/> to before <paramref name="end"/> that stand outside
    /// the parentheses opened there: where a list of columns, arguments or clauses divides.
    /// </summary>
    public static IEnumerable<int> TopLevelCommas(IReadOnlyList<SqlToken> tokens, int first, int end)
    {
        var depth = 0;
        for (var i = first; i < end; i++)
        {
            if (tokens[i].Is("("))
                depth++;
            else if (tokens[i].Is(")"))
                depth--;
            else if (depth == 0 && tokens[i].Is(","))
                yield return i;
        }
    }

    // The token that starts at i (none for whitespace and comments) and where the next one starts.
    private static (SqlToken? Token, int Next) Next(string sql, int i, SqlLexicon lexicon)
    {
        var c = sql[i];
        if (char.IsWhiteSpace(c))
            return (null, i + 1);
        if (CommentEnd(sql, i, lexicon) is var commentEnd and >= 0)
            return (null, commentEnd);
        if (lexicon.StringQuotes.Contains(c))
            return Quoted(SqlTokenKind.String, sql, i, i, lexicon.BackslashEscapes);
        if (lexicon.StringPrefixes.Contains(c) && At(sql, i + 1) == '\'')
            return Quoted(SqlTokenKind.String, sql, i, i + 1, lexicon.BackslashEscapes || lexicon.BackslashPrefixes.Contains(c));
        if (c == '$' && lexicon.DollarQuotes && DollarTag(sql, i) is { } tag)
            return DollarQuoted(sql, i, tag);
        if (lexicon.NameQuotes.Contains(c))
            return Quoted(SqlTokenKind.QuotedName, sql, i, i, backslash: false);
        if (c == '[' && OpensName(sql, i, lexicon.Brackets))
            return Quoted(SqlTokenKind.QuotedName, sql, i, i, backslash: false, doubled: lexicon.Brackets == SqlBrackets.EscapedName);
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(sql, i + 1))))
            return Number(sql, i, lexicon.HexNumbers);
        if (char.IsLetter(c) || c == '_' || c > 127)
        {
            var end = i + 1;
            while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] is '_' or '$' || sql[end] > 127))
                end++;
            return (new(SqlTokenKind.Word, sql[i..end], i, end), end);
        }
        var length = Array.Exists(Pairs, pair => string.CompareOrdinal(sql, i, pair, 0, 2) == 0) ? 2 : 1;
        return (new(SqlTokenKind.Symbol, sql.Substring(i, length), i, i + length), i + length);
    }

    // Where the comment that starts at i ends (a line comment at its line's end), or -1 when none starts there.
    private static int CommentEnd(string sql, int i, SqlLexicon lexicon)
    {
        var next = At(sql, i + 1);
        if (sql[i] == '-' && next == '-' && (!lexicon.DashCommentsNeedSpace || i + 2 == sql.Length || sql[i + 2] is ' ' or '\t' or '\n'))
            return LineEnd(sql, i);
        if (sql[i] == '#' && lexicon.HashComments)
            return LineEnd(sql, i);
        if (sql[i] != '/' || next != '*')
            return -1;
        if (!lexicon.NestedComments)
            return sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : sql.Length;
        var depth = 0;
        var j = i;
        while (j + 1 < sql.Length)
        {
            if (sql[j] == '/' && sql[j + 1] == '*')
            {
                depth++;
                j += 2;
            }
            else if (sql[j] == '*' && sql[j + 1] == '/')
            {
                j += 2;
                if (--depth == 0)
                    return j;
            }
            else
                j++;
        }
        return sql.Length;
    }

    private static int LineEnd(string sql, int i) => sql.IndexOf('\n', i) is var end and >= 0 ? end : sql.Length;

    // A quoted name or string whose quote is at `open` (a prefix may stand before it, from `start`), past its closing
    // quote or to the end; a doubled closing quote inside stands for one, unless brackets do not escape.
    private static (SqlToken? Token, int Next) Quoted(SqlTokenKind kind, string sql, int start, int open, bool backslash, bool doubled = true)
    {
        var close = sql[open] == '[' ? ']' : sql[open];
        var text = new StringBuilder();
        var i = open + 1;
        while (i < sql.Length)
        {
            if (backslash && sql[i] == '\\' && i + 1 < sql.Length)
            {
                text.Append(sql, i, 2);
                i += 2;
            }
            else if (sql[i] != close)
                text.Append(sql[i++]);
            else if (doubled && At(sql, i + 1) == close)
            {
                text.Append(close);
                i += 2;
            }
            else
                return (new(kind, text.ToString(), start, i + 1), i + 1);
        }
        return (new(kind, text.ToString(), start, sql.Length), sql.Length);
    }

    // Whether the [ at `open` opens a name; where it could be a subscript or an array type, only when a name follows
    // it, closed before any other [.
    private static bool OpensName(string sql, int open, SqlBrackets brackets) => brackets switch
    {
        SqlBrackets.Symbol => false,
        SqlBrackets.NameUnlessSubscript => sql.IndexOf(']', open) is var close && close > open + 1
            && (char.IsLetter(sql[open + 1]) || sql[open + 1] == '_') && sql.IndexOf('[', open + 1, close - open - 1) < 0,
        _ => true,
    };

    // The tag of the dollar quote that opens at i ($$ or $name$), or null when no tag is there ($1 is a parameter).
    private static string? DollarTag(string sql, int i)
    {
        var end = i + 1;
        if (char.IsLetter(At(sql, end)) || At(sql, end) == '_')
        {
            while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
                end++;
        }
        return At(sql, end) == '$' ? sql[i..(end + 1)] : null;
    }

    private static (SqlToken? Token, int Next) DollarQuoted(string sql, int start, string tag)
    {
        var body = start + tag.Length;
        var close = sql.IndexOf(tag, body, StringComparison.Ordinal);
        var end = close < 0 ? sql.Length : close + tag.Length;
        return (new(SqlTokenKind.String, sql[body..(close < 0 ? sql.Length : close)], start, end), end);
    }

    private static (SqlToken? Token, int Next) Number(string sql, int start, bool hex)
    {
        var i = start;
        if (hex && sql[i] == '0' && At(sql, i + 1) is 'x' or 'X' && char.IsAsciiHexDigit(At(sql, i + 2)))
        {
            i += 2;
            while (i < sql.Length && char.IsAsciiHexDigit(sql[i]))
                i++;
        }
        else
        {
            while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.'))
                i++;
            if (At(sql, i) is 'e' or 'E' && (char.IsAsciiDigit(At(sql, i + 1)) || At(sql, i + 1) is '+' or '-'))
            {
                i += 2;
                while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                    i++;
            }
        }
        return (new(SqlTokenKind.Number, sql[start..i], start, i), i);
    }

    private static char At(string sql, int i) => i < sql.Length ? sql[i] : '\0';
}
