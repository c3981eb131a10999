namespace Retort.Ops;

internal sealed partial class AlteredTable
{
    // An index entry as the batch gives it, in the names of the rebuilt table.
    private string IndexEntry(string entry) => TableIndex.IsExpression(entry) ? Expression(entry)! : Find(entry).Column.Name;

    // SQL text that names columns as the batch calls them now, in the names of the rebuilt table.
    private string? Expression(string? sql)
    {
        var names = _columns.Where(e => e.Current != e.Column.Name).ToDictionary(e => e.Current, e => e.Column.Name, StringComparer.OrdinalIgnoreCase);
        return sql is null || names.Count == 0 ? sql : _references.Replace(sql, names);
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
                CheckConstraint check => check with { Condition = _references.Replace(check.Condition, names) },
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
                Columns = index.Columns.Select(c => TableIndex.IsExpression(c) ? _references.Replace(c, names) : names.GetValueOrDefault(c, c)).ToList(),
                Where = index.Where is null ? null : _references.Replace(index.Where, names),
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

    private bool Mentions(string? sql, string column) => sql is not null && _references.Mentions(sql, column);

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
