using Retort.Dialects;
using Retort.Ops;
using static Retort.Autogenerate.ComparisonContext;

namespace Retort.Autogenerate;

/// <summary>
/// The tables of a comparison: renamed, dropped (referencing tables first), created (referenced tables first) or kept,
/// and for a kept one its columns and constraints, each kind of operation collected for its place in the migration.
/// </summary>
internal sealed class TableComparison(ComparisonContext context, ColumnComparison columns, ConstraintComparison constraints)
{
    private readonly ComparisonContext _context = context;
    private readonly Dialect _dialect = context.Dialect;
    private readonly StringComparer _names = context.Names;
    private readonly TableNameComparer _tableNames = context.TableNames;
    private readonly ColumnComparison _columns = columns;
    private readonly ConstraintComparison _constraints = constraints;

    /// <summary>Table renames, which run first: what follows uses the new names.</summary>
    public List<MigrationOperation> Renames { get; } = [];

    /// <summary>Drops of removed tables, referencing tables first, each with its indexes.</summary>
    public List<MigrationOperation> Drops { get; } = [];

    /// <summary>Creates of added tables, referenced tables first, each followed by its indexes.</summary>
    public List<MigrationOperation> Creates { get; } = [];

    /// <summary>The changes inside kept tables, table by table.</summary>
    public List<MigrationOperation> Changes { get; } = [];

    /// <summary>The live tables compared with wanted ones, by the wanted name (after table renames).</summary>
    public Dictionary<TableName, Table> Kept { get; } = [];

    /// <summary>The wanted tables that <see cref="Kept"/> are compared with, by name.</summary>
    public Dictionary<TableName, Table> KeptWanted { get; } = [];

    public void Compare(List<Table> wanted, List<Table> live)
    {
        var liveByName = new Dictionary<TableName, Table>(live.Count, _tableNames);
        foreach (var table in live)
            liveByName.TryAdd(table.Name, table);
        var wantedNames = wanted.Select(t => t.Name).ToHashSet(_tableNames);
        var renamed = RenameTables(wanted, liveByName, wantedNames);
        if (renamed.Count > 0)
        {
            // The database carries foreign keys and indexes over to the new name; so does the live schema here.
            foreach (var name in liveByName.Keys.ToList())
                liveByName[name] = WithTablesRenamed(liveByName[name], renamed);
        }

        var added = new List<Table>();
        var kept = new List<(Table Wanted, Table Live)>();
        foreach (var table in wanted)
        {
            if (liveByName.TryGetValue(table.Name, out var existing))
                kept.Add((table, existing));
            else
                added.Add(table);
        }
        var removed = liveByName.Values.Where(t => !wantedNames.Contains(t.Name)).ToList();
        DropTables(removed);
        WarnOfTableRenames(added, removed);
        var liveColumns = kept.ToDictionary(p => p.Live.Name, p => p.Live.Columns.Select(c => c.Name).ToHashSet(_names), _tableNames);
        CreateTables(added, liveColumns);
        foreach (var (wantedTable, liveTable) in kept)
        {
            Kept[wantedTable.Name] = liveTable;
            KeptWanted[wantedTable.Name] = wantedTable;
            CompareTable(wantedTable, liveTable);
        }
    }

    /// <summary>The changes inside one kept table, in Alembic's order.</summary>
    private void CompareTable(Table wanted, Table live)
    {
        var columns = _columns.Compare(wanted, live);
        var constraintDrops = new List<MigrationOperation>();
        var constraintAdds = new List<MigrationOperation>();
        _constraints.CompareIndexes(wanted, columns.Live, constraintDrops, constraintAdds);
        _constraints.CompareForeignKeys(wanted, columns.Live);
        Changes.AddRange(columns.Renames);
        Changes.AddRange(constraintDrops);
        Changes.AddRange(columns.Adds);
        Changes.AddRange(columns.Alters);
        Changes.AddRange(columns.Drops);
        Changes.AddRange(constraintAdds);
        if (_dialect.Echo.KeepsComments && Blank(wanted.Comment) != Blank(columns.Live.Comment))
            Changes.Add(new TableCommentOperation(wanted.Name, Blank(wanted.Comment), Blank(columns.Live.Comment)));
    }

    // A wanted table whose [RenamedFrom] names a live table that no wanted table claims is that table, renamed.
    // Once the rename has run, the new name exists and nothing happens again.
    private Dictionary<TableName, TableName> RenameTables(List<Table> wanted, Dictionary<TableName, Table> liveByName, HashSet<TableName> wantedNames)
    {
        var renamed = new Dictionary<TableName, TableName>(_tableNames);
        foreach (var table in wanted)
        {
            if (table.RenamedFrom.Count == 0 || liveByName.ContainsKey(table.Name))
                continue;
            foreach (var old in table.RenamedFrom.Select(n => table.Name with { Name = n }))
            {
                if (!liveByName.TryGetValue(old, out var existing) || wantedNames.Contains(old) || renamed.ContainsKey(old))
                    continue;
                Renames.Add(new RenameTableOperation(existing.Name, table.Name.Name));
                renamed[old] = table.Name;
                _context.LiveNames[table.Name] = existing.Name;
                liveByName.Remove(old);
                liveByName[table.Name] = existing with { Name = table.Name };
                break;
            }
        }
        return renamed;
    }

    private Table WithTablesRenamed(Table table, Dictionary<TableName, TableName> renamed) => table with
    {
        Constraints = table.Constraints
            .Select(c => c is ForeignKey key && renamed.TryGetValue(key.ReferencedTable, out var to) ? key with { ReferencedTable = to } : c)
            .ToList(),
        Indexes = table.Indexes.Select(i => i with { Table = table.Name }).ToList(),
    };

    private void WarnOfTableRenames(List<Table> added, List<Table> removed)
    {
        Dictionary<TableName, DropTableOperation>? drops = null;
        foreach (var table in added)
        {
            var columns = table.Columns.Select(c => c.Name).ToHashSet(_names);
            var old = removed.FirstOrDefault(r => r.Columns.Count == columns.Count && r.Columns.All(c => columns.Contains(c.Name)));
            if (old is not null)
            {
                var warning = $"Table {old.Name} is dropped and {table.Name} created with the same columns; if it is a rename, " +
                    $"mark the class [RenamedFrom(\"{old.Name.Name}\")] so that autogenerate renames it and keeps the data";
                drops ??= Drops.OfType<DropTableOperation>().ToDictionary(d => d.Table, _tableNames);
                if (drops.TryGetValue(old.Name, out var drop))
                    _context.Note(drop, warning);
                else
                    _context.Warnings.Add(warning);
            }
        }
    }

    // Referenced tables first; a foreign key that closes a cycle, or that needs a column a kept table only gains
    // in this migration, is added after every table exists.
    private void CreateTables(List<Table> added, Dictionary<TableName, HashSet<string>> liveColumns)
    {
        var order = ReferencedFirst(added,
            key => liveColumns.TryGetValue(key.ReferencedTable, out var columns) && !key.ReferencedColumns.All(columns.Contains));
        foreach (var (table, deferred) in order)
        {
            var created = ForCreate(table) with { Constraints = table.Constraints.Where(c => !deferred.Contains(c)).ToList() };
            Creates.Add(new CreateTableOperation(created));
            foreach (var index in table.Indexes)
                Creates.Add(new CreateIndexOperation(index with { Table = table.Name }));
            foreach (var key in deferred)
                _constraints.AddForeignKey(table.Name, key);
        }
    }

    // The table as CREATE TABLE takes it: indexes are operations of their own, earlier names are the model's.
    private static Table ForCreate(Table table) => table with
    {
        Columns = table.Columns.Select(c => c.RenamedFrom.Count == 0 ? c : c with { RenamedFrom = [] }).ToList(),
        Indexes = [],
        RenamedFrom = [],
    };

    // Referencing tables first; a foreign key inside a cycle of dropped tables is dropped
    // before any of them.
    private void DropTables(List<Table> removed)
    {
        var order = ReferencedFirst(removed, _ => false);
        foreach (var (table, cyclic) in order)
        {
            foreach (var key in cyclic)
                _constraints.DropForeignKey(table.Name, key);
        }
        // The indexes go with the table (MySQL refuses to drop one that a foreign key needs); the downgrade
        // creates them again after the table.
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var table = order[i].Cyclic.Count == 0 ? order[i].Table
                : order[i].Table with { Constraints = order[i].Table.Constraints.Where(c => !order[i].Cyclic.Contains(c)).ToList() };
            Drops.Add(new DropTableOperation(table.Name, table with { Indexes = table.Indexes.Select(x => x with { Table = table.Name }).ToList() }));
        }
    }

    /// <summary>
    /// The tables in an order where each comes after the tables of the set that it refers to (depth first, in the
    /// given order otherwise), each with the foreign keys that cannot wait for that order: those that close a cycle of
    /// the set, and the others for which <paramref name="outsideWaits"/> says so.
    /// </summary>
    private List<(Table Table, List<ForeignKey> Cyclic)> ReferencedFirst(List<Table> tables, Func<ForeignKey, bool> outsideWaits)
    {
        var byName = new Dictionary<TableName, Table>(tables.Count, _tableNames);
        foreach (var table in tables)
            byName.TryAdd(table.Name, table);
        var state = new Dictionary<TableName, bool>(_tableNames);   // false: being visited, true: placed
        var order = new List<(Table, List<ForeignKey>)>(tables.Count);
        foreach (var table in tables)
            Visit(table);
        return order;

        void Visit(Table table)
        {
            if (state.ContainsKey(table.Name))
                return;
            state[table.Name] = false;
            var cyclic = new List<ForeignKey>();
            foreach (var key in table.Constraints.OfType<ForeignKey>())
            {
                if (byName.TryGetValue(key.ReferencedTable, out var referenced) && !_tableNames.Equals(referenced.Name, table.Name))
                {
                    Visit(referenced);
                    if (!state[referenced.Name])
                        cyclic.Add(key);
                }
                else if (outsideWaits(key))
                    cyclic.Add(key);
            }
            order.Add((table, cyclic));
            state[table.Name] = true;
        }
    }
}
