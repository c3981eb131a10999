using System.Text;
using Retort.Dialects.Sqlite;

namespace Retort.Ops;

/// <summary>
/// Column names inside SQL text (CHECK conditions, index expressions and WHERE clauses), found by token so that
/// strings, function names and keywords are left alone. The text is SQLite's: only its rebuild rewrites it.
/// </summary>
internal static class ColumnReferences
{
    public static bool Mentions(string sql, string column)
    {
        var tokens = SqliteDdlTokens.Read(sql);
        return tokens.Where((_, i) => IsColumn(tokens, i)).Any(t => string.Equals(t.Name, column, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text with each column of <paramref name="names"/> replaced by its new name, quoted where SQLite needs it.</summary>
    public static string Replace(string sql, IReadOnlyDictionary<string, string> names)
    {
        var tokens = SqliteDdlTokens.Read(sql);
        var text = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsColumn(tokens, i) || !names.TryGetValue(tokens[i].Name, out var name))
                continue;
            text.Append(sql, copied, tokens[i].Start - copied).Append(Quote(name));
            copied = tokens[i].End;
        }
        return text.Append(sql, copied, sql.Length - copied).ToString();
    }

    // A name that is not a function being called, and not a keyword written bare.
    private static bool IsColumn(List<SqliteToken> tokens, int i) =>
        tokens[i].Kind is SqliteTokenKind.Word or SqliteTokenKind.QuotedName
        && !(i + 1 < tokens.Count && tokens[i + 1].IsSymbol('('))
        && !(tokens[i].Kind == SqliteTokenKind.Word && SqliteReservedWords.All.Contains(tokens[i].Text.ToUpperInvariant()));

    private static string Quote(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            && !SqliteReservedWords.All.Contains(name.ToUpperInvariant())
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
