using Retort.Dialects;
using Retort.Ops;
using static Retort.Autogenerate.ComparisonContext;

namespace Retort.Autogenerate;

/// <summary>
/// The indexes, unique and check constraints and foreign keys of the tables a comparison keeps, and the foreign keys
/// of the tables it creates or drops that must wait for (or go before) other tables.
/// </summary>
internal sealed class ConstraintComparison(ComparisonContext context, ObjectMatching matching)
{
    private readonly Dialect _dialect = context.Dialect;
    private readonly CompareOptions _options = context.Options;
    private readonly StringComparer _names = context.Names;
    private readonly TableNameComparer _tableNames = context.TableNames;
    private readonly List<string> _warnings = context.Warnings;
    private readonly ObjectMatching _matching = matching;

    /// <summary>Foreign keys dropped before any table is dropped or created, with the indexes MySQL made for them.</summary>
    public List<MigrationOperation> ForeignKeyDrops { get; } = [];

    /// <summary>Foreign keys added once every table exists.</summary>
    public List<MigrationOperation> ForeignKeyAdds { get; } = [];

    /// <summary>The index MySQL makes for a foreign key that no index serves, by the key's add (see <see cref="Comparison.AlsoUndone"/>).</summary>
    public Dictionary<MigrationOperation, MigrationOperation> AlsoUndone { get; } = new(ReferenceEqualityComparer.Instance);

    // Indexes by name; unique constraints by name, and unnamed ones by columns; checks by name, and unnamed ones by
    // condition. Before that, a live object that does what a conventionally named wanted one does is taken for it,
    // whatever the database called it (customers_email_key, email_2, sqlite_autoindex_…).
    public void CompareIndexes(Table wanted, Table live, List<MigrationOperation> drops, List<MigrationOperation> adds)
    {
        var name = wanted.Name;
        if (_dialect.Echo.UniqueConstraintsAreIndexes)
            live = _matching.Reconciled(wanted, live);
        if (!_options.CompareImplicitNames)
            live = _matching.WithImplicitNamesMatched(wanted, live);
        var liveIndexes = new Dictionary<string, TableIndex>(_names);
        foreach (var index in live.Indexes)
            liveIndexes.TryAdd(index.Name, index);
        var wantedIndexes = wanted.Indexes.Select(i => i.Name).ToHashSet(_names);
        var indexAdds = new List<MigrationOperation>();
        foreach (var index in live.Indexes.Where(i => !wantedIndexes.Contains(i.Name) && !KeepsForForeignKey(live, i)))
            drops.Add(new DropIndexOperation(index.Name, name, index with { Table = name }));
        foreach (var index in wanted.Indexes)
        {
            if (liveIndexes.TryGetValue(index.Name, out var existing))
            {
                if (_matching.SameIndex(name, index, existing))
                    continue;
                drops.Add(new DropIndexOperation(existing.Name, name, existing with { Table = name }));
            }
            indexAdds.Add(new CreateIndexOperation(index with { Table = name }));
        }

        var (uniqueDrops, uniqueAdds) = Matched(name, wanted.Constraints.OfType<UniqueConstraint>().ToList(), live.Constraints.OfType<UniqueConstraint>().ToList(),
            (w, l) => w.Columns.SequenceEqual(l.Columns, _names), ConstraintKind.Unique, pairsNamed: false);
        var (checkDrops, checkAdds) = Matched(name, wanted.Constraints.OfType<CheckConstraint>().ToList(), live.Constraints.OfType<CheckConstraint>().ToList(),
            (w, l) => _matching.SameCondition(name, w.Condition, l.Condition), ConstraintKind.Check, pairsNamed: false);
        drops.AddRange(uniqueDrops);
        drops.AddRange(checkDrops.Select(d => d is DropConstraintOperation { Existing: CheckConstraint { Column: { } column } } drop && _dialect.Echo.RestatesColumns
            && live.Columns.FirstOrDefault(c => _names.Equals(c.Name, column)) is { } restated ? drop with { RestatedColumn = restated } : d));
        adds.AddRange(uniqueAdds);
        adds.AddRange(indexAdds);
        adds.AddRange(checkAdds);
    }

    // MySQL needs an index on a foreign key's columns and makes one (named after the key or its first column) when
    // none serves; a model that declares none has no quarrel with it, and dropping it would fail anyway.
    private bool KeepsForForeignKey(Table live, TableIndex index) =>
        _dialect.Echo.IndexesForeignKeys && !index.Unique && index.Where is null
        && live.Constraints.OfType<ForeignKey>().Any(k => index.Columns.Count >= k.Columns.Count
            && index.Columns.Take(k.Columns.Count).SequenceEqual(k.Columns, _names)
            && !Served(live with { Indexes = live.Indexes.Where(i => i != index).ToList() }, k.Columns));

    public void CompareForeignKeys(Table wanted, Table live)
    {
        var (drops, adds) = Matched(wanted.Name, wanted.Constraints.OfType<ForeignKey>().ToList(), live.Constraints.OfType<ForeignKey>().ToList(),
            SameForeignKey, ConstraintKind.ForeignKey, pairsNamed: true, SameTarget);
        var added = adds.Cast<AddConstraintOperation>().Select(a => a.Constraint.Name).ToHashSet(_names);
        foreach (var drop in drops.Cast<DropConstraintOperation>())
        {
            ForeignKeyDrops.Add(drop);
            if (!_dialect.Echo.IndexesForeignKeys || drop.Existing is not ForeignKey key || (drop.Name is not null && added.Contains(drop.Name)))
                continue;
            if (drop.Name is not null && !Served(live, key.Columns) && live.Indexes.All(i => !_names.Equals(i.Name, drop.Name)))
                ForeignKeyDrops.Add(new DropIndexOperation(drop.Name, live.Name, new TableIndex(drop.Name, live.Name.Name, key.Columns, schema: live.Name.Schema)));
            // The index MySQL named after the key's first column, which the comparison of indexes left for the key.
            else if (live.Indexes.FirstOrDefault(i => KeepsForForeignKey(live, i) && i.Columns.SequenceEqual(key.Columns, _names)
                && !wanted.Indexes.Any(w => _names.Equals(w.Name, i.Name) || (w.ImplicitName && w.Columns.SequenceEqual(i.Columns, _names)))) is { } index)
                ForeignKeyDrops.Add(new DropIndexOperation(index.Name, live.Name, index with { Table = live.Name }));
        }
        ForeignKeyAdds.AddRange(adds);
        if (!_dialect.Echo.IndexesForeignKeys)
            return;
        // MySQL makes an index named after a new key that no index serves; the downgrade drops it with the key.
        foreach (var add in adds.Cast<AddConstraintOperation>())
        {
            if (add.Constraint is ForeignKey { Name: { } name } key && !Served(live, key.Columns) && !Served(wanted, key.Columns))
                AlsoUndone[add] = new DropIndexOperation(name, wanted.Name, new TableIndex(name, wanted.Name.Name, key.Columns, schema: wanted.Name.Schema));
        }
    }

    /// <summary>A foreign key of a created table that waits for its referenced table, or for a column a kept table gains.</summary>
    public void AddForeignKey(TableName table, ForeignKey key) => ForeignKeyAdds.Add(new AddConstraintOperation(table, Named(key, table)));

    /// <summary>A foreign key inside a cycle of dropped tables, dropped before any of them.</summary>
    public void DropForeignKey(TableName table, ForeignKey key)
    {
        if (key.Name is null)
            _warnings.Add($"Foreign key {Columns(key.Columns)} of {table} has no name, so autogenerate cannot drop it; drop it by hand (SQLite: rebuild the table)");
        else
            ForeignKeyDrops.Add(new DropConstraintOperation(table, key.Name, ConstraintKind.ForeignKey, key));
    }

    // Whether another index (or key) starts with these columns, so that the database made none for the foreign key.
    private bool Served(Table table, IReadOnlyList<string> columns)
    {
        bool Leads(IReadOnlyList<string> indexed) => indexed.Count >= columns.Count && indexed.Take(columns.Count).SequenceEqual(columns, _names);
        return table.Indexes.Any(i => Leads(i.Columns)) || Leads(table.PrimaryKeyColumns)
            || table.Constraints.OfType<UniqueConstraint>().Any(u => Leads(u.Columns));
    }

    private bool SameTarget(ForeignKey wanted, ForeignKey live) =>
        wanted.Columns.SequenceEqual(live.Columns, _names) && _tableNames.Equals(wanted.ReferencedTable, live.ReferencedTable)
        && wanted.ReferencedColumns.SequenceEqual(live.ReferencedColumns, _names);

    private bool SameForeignKey(ForeignKey wanted, ForeignKey live) =>
        SameTarget(wanted, live)
        && _dialect.Echo.NormalizeReferentialAction(wanted.OnDelete) == _dialect.Echo.NormalizeReferentialAction(live.OnDelete)
        && _dialect.Echo.NormalizeReferentialAction(wanted.OnUpdate) == _dialect.Echo.NormalizeReferentialAction(live.OnUpdate)
        && wanted.Deferrable == live.Deferrable && wanted.InitiallyDeferred == live.InitiallyDeferred;

    /// <summary>
    /// Pairs wanted and live constraints, by name first and then, for those left, by <paramref name="pairs"/>
    /// (the same columns, or the same target; between two differently named ones only when
    /// <paramref name="pairsNamed"/>, as for foreign keys, which Alembic also pairs by what they do); a pair that
    /// is not <paramref name="same"/> is dropped and added again, the unpaired live ones are dropped and the
    /// unpaired wanted ones added.
    /// </summary>
    private (List<MigrationOperation> Drops, List<MigrationOperation> Adds) Matched<T>(TableName table, List<T> wanted, List<T> live,
        Func<T, T, bool> same, ConstraintKind kind, bool pairsNamed, Func<T, T, bool>? pairs = null) where T : Constraint
    {
        pairs ??= same;
        var drops = new List<MigrationOperation>();
        var adds = new List<MigrationOperation>();
        var unpaired = new List<T>(live);
        var byName = new Dictionary<string, T>(_names);
        foreach (var constraint in live.Where(c => c.Name is not null))
            byName.TryAdd(constraint.Name!, constraint);
        var left = new List<T>();
        foreach (var constraint in wanted)
        {
            if (constraint.Name is not null && byName.TryGetValue(constraint.Name, out var existing) && unpaired.Remove(existing))
                Pair(constraint, existing);
            else
                left.Add(constraint);
        }
        foreach (var constraint in left)
        {
            var existing = unpaired.FirstOrDefault(l => (pairsNamed || constraint.Name is null || l.Name is null) && pairs(constraint, l));
            if (existing is not null && unpaired.Remove(existing))
                Pair(constraint, existing);
            else
                adds.Add(new AddConstraintOperation(table, Named(constraint, table)));
        }
        foreach (var constraint in unpaired)
        {
            if (constraint.Name is null && !_dialect.Echo.DropsUnnamedConstraints)
                _warnings.Add($"An unnamed {KindWords(kind)} of {table} is not in the model, but autogenerate cannot drop it without a name; drop it by hand");
            else
                drops.Add(new DropConstraintOperation(table, constraint.Name, kind, constraint));
        }
        return (drops, adds);

        void Pair(T wantedOne, T liveOne)
        {
            if (same(wantedOne, liveOne))
                return;
            if (liveOne.Name is null && !_dialect.Echo.DropsUnnamedConstraints)
            {
                _warnings.Add($"The {KindWords(kind)} {Columns(ColumnsOf(liveOne))} of {table} changed, but it has no name in the database, so autogenerate cannot drop it; change it by hand");
                return;
            }
            drops.Add(new DropConstraintOperation(table, liveOne.Name, kind, liveOne));
            // Created again under the database's name when the model left the name to convention.
            var again = wantedOne.ImplicitName && !_options.CompareImplicitNames && liveOne.Name is not null
                ? wantedOne with { Name = liveOne.Name, ImplicitName = false } : wantedOne;
            adds.Add(new AddConstraintOperation(table, Named(again, table, liveOne.Name)));
        }
    }

    // A constraint added to an existing table needs a name to be dropped again (by the downgrade).
    private T Named<T>(T constraint, TableName table, string? fallback = null) where T : Constraint
    {
        if (constraint.Name is not null)
            return constraint;
        var prefix = constraint switch { ForeignKey => "fk", UniqueConstraint => "uq", _ => "ck" };
        var name = fallback ?? $"{prefix}_{table.Name}_{string.Join("_", ColumnsOf(constraint))}";
        if (fallback is null)
            _warnings.Add($"The unnamed {KindWords(AddConstraintOperation.KindOf(constraint))} {Columns(ColumnsOf(constraint))} of {table} is added as {name}; name it in the model to keep the name stable");
        return constraint with { Name = name };
    }

    private static IReadOnlyList<string> ColumnsOf(Constraint constraint) => constraint switch
    {
        UniqueConstraint u => u.Columns,
        ForeignKey f => f.Columns,
        PrimaryKey p => p.Columns,
        _ => [],
    };

    private static string KindWords(ConstraintKind kind) => kind switch
    {
        ConstraintKind.Unique => "unique constraint",
        ConstraintKind.ForeignKey => "foreign key",
        ConstraintKind.Check => "check constraint",
        _ => "primary key",
    };
}
