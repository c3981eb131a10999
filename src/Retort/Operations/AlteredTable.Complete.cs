namespace Retort.Ops;

internal sealed partial class AlteredTable
{
    /// <summary>
    /// The batch's operations with what the table knew filled in where they left it out (existing type,
    /// nullability, default and comment of a changed column; the definition of a dropped column, index or
    /// constraint), so that they can be reversed.
    /// </summary>
    public IReadOnlyList<MigrationOperation> Completed => _completed;

    private readonly List<MigrationOperation> _completed = [];

    /// <summary>One operation with what <paramref name="table"/> knows filled in where the operation leaves it out.</summary>
    public static MigrationOperation Complete(Table table, MigrationOperation operation, ColumnReferences references) =>
        new AlteredTable(table, references).Complete(operation);

    /// <summary>
    /// The operations, each completed from the table as the ones before it leave it, for databases that alter in
    /// place: an operation the model refuses (which the database may well take, as MySQL drops an indexed column) is
    /// passed on as it is, and the ones after it are completed from where the model stands.
    /// </summary>
    public static IReadOnlyList<MigrationOperation> CompleteEach(Table before, IEnumerable<MigrationOperation> operations, ColumnReferences references)
    {
        var table = new AlteredTable(before, references);
        foreach (var operation in operations)
        {
            try
            {
                table.Apply(operation);
            }
            catch (RetortException)
            {
                // The database decides; the model only fills in what it knows.
            }
        }
        return table._completed;
    }

    // The operation with the table's knowledge, as it stands before the operation, filled in where it is missing.
    private MigrationOperation Complete(MigrationOperation operation)
    {
        Column? ColumnNow(string name) => _columns.FirstOrDefault(e => Same(e.Current, name)) is { } entry ? entry.Column with { Name = entry.Current } : null;
        return operation switch
        {
            DropColumnOperation { Existing: null } o when ColumnNow(o.Column) is { } column => o with { Existing = column },
            AlterColumnOperation o when ColumnNow(o.Column) is { } column => o with
            {
                ExistingType = o.ExistingType ?? column.Type,
                ExistingNullable = o.ExistingNullable ?? column.Nullable,
                ExistingServerDefault = o.ExistingServerDefaultKnown ? o.ExistingServerDefault : column.ServerDefault,
                ExistingServerDefaultKnown = true,
                ExistingComment = o.ExistingCommentKnown ? o.ExistingComment : column.Comment,
                ExistingCommentKnown = true,
                ExistingColumn = column,
            },
            DropIndexOperation { Existing: null } o when _indexes.FirstOrDefault(i => Same(i.Name, o.Name)) is { } index =>
                o with { Existing = index with { Columns = index.Columns.Select(CurrentName).ToList() } },
            DropConstraintOperation { Existing: null, Name: { } name } o when ConstraintNow(name, o.Kind) is { } constraint => o with { Existing = constraint },
            TableCommentOperation o => o with { Existing = _comment },
            _ => operation,
        };
    }

    private Constraint? ConstraintNow(string name, ConstraintKind kind)
    {
        if (kind == ConstraintKind.PrimaryKey)
            return _constraints.OfType<PrimaryKey>().FirstOrDefault() is { } key ? key with { Name = key.Name ?? name, Columns = key.Columns.Select(CurrentName).ToList() }
                : _columns.Any(e => e.Column.PrimaryKey) ? new PrimaryKey(name, _columns.Where(e => e.Column.PrimaryKey).Select(e => e.Current).ToList())
                : null;
        return _constraints.FirstOrDefault(c => c.Name is not null && Same(c.Name, name) && AddConstraintOperation.KindOf(c) == kind) switch
        {
            UniqueConstraint u => u with { Columns = u.Columns.Select(CurrentName).ToList() },
            ForeignKey k => k with { Columns = k.Columns.Select(CurrentName).ToList(), ReferencedColumns = SelfReferencing(k) ? k.ReferencedColumns.Select(CurrentName).ToList() : k.ReferencedColumns },
            CheckConstraint c => c with { Condition = CurrentText(c.Condition) },
            var other => other,
        };
    }

    // A column of the rebuilt table by the name the batch calls it now.
    private string CurrentName(string modelName) => _columns.FirstOrDefault(e => Same(e.Column.Name, modelName))?.Current ?? modelName;

    private string CurrentText(string sql)
    {
        var names = _columns.Where(e => e.Current != e.Column.Name).ToDictionary(e => e.Column.Name, e => e.Current, StringComparer.OrdinalIgnoreCase);
        return names.Count == 0 ? sql : _references.Replace(sql, names);
    }
}
