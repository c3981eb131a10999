using static Retort.Dialects.Sqlite.SqliteDdlTokens;

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
        var open = tokens.FindIndex(t => t.IsSymbol('('));
        // CREATE VIRTUAL TABLE … USING module(arguments) and CREATE TABLE … AS SELECT declare no constraints.
        if (open < 0 || tokens.Take(open).Any(t => t.Is("VIRTUAL") || t.Is("AS")))
            return ddl;
        foreach (var (start, end) in Split(tokens, open, Closing(tokens, open)))
        {
            if (tokens[start].Kind == SqliteTokenKind.Word && tokens[start].Text.ToUpperInvariant() is "CONSTRAINT" or "PRIMARY" or "UNIQUE" or "CHECK" or "FOREIGN")
                TableConstraint(sql, tokens, start, end, ddl);
            else
                ColumnConstraints(sql, tokens, start, end, ddl);
        }
        return ddl;
    }

    /// <summary>A CREATE INDEX: unique or not, its columns (expressions in parentheses) and its WHERE.</summary>
    public static (bool Unique, List<string> Columns, string? Where) ParseIndex(string sql)
    {
        var tokens = Read(sql);
        var on = tokens.FindIndex(t => t.Is("ON"));
        var open = tokens.FindIndex(on, t => t.IsSymbol('('));
        var close = Closing(tokens, open);
        var where = close + 1 < tokens.Count && tokens[close + 1].Is("WHERE")
            ? Text(sql, tokens, close + 2, tokens.Count - 1)
            : null;
        return (tokens.Count > 1 && tokens[1].Is("UNIQUE"), IndexedColumns(sql, tokens, open, close, asExpressions: true), where);
    }

    /// <summary>The query of a CREATE VIEW: everything after its first AS outside parentheses.</summary>
    public static string ViewDefinition(string sql)
    {
        var tokens = Read(sql);
        var depth = 0;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].IsSymbol('('))
                depth++;
            else if (tokens[i].IsSymbol(')'))
                depth--;
            else if (depth == 0 && tokens[i].Is("AS"))
                return sql[tokens[i + 1].Start..].Trim();
        }
        return sql;
    }

    private static void TableConstraint(string sql, List<SqliteToken> tokens, int start, int end, SqliteTableDdl ddl)
    {
        var i = start;
        string? name = null;
        if (tokens[i].Is("CONSTRAINT"))
        {
            name = tokens[i + 1].Name;
            i += 2;
        }
        if (tokens[i].Is("PRIMARY"))
            ddl.PrimaryKeyName = name;
        else if (tokens[i].Is("UNIQUE"))
        {
            var open = tokens.FindIndex(i, t => t.IsSymbol('('));
            ddl.Constraints.Add(new UniqueConstraint(name, IndexedColumns(sql, tokens, open, Closing(tokens, open), asExpressions: false)));
        }
        else if (tokens[i].Is("CHECK"))
            ddl.Constraints.Add(new CheckConstraint(name, Group(sql, tokens, i + 1)));
        else if (tokens[i].Is("FOREIGN"))
        {
            var open = tokens.FindIndex(i, t => t.IsSymbol('('));
            var close = Closing(tokens, open);
            var columns = IndexedColumns(sql, tokens, open, close, asExpressions: false);
            var (deferrable, deferred, _) = References(tokens, close + 1, end);
            ddl.Constraints.Add(new SqliteForeignKeyDdl(name, columns, deferrable, deferred));
        }
    }

    // Walks a column definition, giving each constraint the CONSTRAINT name before it.
    private static void ColumnConstraints(string sql, List<SqliteToken> tokens, int start, int end, SqliteTableDdl ddl)
    {
        var column = tokens[start].Name;
        string? name = null;
        var i = start + 1;
        while (i < end)
        {
            var token = tokens[i];
            if (token.Is("CONSTRAINT"))
            {
                name = tokens[i + 1].Name;
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
                ddl.Collations[column] = tokens[++i].Name;
            else if (token.Is("DEFAULT"))
                i = tokens[i + 1].IsSymbol('(') ? Closing(tokens, i + 1) : tokens[i + 1].Kind == SqliteTokenKind.Symbol ? i + 2 : i + 1;
            else if (token.Is("AS"))
                i = Closing(tokens, i + 1);
            else if (token.Is("REFERENCES"))
            {
                var (deferrable, deferred, next) = References(tokens, i, end);
                ddl.Constraints.Add(new SqliteForeignKeyDdl(name, [column], deferrable, deferred));
                i = next;
                name = null;
                continue;
            }
            if (token.Kind == SqliteTokenKind.Word && ColumnConstraintWords.Contains(token.Text.ToUpperInvariant()))
                name = null;
            i++;
        }
    }

    // A foreign-key clause from REFERENCES: its deferral, and where the next column constraint starts.
    private static (bool Deferrable, bool InitiallyDeferred, int Next) References(List<SqliteToken> tokens, int i, int end)
    {
        bool deferrable = false, deferred = false;
        i += 2;
        if (i < end && tokens[i].IsSymbol('('))
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
    private static string Group(string sql, List<SqliteToken> tokens, int open) =>
        Text(sql, tokens, open + 1, Closing(tokens, open) - 1);

    // Names of the indexed columns between the parentheses; other entries as expressions in parentheses.
    private static List<string> IndexedColumns(string sql, List<SqliteToken> tokens, int open, int close, bool asExpressions)
    {
        var columns = new List<string>();
        foreach (var (start, end) in Split(tokens, open, close))
        {
            var plain = tokens[start].IsName && Enumerable.Range(start + 1, end - start - 1)
                .All(i => tokens[i].Is("ASC") || tokens[i].Is("DESC") || tokens[i].Is("COLLATE") || tokens[i - 1].Is("COLLATE"));
            if (plain || !asExpressions)
                columns.Add(tokens[start].Name);
            else
            {
                var text = Text(sql, tokens, start, end - 1);
                columns.Add(tokens[start].IsSymbol('(') && Closing(tokens, start) == end - 1 ? text : $"({text})");
            }
        }
        return columns;
    }
}
