namespace Retort.Dialects.Sqlite;

/// <summary>What a token of SQLite DDL is.</summary>
internal enum SqliteTokenKind
{
    Word,
    QuotedName,
    String,
    Number,
    Symbol,
}

/// <summary>A token: <see cref="Text"/> is the name unquoted for names, the source text otherwise.</summary>
internal readonly record struct SqliteToken(SqliteTokenKind Kind, string Text, int Start, int End)
{
    public bool Is(string word) => Kind == SqliteTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char symbol) => Kind == SqliteTokenKind.Symbol && Text[0] == symbol;

    public bool IsName => Kind is SqliteTokenKind.Word or SqliteTokenKind.QuotedName or SqliteTokenKind.String;

    /// <summary>The token as a name: SQLite also takes a 'string' where a name is expected.</summary>
    public string Name => Kind == SqliteTokenKind.String ? Text[1..^1].Replace("''", "'", StringComparison.Ordinal) : Text;
}

/// <summary>
/// Splits the DDL that sqlite_master keeps into tokens, with SQLite's four ways of quoting a name
/// ("x", [x], `x`, and 'x' where a name is expected: https://www.sqlite.org/lang_keywords.html) and its comments.
/// </summary>
internal static class SqliteDdlTokens
{
    public static List<SqliteToken> Read(string sql)
    {
        var tokens = new List<SqliteToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (char.IsWhiteSpace(c))
                i++;
            else if (c == '-' && Next(sql, i) == '-')
                i = End(sql.IndexOf('\n', i), sql.Length);
            else if (c == '/' && Next(sql, i) == '*')
                i = End(sql.IndexOf("*/", i + 2, StringComparison.Ordinal), sql.Length - 2) + 2;
            else if (c is '"' or '`')
            {
                i = Quoted(sql, i, c);
                tokens.Add(new(SqliteTokenKind.QuotedName, sql[(start + 1)..(i - 1)].Replace(new string(c, 2), c.ToString(), StringComparison.Ordinal), start, i));
            }
            else if (c == '[')
            {
                i = End(sql.IndexOf(']', i), sql.Length - 1) + 1;
                tokens.Add(new(SqliteTokenKind.QuotedName, sql[(start + 1)..(i - 1)], start, i));
            }
            else if (c == '\'' || (c is 'x' or 'X' && Next(sql, i) == '\''))
            {
                i = Quoted(sql, c == '\'' ? i : i + 1, '\'');
                tokens.Add(new(SqliteTokenKind.String, sql[start..i], start, i));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Next(sql, i))))
            {
                while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] == '.'))
                    i++;
                tokens.Add(new(SqliteTokenKind.Number, sql[start..i], start, i));
            }
            else if (char.IsLetter(c) || c == '_' || c > 127)
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$' || sql[i] > 127))
                    i++;
                tokens.Add(new(SqliteTokenKind.Word, sql[start..i], start, i));
            }
            else
                tokens.Add(new(SqliteTokenKind.Symbol, sql[i..++i], start, i));
        }
        return tokens;
    }

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>.</summary>
    public static int Closing(IReadOnlyList<SqliteToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].IsSymbol('('))
                depth++;
            else if (tokens[i].IsSymbol(')') && --depth == 0)
                return i;
        }
        return tokens.Count - 1;
    }

    /// <summary>The ranges [start, end) of the comma-separated parts between <paramref name="open"/> and <paramref name="close"/>.</summary>
    public static List<(int Start, int End)> Split(IReadOnlyList<SqliteToken> tokens, int open, int close)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i < close; i++)
        {
            if (tokens[i].IsSymbol('('))
                depth++;
            else if (tokens[i].IsSymbol(')'))
                depth--;
            else if (depth == 0 && tokens[i].IsSymbol(','))
            {
                parts.Add((start, i));
                start = i + 1;
            }
        }
        if (start < close)
            parts.Add((start, close));
        return parts;
    }

    /// <summary>The source text from token <paramref name="first"/> to token <paramref name="last"/>, comments inside kept.</summary>
    public static string Text(string sql, IReadOnlyList<SqliteToken> tokens, int first, int last) =>
        first > last ? "" : sql[tokens[first].Start..tokens[last].End];

    private static char Next(string sql, int i) => i + 1 < sql.Length ? sql[i + 1] : '\0';

    private static int End(int found, int fallback) => found < 0 ? fallback : found;

    // Past the closing quote; a doubled quote inside stands for one.
    private static int Quoted(string sql, int open, char quote)
    {
        var i = open + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                    i += 2;
                else
                    return i + 1;
            }
            else
                i++;
        }
        return sql.Length;
    }
}
