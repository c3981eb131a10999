using Retort.Ops;

namespace Retort.Autogenerate;

/// <summary>
/// The renames a sequence of operations makes, carried into the schema they lead to as <c>[RenamedFrom]</c> hints: the
/// comparison of the schema before them with the one after then writes a rename where they renamed, which keeps the
/// data, instead of a drop and an add, which loses it.
/// </summary>
/// <remarks>
/// Tables and columns are followed by identity through creates, drops and renames (in batches too); one created again
/// under an old name is a new one. A rename made some other way (<c>op.Execute</c>) is not seen, and is then a drop and
/// an add, as autogenerate writes it for a model without <c>[RenamedFrom]</c>.
/// </remarks>
internal static class RenameTrail
{
    /// <summary><paramref name="after"/> with each table and column that <paramref name="operations"/> renamed since <paramref name="before"/> marked with its name there.</summary>
    public static DatabaseSchema Hint(DatabaseSchema before, DatabaseSchema after, IEnumerable<MigrationOperation> operations)
    {
        // Each table and column as it is named now, and its name before (null for one made since).
        var tables = before.Tables.ToDictionary(t => t.Name, t => (string?)t.Name.Name);
        var columns = before.Tables.SelectMany(t => t.Columns.Select(c => (t.Name, c.Name))).ToDictionary(k => k, k => (string?)k.Item2);
        foreach (var operation in operations.SelectMany(o => o is BatchAlterTableOperation batch ? batch.Operations : [o]))
        {
            switch (operation)
            {
                case CreateTableOperation o:
                    Forget(columns, o.Table.Name);
                    tables[o.Table.Name] = null;
                    foreach (var column in o.Table.Columns)
                        columns[(o.Table.Name, column.Name)] = null;
                    break;
                case DropTableOperation o:
                    tables.Remove(o.Table);
                    Forget(columns, o.Table);
                    break;
                case RenameTableOperation o:
                    var renamed = o.Table with { Name = o.NewName };
                    tables[renamed] = tables.Remove(o.Table, out var origin) ? origin : null;
                    foreach (var key in columns.Keys.Where(k => k.Item1 == o.Table).ToList())
                    {
                        columns.Remove(key, out var name);
                        columns[(renamed, key.Item2)] = name;
                    }
                    break;
                case AddColumnOperation o:
                    columns[(o.Table, o.Column.Name)] = null;
                    break;
                case DropColumnOperation o:
                    columns.Remove((o.Table, o.Column));
                    break;
                case AlterColumnOperation { NewName: { } newName } o when newName != o.Column:
                    columns[(o.Table, newName)] = columns.Remove((o.Table, o.Column), out var was) ? was : null;
                    break;
            }
        }
        return after with
        {
            Tables = [.. after.Tables.Select(table => tables.GetValueOrDefault(table.Name) is not { } old ? table : table with
            {
                RenamedFrom = old == table.Name.Name ? [] : [old],
                Columns = [.. table.Columns.Select(c => columns.GetValueOrDefault((table.Name, c.Name)) is { } name && name != c.Name ? c with { RenamedFrom = [name] } : c)],
            })],
        };
    }

    private static void Forget(Dictionary<(TableName, string), string?> columns, TableName table)
    {
        foreach (var key in columns.Keys.Where(k => k.Item1 == table).ToList())
            columns.Remove(key);
    }
}
