using System.Text;
using Retort.Ops;

namespace Retort.Dialects;

/// <summary>
/// Column names inside a database's SQL text (CHECK conditions, index expressions and WHERE clauses), found by token
/// with the database's own lexical rules, so that strings, comments, function names and keywords are left alone.
/// </summary>
internal static class SqlColumnReferences
{
    /// <summary>
    /// The <see cref="ColumnReferences"/> of a database: its lexical rules, its reserved words (upper case), which
    /// are keywords where they stand bare, and how it quotes a name that a column is renamed to.
    /// </summary>
    public static ColumnReferences For(SqlLexicon lexicon, IReadOnlySet<string> reservedWords, Func<string, string> quote) =>
        new((sql, column) => Mentions(sql, column, lexicon, reservedWords), (sql, names) => Replace(sql, names, lexicon, reservedWords, quote));

    private static bool Mentions(string sql, string column, SqlLexicon lexicon, IReadOnlySet<string> reservedWords)
    {
        var tokens = SqlTokenizer.Read(sql, lexicon);
        return tokens.Where((_, i) => IsColumn(tokens, i, reservedWords)).Any(t => string.Equals(t.Text, column, StringComparison.OrdinalIgnoreCase));
    }

    private static string Replace(string sql, IReadOnlyDictionary<string, string> names, SqlLexicon lexicon, IReadOnlySet<string> reservedWords,
        Func<string, string> quote)
    {
        var tokens = SqlTokenizer.Read(sql, lexicon);
        var text = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsColumn(tokens, i, reservedWords) || !names.TryGetValue(tokens[i].Text, out var name))
                continue;
            text.Append(sql, copied, tokens[i].Start - copied).Append(quote(name));
            copied = tokens[i].End;
        }
        return text.Append(sql, copied, sql.Length - copied).ToString();
    }

    // A name that is not a function being called, and not a keyword written bare.
    private static bool IsColumn(List<SqlToken> tokens, int i, IReadOnlySet<string> reservedWords) =>
        tokens[i].IsName
        && !(i + 1 < tokens.Count && tokens[i + 1].Is("("))
        && !(tokens[i].Kind == SqlTokenKind.Word && reservedWords.Contains(tokens[i].Text.ToUpperInvariant()));
}
