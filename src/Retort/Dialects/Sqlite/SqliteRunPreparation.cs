using System.Data.Common;
using Retort.Ops;
using static Retort.Ops.BatchAlterTableOperation;

namespace Retort.Dialects.Sqlite;

/// <summary>
/// What a run asks SQLite before it renders operations: which changes of a table go into one batch that rebuilds it,
/// the table's definition and triggers read before a rebuild, and foreign-key enforcement switched off around one
/// (https://www.sqlite.org/lang_altertable.html#otheralter).
/// </summary>
internal sealed class SqliteRunPreparation(SqliteDialect dialect) : RunPreparation(dialect)
{
    /// <summary>
    /// Each run of operations on one table that SQLite cannot do in place becomes one batch, rebuilt once. With the
    /// tables autogenerate compared, every change of a table that needs a rebuild goes into one batch, at the place of
    /// its last change, carrying the table as it was (<c>copyFrom</c>); a column that nothing uses is dropped in
    /// place (SQLite 3.35+), without a rebuild.
    /// </summary>
    public override IReadOnlyList<MigrationOperation> AutoBatch(IReadOnlyList<MigrationOperation> operations, TableShapes? tables = null)
    {
        if (tables is not null)
            return AutoBatchByTable(operations, tables);
        var result = new List<MigrationOperation>();
        BatchAlterTableOperation? open = null;
        foreach (var operation in operations)
        {
            if (operation is BatchAlterTableOperation || TableOf(operation) is not { } table || !SqliteDialect.NeedsRebuild(operation))
            {
                result.Add(operation);
                open = null;
            }
            else if (open is not null && open.Table == table)
                result[^1] = open = open with { Operations = [.. open.Operations, operation] };
            else
                result.Add(open = new BatchAlterTableOperation(table, [operation]));
        }
        return result;
    }

    /// <inheritdoc />
    public override bool BatchesByTable => true;

    /// <inheritdoc />
    public override bool RebuildsTable(MigrationOperation operation) =>
        operation is BatchAlterTableOperation batch ? SqliteDialect.Rebuilds(batch) : SqliteDialect.NeedsRebuild(operation);

    private List<MigrationOperation> AutoBatchByTable(IReadOnlyList<MigrationOperation> operations, TableShapes tables)
    {
        var rebuilt = operations
            .Where(o => TableOf(o) is { } table && SqliteDialect.NeedsRebuild(o) && tables.Shape(table) is { } shape && NeedsRebuild(o, shape))
            .Select(o => TableOf(o)!.Value).ToHashSet();
        if (rebuilt.Count == 0)
            return [.. operations];
        var last = new Dictionary<TableName, int>();
        for (var i = 0; i < operations.Count; i++)
        {
            if (TableOf(operations[i]) is { } table && rebuilt.Contains(table))
                last[table] = i;
        }
        var changes = operations.Where(o => TableOf(o) is { } t && rebuilt.Contains(t)).ToLookup(o => TableOf(o)!.Value);
        var result = new List<MigrationOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            if (TableOf(operations[i]) is not { } table || !rebuilt.Contains(table))
                result.Add(operations[i]);
            else if (last[table] == i)
                result.Add(new BatchAlterTableOperation(table, [.. changes[table]], CopyFrom: tables.CopyFrom(table)));
        }
        return result;
    }

    // A column dropped in place needs nothing of the table to use it (https://www.sqlite.org/lang_altertable.html#altertabdropcol).
    private bool NeedsRebuild(MigrationOperation operation, Table table) => operation switch
    {
        DropColumnOperation drop => table.Column(drop.Column) is not { } column || column.PrimaryKey
            || AlteredTable.UserOf(table, drop.Column, dialect.ColumnReferences) is not null,
        _ => SqliteDialect.NeedsRebuild(operation),
    };

    /// <summary>
    /// PRAGMA foreign_keys, which SQLite ignores inside a transaction (https://www.sqlite.org/pragma.html#pragma_foreign_keys),
    /// so a run switches it off before its transaction begins when a rebuild is coming: with enforcement on, dropping
    /// the old table would delete or orphan the rows that refer to it (https://www.sqlite.org/foreignkeys.html#fk_schemacommands).
    /// The whole database's keys are checked before the commit instead.
    /// </summary>
    public override ForeignKeySwitch ForeignKeySwitch => new(
        new("SELECT CAST(foreign_keys AS TEXT) FROM pragma_foreign_keys"),
        new("PRAGMA foreign_keys = OFF"),
        new("PRAGMA foreign_keys = ON"),
        dialect.ForeignKeyCheck(null));

    /// <inheritdoc />
    public override bool NeedsForeignKeysOff(MigrationOperation operation) => operation is BatchAlterTableOperation batch && SqliteDialect.Rebuilds(batch);

    /// <summary>
    /// Before a rebuild online: the table's definition as it is now (read with the inspector, earlier operations of
    /// the run included) and its triggers; a <c>copyFrom</c> must name the same columns, since a script would rebuild
    /// from it. A table whose rebuild would lose what the model does not keep is refused, and so is a rebuild of a
    /// table that rows refer to while foreign-key enforcement is on.
    /// </summary>
    public override async Task<MigrationOperation> PrepareAsync(MigrationOperation operation, DbConnection connection,
        DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var prepared = await base.PrepareAsync(operation, connection, transaction, cancellationToken);
        if (prepared is DropColumnOperation { Table.Schema: null } drop)
            await CheckDropInPlaceAsync(drop, connection, transaction, cancellationToken);
        if (prepared is not BatchAlterTableOperation batch || !SqliteDialect.Rebuilds(batch))
            return prepared;
        batch.CheckTables();
        if (batch.Table.Schema is not (null or "main"))
            return batch.CopyFrom is not null ? batch
                : throw new RetortException($"sqlite: batch mode reads only the main database, and {batch.Table} is in {batch.Table.Schema}; pass copyFrom: new Table(...) to op.BatchAlterTable");
        var schema = await SqliteInspector.ReadAsync(connection, [], cancellationToken, transaction);
        var live = schema.Tables.FirstOrDefault(t => Same(t.Name.Name, batch.Table.Name))
            ?? throw new RetortException($"batch on {batch.Table}: no such table");
        if (batch.CopyFrom is { } given && Difference(given, live) is { } difference)
            throw new RetortException($"batch on {batch.Table}: copyFrom has {difference}; make copyFrom match, or a --sql script would rebuild the table differently");
        var details = await SqliteTableDetails.ReadAsync(connection, transaction, live.Name.Name, cancellationToken);
        if (details.Unsupported is { } what)
            throw new RetortException($"sqlite: batch mode cannot rebuild {batch.Table}: it {what}, which Retort's table model does not keep");
        var referrer = schema.Tables.FirstOrDefault(t => t.Constraints.OfType<ForeignKey>().Any(k => Same(k.ReferencedTable.Name, live.Name.Name)));
        if (details.ForeignKeysOn && referrer is not null)
            throw new RetortException($"sqlite: cannot rebuild {batch.Table} while foreign-key enforcement is on, since dropping it would delete or orphan the rows of " +
                $"{referrer.Name} that refer to it; SQLite cannot switch enforcement off inside the run's transaction: call op.BatchAlterTable before reading op.Connection, or open the connection with 'Foreign Keys=False'");
        return batch with { CopyFrom = live, Triggers = details.Triggers };
    }

    // SQLite refuses in place to drop a column that anything uses, with a message that names neither the column nor
    // the way out (https://www.sqlite.org/lang_altertable.html#altertabdropcol).
    private async Task CheckDropInPlaceAsync(DropColumnOperation drop, DbConnection connection, DbTransaction? transaction,
        CancellationToken cancellationToken)
    {
        var schema = await SqliteInspector.ReadAsync(connection, [], cancellationToken, transaction);
        if (schema.Tables.FirstOrDefault(t => Same(t.Name.Name, drop.Table.Name)) is { } table && AlteredTable.UserOf(table, drop.Column, dialect.ColumnReferences) is { } user)
            throw new RetortException($"sqlite: cannot drop column {drop.Table}.{drop.Column} in place, since {user} uses it; drop that first " +
                "(an index with op.DropIndex; a constraint with the column in op.BatchAlterTable, which rebuilds the table)");
    }

    // What a script's rebuild from copyFrom would get wrong: columns, indexes or named constraints it does not list as they are.
    private static string? Difference(Table given, Table live)
    {
        foreach (var (what, names) in new (string, Func<Table, IEnumerable<string>>)[]
        {
            ("columns", t => t.Columns.Select(c => c.Name)),
            ("indexes", t => t.Indexes.Select(i => i.Name)),
            ("constraints", t => t.Constraints.Where(c => c is not PrimaryKey).Select(c => c.Name ?? "(unnamed)")),
        })
        {
            if (!names(given).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(names(live)))
                return $"{what} {List(names(given))}, but the table has {List(names(live))}";
        }
        return null;
    }

    private static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
