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
    /// <summary>
    /// How the echo reads text: names in any database's quotes (<c>"x"</c>, <c>`x`</c>, <c>[x]</c> where it cannot be
    /// PostgreSQL's subscript), since the model's text, written for any database, is compared with what one database
    /// echoes, and how a name was quoted must not count; strings and comments as standard SQL writes them; <c>0x1F</c>
    /// as <c>0</c> and a word, so that the case of its digits does not count either.
    /// </summary>
    internal static readonly SqlLexicon Lexicon = new() { NameQuotes = "\"`", Brackets = SqlBrackets.NameUnlessSubscript };

    // Words after which a parenthesis groups rather than calls: removing those parentheses cannot make two
    // different function calls look alike.
    private static readonly HashSet<string> GroupingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "and", "or", "not", "on", "when", "then", "else", "join", "having", "by",
        "case", "is", "as", "distinct", "all", "between", "like", "return", "returns", "set",
    };

    /// <summary>
    /// The tokens of <paramref name="sql"/>: words, quoted names (their content), string literals (their value),
    /// numbers (a sign in front of them kept when it cannot be a binary operator) and symbols; comments left out.
    /// </summary>
    public static List<SqlToken> Tokens(string sql)
    {
        var tokens = new List<SqlToken>();
        foreach (var token in SqlTokenizer.Tokens(sql, Lexicon))
        {
            // A sign is part of the number after nothing, an opening parenthesis, a comma or an operator.
            if (token.Kind == SqlTokenKind.Number && tokens.Count > 0 && tokens[^1] is { Kind: SqlTokenKind.Symbol, Text: "-" or "+" } sign
                && (tokens.Count == 1 || tokens[^2] is { Kind: SqlTokenKind.Symbol, Text: not ")" }))
                tokens[^1] = token with { Text = sign.Text == "-" ? "-" + token.Text : token.Text, Start = sign.Start };
            else
                tokens.Add(token);
        }
        return tokens;
    }

    /// <summary>The first word of <paramref name="sql"/> past spaces, comments and opening parentheses (its letters up to a digit or <c>$</c>), or null.</summary>
    public static string? FirstWord(string sql) =>
        SqlTokenizer.Tokens(sql, Lexicon).Where(t => !t.Is("(")).Select(t => (SqlToken?)t).FirstOrDefault() is { Kind: SqlTokenKind.Word } word
        && string.Concat(word.Text.TakeWhile(c => char.IsLetter(c) || c == '_')) is { Length: > 0 } letters
            ? letters
            : null;

    /// <summary>The tokens as one comparable string: words lower-cased, numbers in one format, strings re-quoted.</summary>
    public static string Text(IEnumerable<SqlToken> tokens)
    {
        var text = new StringBuilder();
        var previousWordLike = false;
        foreach (var token in tokens)
        {
            var wordLike = token.Kind != SqlTokenKind.Symbol;
            if (wordLike && previousWordLike)
                text.Append(' ');
            text.Append(token.Kind switch
            {
                SqlTokenKind.Word => token.Text.ToLowerInvariant(),
                SqlTokenKind.QuotedName => IsPlain(token.Text) ? token.Text.ToLowerInvariant() : "\"" + token.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                SqlTokenKind.String => "'" + token.Text.Replace("'", "''", StringComparison.Ordinal) + "'",
                SqlTokenKind.Number => CanonicalNumber(token.Text),
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
    public static List<SqlToken> WithoutOuterParentheses(List<SqlToken> tokens)
    {
        while (tokens.Count >= 2 && tokens[0].Is("(") && SqlTokenizer.Closing(tokens, 0) == tokens.Count - 1)
            tokens = tokens[1..^1];
        return tokens;
    }

    /// <summary>String literals that hold a plain number read as that number: <c>'0'</c> is <c>0</c>, as MySQL and PostgreSQL echo some numbers.</summary>
    public static List<SqlToken> WithNumbersUnquoted(List<SqlToken> tokens) =>
        tokens.Select(t => t.Kind == SqlTokenKind.String && IsNumber(t.Text) ? t with { Kind = SqlTokenKind.Number } : t).ToList();

    private static bool IsNumber(string text) =>
        text.Length > 0 && text.Trim() == text && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// Date and time literals in one form: <c>'2020-01-01 00:00:00'</c> and <c>'2020-01-01 00:00:00.000000'</c> are
    /// <c>'2020-01-01'</c>, as PostgreSQL and MySQL echo a date given to a timestamp column with its time.
    /// </summary>
    public static List<SqlToken> WithDatesCanonical(List<SqlToken> tokens) =>
        tokens.Select(t => t.Kind == SqlTokenKind.String && DateLiteral().Match(t.Text) is { Success: true } m
            ? t with { Text = CanonicalDate(m) } : t).ToList();

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
    public static List<SqlToken> WithoutCasts(List<SqlToken> tokens)
    {
        var result = new List<SqlToken>(tokens.Count);
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
            while (i + 1 < tokens.Count && tokens[i + 1].Kind == SqlTokenKind.Word
                   && tokens[i + 1].Text.ToLowerInvariant() is "varying" or "precision" or "with" or "without" or "time" or "zone")
                i++;
            if (i + 1 < tokens.Count && tokens[i + 1].Is("("))
                i = SqlTokenizer.Closing(tokens, i + 1);
            while (i + 2 < tokens.Count && tokens[i + 1].Is("[") && tokens[i + 2].Is("]"))
                i += 2;
        }
        return result;
    }

    /// <summary>
    /// Without parentheses that only group (not those of a function call or an IN list): databases add and
    /// drop them freely when they deparse, so <c>((a = 1))</c> and <c>a = 1</c> compare equal.
    /// </summary>
    public static List<SqlToken> WithoutGroupingParentheses(List<SqlToken> tokens)
    {
        var removed = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Is("("))
                continue;
            var before = i == 0 ? (SqlToken?)null : tokens[i - 1];
            var grouping = before is null || before.Value.Kind is SqlTokenKind.Symbol && !before.Value.Is(")") && !before.Value.Is("]")
                || before.Value.Kind == SqlTokenKind.Word && GroupingWords.Contains(before.Value.Text);
            var close = SqlTokenizer.Closing(tokens, i);
            // (a, b) holds a list, whatever comes before it.
            if (grouping && close > 0 && !SqlTokenizer.TopLevelCommas(tokens, i + 1, close).Any())
            {
                removed[i] = true;
                removed[close] = true;
            }
        }
        return tokens.Where((_, i) => !removed[i]).ToList();
    }

    /// <summary>Without qualifiers of names: <c>db.users.id</c> is <c>id</c>, as PostgreSQL and MySQL qualify the columns of a view.</summary>
    public static List<SqlToken> WithoutQualifiers(List<SqlToken> tokens)
    {
        var result = new List<SqlToken>(tokens.Count);
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
    public static List<SqlToken> WithoutSelfAliases(List<SqlToken> tokens)
    {
        var result = new List<SqlToken>(tokens.Count);
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
    public static List<SqlToken> WithSynonyms(List<SqlToken> tokens, IReadOnlySet<string> synonyms, string word)
    {
        var result = new List<SqlToken>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != SqlTokenKind.Word || !synonyms.Contains(tokens[i].Text.ToLowerInvariant()))
            {
                result.Add(tokens[i]);
                continue;
            }
            result.Add(tokens[i] with { Text = word });
            if (i + 2 < tokens.Count && tokens[i + 1].Is("(") && tokens[i + 2].Is(")"))
                i += 2;
            else if (i + 3 < tokens.Count && tokens[i + 1].Is("(") && tokens[i + 2].Kind == SqlTokenKind.Number && tokens[i + 3].Is(")"))
            {
                result.AddRange(tokens.Skip(i + 1).Take(3));
                i += 3;
            }
        }
        return result;
    }
}
