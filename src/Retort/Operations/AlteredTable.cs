namespace Retort.Ops;

/// <summary>
/// What a batch's operations make of a table, worked out on the schema model alone: SQL text inside the table (CHECK
/// conditions, index expressions, WHERE clauses) is read only through the <see cref="ColumnReferences"/> that the
/// database it is written for supplies. SQLite's rebuild creates <see cref="Rebuilt"/>, where the table's own columns
/// keep their old names, copies those columns (<see cref="Copied"/>), and then renames them in place
/// (<see cref="Renames"/>), so that SQLite itself carries each rename into indexes, triggers, views and other tables'
/// foreign keys. <see cref="After"/> is the table once all of that has run.
/// </summary>
internal sealed partial class AlteredTable
{
    // A column of the table being worked on: Column carries the name the rebuild creates it under (the old name of a
    // column the table already had), Current the name the batch's operations call it by at this point.
    private sealed class Entry(Column column, string? origin)
    {
        public Column Column { get; set; } = column;
        public string? Origin { get; } = origin;
        public string Current { get; set; } = column.Name;
    }

    private readonly TableName _name;
    private readonly ColumnReferences _references;
    private readonly List<Entry> _columns;
    private readonly List<Constraint> _constraints;
    private readonly List<TableIndex> _indexes;
    private string? _comment;

    private AlteredTable(Table before, ColumnReferences references)
    {
        _name = before.Name;
        _references = references;
        _columns = before.Columns.Select(c => new Entry(c, c.Name)).ToList();
        _constraints = before.Constraints.ToList();
        _indexes = before.Indexes.ToList();
        _comment = before.Comment;
    }

    /// <summary>The table to create: the batch's result, with the table's own columns under their old names.</summary>
    public Table Rebuilt { get; private set; } = null!;

    /// <summary>The table once the batch has run.</summary>
    public Table After { get; private set; } = null!;

    /// <summary>The columns whose values are copied across, by the names <see cref="Rebuilt"/> gives them (their old ones).</summary>
    public IReadOnlyList<string> Copied { get; private set; } = [];

    /// <summary>Old and new names of the kept columns that the batch renames.</summary>
    public IReadOnlyList<(string From, string To)> Renames { get; private set; } = [];

    /// <summary>
    /// Applies <paramref name="operations"/> (those a batch may hold) to <paramref name="before"/>, reading its SQL text
    /// with <paramref name="references"/>.
    /// </summary>
    public static AlteredTable Apply(Table before, IEnumerable<MigrationOperation> operations, ColumnReferences references)
    {
        var table = new AlteredTable(before, references);
        foreach (var operation in operations)
            table.Apply(operation);
        table.Finish();
        return table;
    }

    private void Apply(MigrationOperation operation)
    {
        _completed.Add(Complete(operation));
        switch (operation)
        {
            case AddColumnOperation o:
                AddColumn(o.Column);
                break;
            case DropColumnOperation o:
                DropColumn(Find(o.Column));
                break;
            case AlterColumnOperation o:
                AlterColumn(o);
                break;
            case CreateIndexOperation o:
                if (_indexes.Any(i => Same(i.Name, o.Index.Name)))
                    throw Error($"index {o.Index.Name} exists already");
                _indexes.Add(o.Index with { Table = _name, Columns = o.Index.Columns.Select(IndexEntry).ToList(), Where = Expression(o.Index.Where) });
                break;
            case DropIndexOperation o:
                if (_indexes.RemoveAll(i => Same(i.Name, o.Name)) == 0)
                    throw Error($"no index {o.Name}");
                break;
            case AddConstraintOperation o:
                AddConstraint(o.Constraint);
                break;
            case DropConstraintOperation { Name: null } o:
                DropUnnamed(o);
                break;
            case DropConstraintOperation o:
                DropConstraint(o.Name, o.Kind);
                break;
            case TableCommentOperation o:
                _comment = o.Comment;
                break;
            default:
                throw Error($"{operation.GetType().Name.Replace("Operation", "", StringComparison.Ordinal)} cannot be part of a batch; run it before or after the batch");
        }
    }

    private void AddColumn(Column column)
    {
        if (_columns.Any(e => Same(e.Current, column.Name)))
            throw Error($"column {column.Name} exists already");
        CheckFreeInRebuild(column.Name);
        if (column.PrimaryKey && HasPrimaryKey)
            throw Error($"column {column.Name} cannot join the primary key it already has; drop the key and create it again");
        _columns.Add(new Entry(column, null));
    }

    private void DropColumn(Entry entry)
    {
        if (UserOf(entry) is { } user)
            throw Error($"column {entry.Current} is used by {user}; drop that first in the batch");
        _columns.Remove(entry);
    }

    /// <summary>What of <paramref name="table"/> uses column <paramref name="column"/> (the primary key, a constraint, an index), or null.</summary>
    public static string? UserOf(Table table, string column, ColumnReferences references) =>
        new AlteredTable(table, references) is var altered && altered._columns.FirstOrDefault(e => Same(e.Current, column)) is { } entry ? altered.UserOf(entry) : null;

    private string? UserOf(Entry entry)
    {
        var name = entry.Column.Name;
        return entry.Column.PrimaryKey || _constraints.OfType<PrimaryKey>().Any(k => k.Columns.Any(c => Same(c, name))) ? "the primary key"
            : _constraints.FirstOrDefault(c => Uses(c, name)) is { } constraint ? Describe(constraint)
            : _indexes.FirstOrDefault(i => i.Columns.Any(c => Same(c, name) || Mentions(c, name)) || Mentions(i.Where, name)) is { } index ? $"index {index.Name}"
            : null;
    }

    private void AlterColumn(AlterColumnOperation operation)
    {
        var entry = Find(operation.Column);
        var column = entry.Column;
        if (operation.Type is { } type)
            column = column with { Type = type };
        if (operation.Nullable is { } nullable)
            column = column with { Nullable = nullable };
        if (operation.ServerDefault is { } serverDefault)
            column = column with { ServerDefault = serverDefault.Value };
        if (operation.Comment is { } comment)
            column = column with { Comment = comment.Value };
        entry.Column = column;
        if (operation.NewName is { } newName && newName != entry.Current)
            Rename(entry, newName);
    }

    private void Rename(Entry entry, string newName)
    {
        if (_columns.Any(e => e != entry && Same(e.Current, newName)))
            throw Error($"cannot rename column {entry.Current} to {newName}, which another column is called");
        if (entry.Origin is null)
        {
            // A column the batch adds is created under its final name, so whatever refers to it follows the rename.
            CheckFreeInRebuild(newName);
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [entry.Column.Name] = newName };
            ReplaceEverywhere(names);
            entry.Column = entry.Column with { Name = newName };
        }
        entry.Current = newName;
    }

    // The rebuilt table holds kept columns under their old names, so a new name must not be one of those.
    private void CheckFreeInRebuild(string name)
    {
        if (_columns.FirstOrDefault(e => e.Origin is not null && Same(e.Column.Name, name)) is { } kept)
            throw Error($"a new column {name} would clash with column {name} renamed to {kept.Current} in the same batch; rename in a batch of its own first");
    }

    private void AddConstraint(Constraint constraint)
    {
        if (constraint.Name is not null && _constraints.Any(c => c.Name is not null && Same(c.Name, constraint.Name)))
            throw Error($"constraint {constraint.Name} exists already");
        _constraints.Add(constraint switch
        {
            PrimaryKey key when HasPrimaryKey => throw Error($"cannot add primary key {key.Name}: the table has one; drop it first"),
            PrimaryKey key => key with { Columns = ColumnNames(key.Columns) },
            UniqueConstraint unique => unique with { Columns = ColumnNames(unique.Columns) },
            CheckConstraint check => check with { Condition = Expression(check.Condition)! },
            ForeignKey key => key with
            {
                Columns = ColumnNames(key.Columns),
                ReferencedColumns = SelfReferencing(key) ? ColumnNames(key.ReferencedColumns) : key.ReferencedColumns,
            },
            _ => constraint,
        });
    }

    private void DropConstraint(string name, ConstraintKind kind)
    {
        if (kind == ConstraintKind.PrimaryKey)
        {
            // SQLite's INTEGER PRIMARY KEY often has no name: an unnamed key answers to any, since a table has one.
            var key = _constraints.OfType<PrimaryKey>().FirstOrDefault();
            if (!HasPrimaryKey || (key?.Name is { } keyName && !Same(keyName, name)))
                throw Error($"no primary key {name}");
            _constraints.RemoveAll(c => c is PrimaryKey);
            foreach (var entry in _columns.Where(e => e.Column.PrimaryKey))
                entry.Column = entry.Column with { PrimaryKey = false, Identity = false };
            return;
        }
        var found = _constraints.FirstOrDefault(c => c.Name is not null && Same(c.Name, name) && AddConstraintOperation.KindOf(c) == kind)
            ?? throw Error($"no {Words(kind)} {name}");
        _constraints.Remove(found);
    }

    // An unnamed constraint is known by what it does: the same columns, referent and actions, or condition.
    private void DropUnnamed(DropConstraintOperation operation)
    {
        var wanted = operation.Existing ?? throw Error($"dropping an unnamed {Words(operation.Kind)} needs the constraint it drops");
        var found = _constraints.FirstOrDefault(c => c.Name is null && SameDefinition(c, wanted))
            ?? throw Error($"the table has no unnamed {Words(operation.Kind)} like the one to drop");
        _constraints.Remove(found);
    }

    private static bool SameDefinition(Constraint a, Constraint b) => (a, b) switch
    {
        (UniqueConstraint x, UniqueConstraint y) => x.Columns.SequenceEqual(y.Columns, StringComparer.OrdinalIgnoreCase),
        (ForeignKey x, ForeignKey y) => x.Columns.SequenceEqual(y.Columns, StringComparer.OrdinalIgnoreCase)
            && Same(x.ReferencedTable.Name, y.ReferencedTable.Name) && x.ReferencedColumns.SequenceEqual(y.ReferencedColumns, StringComparer.OrdinalIgnoreCase)
            && x.OnDelete == y.OnDelete && x.OnUpdate == y.OnUpdate,
        (CheckConstraint x, CheckConstraint y) => string.Join(' ', x.Condition.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            == string.Join(' ', y.Condition.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
        _ => false,
    };

    private void Finish()
    {
        Rebuilt = new Table(_name, [.. _columns.Select(e => e.Column), .. _constraints], _indexes, _comment);
        // A computed column's values are the database's to compute: copying into it is refused.
        Copied = _columns.Where(e => e.Origin is not null && e.Column.Computed is null).Select(e => e.Column.Name).ToList();
        Renames = _columns.Where(e => e.Origin is not null && e.Current != e.Origin).Select(e => (e.Origin!, e.Current)).ToList();
        var names = Renames.ToDictionary(r => r.From, r => r.To, StringComparer.OrdinalIgnoreCase);
        ReplaceEverywhere(names);
        foreach (var entry in _columns.Where(e => e.Origin is not null))
            entry.Column = entry.Column with { Name = entry.Current };
        After = new Table(_name, [.. _columns.Select(e => e.Column), .. _constraints], _indexes, _comment);
    }

    private bool HasPrimaryKey => _constraints.OfType<PrimaryKey>().Any() || _columns.Any(e => e.Column.PrimaryKey);

    private Entry Find(string current) =>
        _columns.FirstOrDefault(e => Same(e.Current, current)) ?? throw Error($"no column {current}");

    private List<string> ColumnNames(IEnumerable<string> currents) => currents.Select(c => Find(c).Column.Name).ToList();

    private bool SelfReferencing(ForeignKey key) => Same(key.ReferencedTable.Name, _name.Name);

    private RetortException Error(string what) => new($"batch on {_name}: {what}");

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
