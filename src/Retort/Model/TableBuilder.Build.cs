namespace Retort.Model;

public sealed partial class TableBuilder
{
    /// <summary>The primary key's columns, in key order: the declared key, else the columns flagged as key.</summary>
    internal IReadOnlyList<string> KeyColumns() =>
        _primaryKey?.Columns ?? _columns.Where(c => c.PrimaryKey).Select(c => c.Name).ToList();

    /// <summary>The table, with default names given and foreign keys resolved against <paramref name="keys"/>.</summary>
    internal Table Build(IReadOnlyDictionary<TableName, IReadOnlyList<string>> keys)
    {
        if (_columns.Count == 0)
            throw Error("a table needs at least one column");
        var key = KeyColumns();
        var flaggedElsewhere = _columns.FirstOrDefault(c => c.PrimaryKey && !key.Contains(c.Name));
        if (flaggedElsewhere is not null)
            throw Error($"column {flaggedElsewhere.Name} is flagged primaryKey but the primary key is ({string.Join(", ", key)})");
        CheckColumns(key, "the primary key");

        List<TableElement> elements = [.. _columns.Select(c => key.Contains(c.Name) ? c with { PrimaryKey = true, Nullable = false } : c)];
        if (key.Count > 0)
            elements.Add(new PrimaryKey(_primaryKey?.Name ?? $"pk_{Name.Name}", key) { ImplicitName = _primaryKey?.Name is null });
        int checks = 0;
        foreach (var spec in _constraints)
        {
            if (spec is CheckSpec)
                checks++;
            elements.Add(spec switch
            {
                KeySpec unique => new UniqueConstraint(unique.Name ?? $"uq_{Name.Name}_{Joined(unique.Columns)}", CheckColumns(unique.Columns, "a unique constraint"))
                {
                    ImplicitName = unique.Name is null,
                },
                ForeignKeySpec foreignKey => ResolvedForeignKey(foreignKey, keys) with { ImplicitName = foreignKey.Name is null },
                CheckSpec check => new CheckConstraint(check.Name ?? $"ck_{Name.Name}_{checks}", check.Condition) { ImplicitName = check.Name is null },
                _ => (Constraint)spec,
            });
        }
        var indexes = _indexes.Select(i => new TableIndex(i.Name ?? DefaultIndexName(i.Columns), Name.Name,
            CheckColumns(i.Columns, "an index"), i.Unique, i.Where, Name.Schema, i.Descending) { ImplicitName = i.Name is null });
        return new Table(Name, elements, indexes, _comment) { RenamedFrom = _renamedFrom };
    }

    private ForeignKey ResolvedForeignKey(ForeignKeySpec spec, IReadOnlyDictionary<TableName, IReadOnlyList<string>> keys)
    {
        CheckColumns(spec.Columns, "a foreign key");
        string description = $"foreign key ({string.Join(", ", spec.Columns)}) to {spec.Target}";
        var targetColumns = spec.TargetColumns
            ?? (keys.TryGetValue(spec.Target, out var key) ? key
                : throw Error($"{description}: that table is not declared here, so name the referenced columns"));
        if (targetColumns.Count == 0)
            throw Error($"{description}: that table has no primary key, so name the referenced columns");
        if (targetColumns.Count != spec.Columns.Count)
            throw Error($"{description}: {spec.Columns.Count} column(s) refer to {targetColumns.Count} ({string.Join(", ", targetColumns)})");
        return new ForeignKey(spec.Name ?? $"fk_{Name.Name}_{Joined(spec.Columns)}_{spec.Target.Name}", spec.Columns,
            spec.Target.Name, targetColumns, spec.OnDelete, spec.OnUpdate, referencedSchema: spec.Target.Schema);
    }

    private string DefaultIndexName(IReadOnlyList<string> columns) =>
        columns.Any(TableIndex.IsExpression)
            ? throw Error($"the index over {string.Join(", ", columns)} has an expression, so it needs a name")
            : $"ix_{Name.Name}_{Joined(columns)}";

    private IReadOnlyList<string> CheckColumns(IReadOnlyList<string> columns, string what)
    {
        var unknown = columns.FirstOrDefault(c => !TableIndex.IsExpression(c) && _columns.All(known => known.Name != c));
        return unknown is null ? columns : throw Error($"{what} names column {unknown}, which the table does not have");
    }

    private static string Joined(IReadOnlyList<string> columns) => string.Join('_', columns);
}
