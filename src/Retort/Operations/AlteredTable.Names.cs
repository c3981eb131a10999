using System.Text;
using Retort.Dialects.Sqlite;

namespace Retort.Ops;

internal sealed partial class AlteredTable
{
    // An index entry as the batch gives it, in the names of the rebuilt table.
    private string IndexEntry(string entry) => TableIndex.IsExpression(entry) ? Expression(entry)! : Find(entry).Column.Name;

    // SQL text that names columns as the batch calls them now, in the names of the rebuilt table.
    private string? Expression(string? sql)
    {
        var names = _columns.Where(e => e.Current != e.Column.Name).ToDictionary(e => e.Current, e => e.Column.Name, StringComparer.OrdinalIgnoreCase);
        return sql is null || names.Count == 0 ? sql : ColumnReferences.Replace(sql, names);
    }

    // Renames columns in every constraint and index of the table.
    private void ReplaceEverywhere(Dictionary<string, string> names)
    {
        if (names.Count == 0)
            return;
        List<string> Columns(IEnumerable<string> columns) => columns.Select(c => names.GetValueOrDefault(c, c)).ToList();
        for (var i = 0; i < _constraints.Count; i++)
        {
            _constraints[i] = _constraints[i] switch
            {
                PrimaryKey key => key with { Columns = Columns(key.Columns) },
                UniqueConstraint unique => unique with { Columns = Columns(unique.Columns) },
                CheckConstraint check => check with { Condition = ColumnReferences.Replace(check.Condition, names) },
                ForeignKey key => key with
                {
                    Columns = Columns(key.Columns),
                    ReferencedColumns = SelfReferencing(key) ? Columns(key.ReferencedColumns) : key.ReferencedColumns,
                },
                var other => other,
            };
        }
        for (var i = 0; i < _indexes.Count; i++)
        {
            var index = _indexes[i];
            _indexes[i] = index with
            {
                Columns = index.Columns.Select(c => TableIndex.IsExpression(c) ? ColumnReferences.Replace(c, names) : names.GetValueOrDefault(c, c)).ToList(),
                Where = index.Where is null ? null : ColumnReferences.Replace(index.Where, names),
            };
        }
    }

    private bool Uses(Constraint constraint, string column) => constraint switch
    {
        UniqueConstraint unique => unique.Columns.Any(c => Same(c, column)),
        CheckConstraint check => Mentions(check.Condition, column),
        ForeignKey key => key.Columns.Any(c => Same(c, column)) || (SelfReferencing(key) && key.ReferencedColumns.Any(c => Same(c, column))),
        _ => false,
    };

    private static bool Mentions(string? sql, string column) => sql is not null && ColumnReferences.Mentions(sql, column);

    private static string Describe(Constraint constraint) =>
        constraint.Name is null ? $"an unnamed {Words(AddConstraintOperation.KindOf(constraint))}" : $"{Words(AddConstraintOperation.KindOf(constraint))} {constraint.Name}";

    private static string Words(ConstraintKind kind) => kind switch
    {
        ConstraintKind.PrimaryKey => "primary key",
        ConstraintKind.Unique => "unique constraint",
        ConstraintKind.ForeignKey => "foreign key",
        _ => "check constraint",
    };
}

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
