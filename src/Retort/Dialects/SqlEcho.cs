using System.Globalization;
using System.Text;

namespace Retort.Dialects;

/// <summary>
/// SQL text reduced to a form that compares equal when only the spelling differs: how a database echoes a
/// default, an index expression or a view back (case, spacing, quoting, parentheses, casts, number formats)
/// must not read as a change. The result is for comparing only, never for running.
/// </summary>
internal static partial class SqlEcho
{
    internal enum Kind { Word, Identifier, String, Number, Symbol }

    internal readonly record struct Token(Kind Kind, string Text)
    {
        public bool Is(string symbolOrWord) => Kind is Kind.Symbol or Kind.Word && string.Equals(Text, symbolOrWord, StringComparison.OrdinalIgnoreCase);

        public bool IsName => Kind is Kind.Word or Kind.Identifier;
    }

    // Words after which a parenthesis groups rather than calls: removing those parentheses cannot make two
    // different function calls look alike.
    private static readonly HashSet<string> GroupingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "and", "or", "not", "on", "when", "then", "else", "join", "having", "by",
        "case", "is", "as", "distinct", "all", "between", "like", "return", "returns", "set",
    };

    /// <summary>
    /// The tokens of <paramref name="sql"/>: words, quoted identifiers (their content), string literals (their
    /// value), numbers (a sign in front of them kept when it cannot be a binary operator) and symbols; comments left out.
    /// </summary>
    public static List<Token> Tokens(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
                i++;
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
                i = sql.IndexOf('\n', i) is var lineEnd and >= 0 ? lineEnd : sql.Length;
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
                i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var commentEnd and >= 0 ? commentEnd + 2 : sql.Length;
            else if (c == '\'')
                tokens.Add(new(Kind.String, Quoted(sql, ref i, '\'')));
            else if (c is '"' or '`')
                tokens.Add(new(Kind.Identifier, Quoted(sql, ref i, c)));
            // SQL Server's [name], not PostgreSQL's array brackets (text[], a[1]).
            else if (c == '[' && sql.IndexOf(']', i) is var close and > 0 && close > i + 1 && (char.IsLetter(sql[i + 1]) || sql[i + 1] == '_')
                     && !sql[(i + 1)..close].Contains('['))
            {
                tokens.Add(new(Kind.Identifier, sql[(i + 1)..close]));
                i = close + 1;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1])))
                tokens.Add(Number(sql, ref i, tokens));
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
                    i++;
                tokens.Add(new(Kind.Word, sql[start..i]));
            }
            else
            {
                var two = i + 1 < sql.Length ? sql.Substring(i, 2) : "";
                var length = two is "::" or "<=" or ">=" or "<>" or "!=" or "||" or "->" ? 2 : 1;
                tokens.Add(new(Kind.Symbol, sql.Substring(i, length)));
                i += length;
            }
        }
        return tokens;
    }

    /// <summary>The first word of <paramref name="sql"/> past spaces, comments and opening parentheses, or null.</summary>
    public static string? FirstWord(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]) || sql[i] == '(')
                i++;
            else if (sql[i] == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
                i = sql.IndexOf('\n', i) is var lineEnd and >= 0 ? lineEnd : sql.Length;
            else if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
                i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var commentEnd and >= 0 ? commentEnd + 2 : sql.Length;
            else
                break;
        }
        var start = i;
        while (i < sql.Length && (char.IsLetter(sql[i]) || sql[i] == '_'))
            i++;
        return i > start ? sql[start..i] : null;
    }

    // A quoted run with the quote doubled inside; the value without the quotes.
    private static string Quoted(string sql, ref int i, char quote)
    {
        var value = new StringBuilder();
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            value.Append(sql[i++]);
        }
        return value.ToString();
    }

    private static Token Number(string sql, ref int i, List<Token> before)
    {
        var start = i;
        while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.'))
            i++;
        if (i < sql.Length && sql[i] is 'e' or 'E' && i + 1 < sql.Length && (char.IsAsciiDigit(sql[i + 1]) || sql[i + 1] is '+' or '-'))
        {
            i += 2;
            while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                i++;
        }
        var text = sql[start..i];
        // A sign is part of the number after nothing, an opening parenthesis, a comma or an operator.
        if (before.Count > 0 && before[^1] is { Kind: Kind.Symbol, Text: "-" or "+" } sign
            && (before.Count == 1 || before[^2] is { Kind: Kind.Symbol, Text: not ")" }))
        {
            before.RemoveAt(before.Count - 1);
            text = sign.Text == "-" ? "-" + text : text;
        }
        return new(Kind.Number, text);
    }

    /// <summary>The tokens as one comparable string: words lower-cased, numbers in one format, strings re-quoted.</summary>
    public static string Text(IEnumerable<Token> tokens)
    {
        var text = new StringBuilder();
        var previousWordLike = false;
        foreach (var token in tokens)
        {
            var wordLike = token.Kind != Kind.Symbol;
            if (wordLike && previousWordLike)
                text.Append(' ');
            text.Append(token.Kind switch
            {
                Kind.Word => token.Text.ToLowerInvariant(),
                Kind.Identifier => IsPlain(token.Text) ? token.Text.ToLowerInvariant() : "\"" + token.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                Kind.String => "'" + token.Text.Replace("'", "''", StringComparison.Ordinal) + "'",
                Kind.Number => CanonicalNumber(token.Text),
                _ => token.Text,
            });
            previousWordLike = wordLike;
        }
        return text.ToString();
    }

    private static bool IsPlain(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>A number without its trailing zeros and with one sign: <c>0.00</c>, <c>0</c> and <c>-0</c> are all <c>0</c>.</summary>
    public static string CanonicalNumber(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // Dividing by 1.000… drops the trailing zeros of the decimal's scale.
            var trimmed = (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
            return trimmed == "-0" ? "0" : trimmed;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? real.ToString("R", CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>Without parentheses that wrap the whole text: <c>((0))</c> is <c>0</c>.</summary>
    public static List<Token> WithoutOuterParentheses(List<Token> tokens)
    {
        while (tokens.Count >= 2 && tokens[0].Is("(") && Closing(tokens, 0) == tokens.Count - 1)
            tokens = tokens[1..^1];
        return tokens;
    }

    /// <summary>String literals that hold a plain number read as that number: <c>'0'</c> is <c>0</c>, as MySQL and PostgreSQL echo some numbers.</summary>
    public static List<Token> WithNumbersUnquoted(List<Token> tokens) =>
        tokens.Select(t => t.Kind == Kind.String && IsNumber(t.Text) ? new Token(Kind.Number, t.Text) : t).ToList();

    private static bool IsNumber(string text) =>
        text.Length > 0 && text.Trim() == text && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// Date and time literals in one form: <c>'2020-01-01 00:00:00'</c> and <c>'2020-01-01 00:00:00.000000'</c> are
    /// <c>'2020-01-01'</c>, as PostgreSQL and MySQL echo a date given to a timestamp column with its time.
    /// </summary>
    public static List<Token> WithDatesCanonical(List<Token> tokens) =>
        tokens.Select(t => t.Kind == Kind.String && DateLiteral().Match(t.Text) is { Success: true } m
            ? new Token(Kind.String, CanonicalDate(m)) : t).ToList();

    private static string CanonicalDate(System.Text.RegularExpressions.Match m)
    {
        var date = m.Groups["date"].Value;
        if (!m.Groups["time"].Success)
            return date;
        var seconds = m.Groups["seconds"].Success ? m.Groups["seconds"].Value : "00";
        var fraction = m.Groups["fraction"].Success ? m.Groups["fraction"].Value.TrimEnd('0') : "";
        var time = $"{m.Groups["time"].Value}:{seconds}{(fraction.Length > 0 ? "." + fraction : "")}";
        return time == "00:00:00" ? date : $"{date} {time}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[ T](?<time>\d{2}:\d{2})(?::(?<seconds>\d{2})(?:\.(?<fraction>\d+))?)?)?$")]
    private static partial System.Text.RegularExpressions.Regex DateLiteral();

    /// <summary>
    /// Without PostgreSQL's casts (<c>::text</c>, <c>::character varying(20)</c>, <c>::"Enum"</c>, <c>::int[]</c>),
    /// which it adds when it deparses an expression.
    /// </summary>
    public static List<Token> WithoutCasts(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Is("::") || i + 1 >= tokens.Count || !tokens[i + 1].IsName)
            {
                result.Add(tokens[i]);
                continue;
            }
            i += 1;
            // schema.type
            while (i + 2 < tokens.Count && tokens[i + 1].Is(".") && tokens[i + 2].IsName)
                i += 2;
            // The words of multi-word type names.
            while (i + 1 < tokens.Count && tokens[i + 1].Kind == Kind.Word
                   && tokens[i + 1].Text.ToLowerInvariant() is "varying" or "precision" or "with" or "without" or "time" or "zone")
                i++;
            if (i + 1 < tokens.Count && tokens[i + 1].Is("("))
                i = Closing(tokens, i + 1);
            while (i + 2 < tokens.Count && tokens[i + 1].Is("[") && tokens[i + 2].Is("]"))
                i += 2;
        }
        return result;
    }

    /// <summary>
    /// Without parentheses that only group (not those of a function call or an IN list): databases add and
    /// drop them freely when they deparse, so <c>((a = 1))</c> and <c>a = 1</c> compare equal.
    /// </summary>
    public static List<Token> WithoutGroupingParentheses(List<Token> tokens)
    {
        var removed = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Is("("))
                continue;
            var before = i == 0 ? (Token?)null : tokens[i - 1];
            var grouping = before is null || before.Value.Kind is Kind.Symbol && !before.Value.Is(")") && !before.Value.Is("]")
                || before.Value.Kind == Kind.Word && GroupingWords.Contains(before.Value.Text);
            var close = Closing(tokens, i);
            // (a, b) holds a list, whatever comes before it.
            if (grouping && close > 0 && !HasTopLevelComma(tokens, i, close))
            {
                removed[i] = true;
                removed[close] = true;
            }
        }
        return tokens.Where((_, i) => !removed[i]).ToList();
    }

    private static bool HasTopLevelComma(List<Token> tokens, int open, int close)
    {
        var depth = 0;
        for (var i = open + 1; i < close; i++)
        {
            if (tokens[i].Is("("))
                depth++;
            else if (tokens[i].Is(")"))
                depth--;
            else if (depth == 0 && tokens[i].Is(","))
                return true;
        }
        return false;
    }

    /// <summary>Without qualifiers of names: <c>db.users.id</c> is <c>id</c>, as PostgreSQL and MySQL qualify the columns of a view.</summary>
    public static List<Token> WithoutQualifiers(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsName && i + 2 < tokens.Count && tokens[i + 1].Is(".") && (tokens[i + 2].IsName || tokens[i + 2].Is("*")))
            {
                i++;
                continue;
            }
            result.Add(tokens[i]);
        }
        return result;
    }

    /// <summary>Without <c>AS x</c> right after a column that is already named x (<c>id AS id</c>, MySQL's echo of a view).</summary>
    public static List<Token> WithoutSelfAliases(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Is("as") && i + 1 < tokens.Count && tokens[i + 1].IsName && result.Count > 0 && result[^1].IsName
                && string.Equals(result[^1].Text, tokens[i + 1].Text, StringComparison.OrdinalIgnoreCase))
            {
                i++;
                continue;
            }
            result.Add(tokens[i]);
        }
        return result;
    }

    /// <summary>
    /// With each word of <paramref name="synonyms"/>, called with no argument or a precision or not called at all
    /// (<c>now()</c>, <c>current_timestamp(6)</c>, <c>localtime</c>), spelt as <paramref name="word"/>; the precision stays.
    /// </summary>
    public static List<Token> WithSynonyms(List<Token> tokens, IReadOnlySet<string> synonyms, string word)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != Kind.Word || !synonyms.Contains(tokens[i].Text.ToLowerInvariant()))
            {
                result.Add(tokens[i]);
                continue;
            }
            result.Add(new(Kind.Word, word));
            if (i + 2 < tokens.Count && tokens[i + 1].Is("(") && tokens[i + 2].Is(")"))
                i += 2;
            else if (i + 3 < tokens.Count && tokens[i + 1].Is("(") && tokens[i + 2].Kind == Kind.Number && tokens[i + 3].Is(")"))
            {
                result.AddRange(tokens.Skip(i + 1).Take(3));
                i += 3;
            }
        }
        return result;
    }

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>, or -1.</summary>
    public static int Closing(List<Token> tokens, int open)
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
}
