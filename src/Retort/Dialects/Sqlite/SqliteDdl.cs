namespace Retort.Dialects.Sqlite;

/// <summary>A foreign key's name and deferral, which only the DDL text keeps (pragma_foreign_key_list has neither).</summary>
internal sealed record SqliteForeignKeyDdl(string? Name, IReadOnlyList<string> Columns, bool Deferrable, bool InitiallyDeferred);

/// <summary>What a CREATE TABLE says that SQLite's pragma functions do not report.</summary>
internal sealed class SqliteTableDdl
{
    public string? PrimaryKeyName { get; set; }
    public string? AutoincrementColumn { get; set; }

    /// <summary>Unique and check constraints and foreign keys, in the order the DDL declares them.</summary>
    public List<object> Constraints { get; } = [];
    public Dictionary<string, string> Collations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The expressions of generated columns (<c>[GENERATED ALWAYS] AS (expr)</c>), by column.</summary>
    public Dictionary<string, string> Generated { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Reads the statements SQLite keeps in sqlite_master for what no pragma reports: constraint names, CHECK
/// conditions, AUTOINCREMENT, collations, deferral, index expressions and WHERE clauses, view queries.
/// SQLAlchemy reads the same text for the same reasons.
/// </summary>
internal static class SqliteDdl
{
    private static readonly string[] ColumnConstraintWords = ["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"];

    public static SqliteTableDdl ParseTable(string sql)
    {
        var ddl = new SqliteTableDdl();
        var tokens = Read(sql);
        var open = tokens.FindIndex(t => t.Is("("));
        // CREATE VIRTUAL TABLE … USING module(arguments) and CREATE TABLE … AS SELECT declare no constraints.
        if (open < 0 || tokens.Take(open).Any(t => t.Is("VIRTUAL") || t.Is("AS")))
            return ddl;
        foreach (var (start, end) in Split(tokens, open, Closing(tokens, open)))
        {
            if (tokens[start].Kind == SqlTokenKind.Word && tokens[start].Text.ToUpperInvariant() is "CONSTRAINT" or "PRIMARY" or "UNIQUE" or "CHECK" or "FOREIGN")
                TableConstraint(sql, tokens, start, end, ddl);
            else
                ColumnConstraints(sql, tokens, start, end, ddl);
        }
        return ddl;
    }

    /// <summary>A CREATE INDEX: unique or not, its columns (expressions in parentheses) and its WHERE.</summary>
    public static (bool Unique, List<string> Columns, string? Where, List<bool> Descending) ParseIndex(string sql)
    {
        var tokens = Read(sql);
        var on = tokens.FindIndex(t => t.Is("ON"));
        var open = tokens.FindIndex(on, t => t.Is("("));
        var close = Closing(tokens, open);
        var where = close + 1 < tokens.Count && tokens[close + 1].Is("WHERE")
            ? Text(sql, tokens, close + 2, tokens.Count - 1)
            : null;
        return (tokens.Count > 1 && tokens[1].Is("UNIQUE"), IndexedColumns(sql, tokens, open, close, asExpressions: true), where,
            Split(tokens, open, close).Select(part => part.End - 1 > part.Start && tokens[part.End - 1].Is("DESC")).ToList());
    }

    /// <summary>The query of a CREATE VIEW: everything after its first AS outside parentheses.</summary>
    public static string ViewDefinition(string sql)
    {
        var tokens = Read(sql);
        var depth = 0;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Is("("))
                depth++;
            else if (tokens[i].Is(")"))
                depth--;
            else if (depth == 0 && tokens[i].Is("AS"))
                return sql[tokens[i + 1].Start..].Trim();
        }
        return sql;
    }

    private static void TableConstraint(string sql, List<SqlToken> tokens, int start, int end, SqliteTableDdl ddl)
    {
        var i = start;
        string? name = null;
        if (tokens[i].Is("CONSTRAINT"))
        {
            name = tokens[i + 1].Text;
            i += 2;
        }
        if (tokens[i].Is("PRIMARY"))
            ddl.PrimaryKeyName = name;
        else if (tokens[i].Is("UNIQUE"))
        {
            var open = tokens.FindIndex(i, t => t.Is("("));
            ddl.Constraints.Add(new UniqueConstraint(name, IndexedColumns(sql, tokens, open, Closing(tokens, open), asExpressions: false)));
        }
        else if (tokens[i].Is("CHECK"))
            ddl.Constraints.Add(new CheckConstraint(name, Group(sql, tokens, i + 1)));
        else if (tokens[i].Is("FOREIGN"))
        {
            var open = tokens.FindIndex(i, t => t.Is("("));
            var close = Closing(tokens, open);
            var columns = IndexedColumns(sql, tokens, open, close, asExpressions: false);
            var (deferrable, deferred, _) = References(tokens, close + 1, end);
            ddl.Constraints.Add(new SqliteForeignKeyDdl(name, columns, deferrable, deferred));
        }
    }

    // Walks a column definition, giving each constraint the CONSTRAINT name before it.
    private static void ColumnConstraints(string sql, List<SqlToken> tokens, int start, int end, SqliteTableDdl ddl)
    {
        var column = tokens[start].Text;
        string? name = null;
        var i = start + 1;
        while (i < end)
        {
            var token = tokens[i];
            if (token.Is("CONSTRAINT"))
            {
                name = tokens[i + 1].Text;
                i += 2;
                continue;
            }
            if (token.Is("PRIMARY"))
                ddl.PrimaryKeyName = name;
            else if (token.Is("AUTOINCREMENT"))
                ddl.AutoincrementColumn = column;
            else if (token.Is("UNIQUE"))
                ddl.Constraints.Add(new UniqueConstraint(name, column));
            else if (token.Is("CHECK"))
            {
                ddl.Constraints.Add(new CheckConstraint(name, Group(sql, tokens, i + 1)));
                i = Closing(tokens, i + 1);
            }
            else if (token.Is("COLLATE"))
                ddl.Collations[column] = tokens[++i].Text;
            else if (token.Is("DEFAULT"))
                i = tokens[i + 1].Is("(") ? Closing(tokens, i + 1) : tokens[i + 1].Kind == SqlTokenKind.Symbol ? i + 2 : i + 1;
            else if (token.Is("AS"))
            {
                ddl.Generated[column] = Group(sql, tokens, i + 1).Trim();
                i = Closing(tokens, i + 1);
            }
            else if (token.Is("REFERENCES"))
            {
                var (deferrable, deferred, next) = References(tokens, i, end);
                ddl.Constraints.Add(new SqliteForeignKeyDdl(name, [column], deferrable, deferred));
                i = next;
                name = null;
                continue;
            }
            if (token.Kind == SqlTokenKind.Word && ColumnConstraintWords.Contains(token.Text.ToUpperInvariant()))
                name = null;
            i++;
        }
    }

    // A foreign-key clause from REFERENCES: its deferral, and where the next column constraint starts.
    private static (bool Deferrable, bool InitiallyDeferred, int Next) References(List<SqlToken> tokens, int i, int end)
    {
        bool deferrable = false, deferred = false;
        i += 2;
        if (i < end && tokens[i].Is("("))
            i = Closing(tokens, i) + 1;
        while (i < end)
        {
            var token = tokens[i];
            if (token.Is("ON"))
                i += tokens[i + 2].Is("SET") || tokens[i + 2].Is("NO") ? 4 : 3;
            else if (token.Is("MATCH"))
                i += 2;
            else if (token.Is("NOT") && tokens[i + 1].Is("DEFERRABLE"))
                i += 2;
            else if (token.Is("DEFERRABLE"))
            {
                deferrable = true;
                i++;
            }
            else if (token.Is("INITIALLY"))
            {
                deferred = tokens[i + 1].Is("DEFERRED");
                i += 2;
            }
            else
                break;
        }
        return (deferrable, deferred, i);
    }

    // The text inside the parentheses that open at token `open`.
    private static string Group(string sql, List<SqlToken> tokens, int open) =>
        Text(sql, tokens, open + 1, Closing(tokens, open) - 1);

    // Names of the indexed columns between the parentheses; other entries as expressions in parentheses.
    private static List<string> IndexedColumns(string sql, List<SqlToken> tokens, int open, int close, bool asExpressions)
    {
        var columns = new List<string>();
        foreach (var (start, end) in Split(tokens, open, close))
        {
            var plain = IsName(tokens[start]) && Enumerable.Range(start + 1, end - start - 1)
                .All(i => tokens[i].Is("ASC") || tokens[i].Is("DESC") || tokens[i].Is("COLLATE") || tokens[i - 1].Is("COLLATE"));
            if (plain || !asExpressions)
                columns.Add(tokens[start].Text);
            else
            {
                // An expression's ASC or DESC is the key part's direction, not the expression's.
                var last = end - 1 > start && (tokens[end - 1].Is("ASC") || tokens[end - 1].Is("DESC")) ? end - 2 : end - 1;
                var text = Text(sql, tokens, start, last);
                columns.Add(tokens[start].Is("(") && Closing(tokens, start) == last ? text : $"({text})");
            }
        }
        return columns;
    }

    /// <summary>The tokens of SQLite DDL, read by SQLite's lexical rules.</summary>
    internal static List<SqlToken> Read(string sql) => SqlTokenizer.Read(sql, SqliteLexicon.Rules);

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>; the last token when none does.</summary>
    internal static int Closing(IReadOnlyList<SqlToken> tokens, int open) =>
        SqlTokenizer.Closing(tokens, open) is var close and >= 0 ? close : tokens.Count - 1;

    // A name where SQLite expects one, which takes a 'string' too (https://www.sqlite.org/lang_keywords.html).
    private static bool IsName(SqlToken token) => token.IsName || token.Kind == SqlTokenKind.String;

    // The ranges [start, end) of the comma-separated parts between `open` and `close`.
    private static List<(int Start, int End)> Split(List<SqlToken> tokens, int open, int close)
    {
        var parts = new List<(int, int)>();
        var start = open + 1;
        foreach (var comma in SqlTokenizer.TopLevelCommas(tokens, open + 1, close))
        {
            parts.Add((start, comma));
            start = comma + 1;
        }
        if (start < close)
            parts.Add((start, close));
        return parts;
    }

    // The source text from token `first` to token `last`, comments inside kept.
    private static string Text(string sql, List<SqlToken> tokens, int first, int last) =>
        first > last ? "" : sql[tokens[first].Start..tokens[last].End];
}
