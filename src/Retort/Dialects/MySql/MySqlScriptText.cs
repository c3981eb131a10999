namespace Retort.Dialects.MySql;

/// <summary>What the mysql client sees in a script's statement: where it would end it.</summary>
internal static class MySqlScriptText
{
    /// <summary>
    /// Whether <paramref name="sql"/> holds a semicolon outside strings, quoted names and comments, where the
    /// mysql client would end the statement.
    /// </summary>
    public static bool HasBareSemicolon(string sql)
    {
        for (var i = 0; i < sql.Length; i++)
        {
            switch (sql[i])
            {
                case ';':
                    return true;
                case '\'' or '"' or '`':
                    i = QuoteEnd(sql, i);
                    break;
                case '#':
                    i = LineEnd(sql, i);
                    break;
                case '-' when At(sql, i, "-- ") || At(sql, i, "--\t") || At(sql, i, "--\n") || (At(sql, i, "--") && i + 2 == sql.Length):
                    i = LineEnd(sql, i);
                    break;
                case '/' when At(sql, i, "/*"):
                    var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? sql.Length : end + 1;
                    break;
            }
        }
        return false;
    }

    /// <summary>A DELIMITER that does not occur in <paramref name="sql"/>.</summary>
    public static string DelimiterFor(string sql)
    {
        string[] candidates = ["//", "$$", ";;"];
        var found = candidates.FirstOrDefault(d => !sql.Contains(d, StringComparison.Ordinal));
        for (var n = 2; found is null; n++)
            found = sql.Contains("//" + n, StringComparison.Ordinal) ? null : "//" + n;
        return found;
    }

    // The index of the quote that closes the one at start; a doubled quote or, except in names, a backslash escapes.
    private static int QuoteEnd(string sql, int start)
    {
        var quote = sql[start];
        for (var i = start + 1; i < sql.Length; i++)
        {
            if (sql[i] == '\\' && quote != '`')
                i++;
            else if (sql[i] == quote && i + 1 < sql.Length && sql[i + 1] == quote)
                i++;
            else if (sql[i] == quote)
                return i;
        }
        return sql.Length;
    }

    private static int LineEnd(string sql, int start)
    {
        var end = sql.IndexOf('\n', start);
        return end < 0 ? sql.Length : end;
    }

    private static bool At(string sql, int i, string text) => string.CompareOrdinal(sql, i, text, 0, text.Length) == 0;
}
