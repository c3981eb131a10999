using System.Data.Common;
using Retort.Ops;

namespace Retort.Dialects;

/// <summary>
/// Autogenerate's tables around operations for <see cref="Dialect.AutoBatch"/>: <paramref name="Shape"/> tells what uses
/// a column (the table before the operations, or one of the same shape), <paramref name="CopyFrom"/> gives the table
/// exactly as it is before them, asked only for a table that is rebuilt; both null for a table they do not know.
/// </summary>
internal sealed record TableShapes(Func<TableName, Table?> Shape, Func<TableName, Table?> CopyFrom);

/// <summary>
/// How a run turns a database's foreign-key enforcement off around a transaction and checks the keys before it
/// commits: <paramref name="IsOn"/> returns the text <c>1</c> when enforcement is on.
/// </summary>
internal sealed record ForeignKeySwitch(SqlStatement IsOn, SqlStatement Off, SqlStatement On, IReadOnlyList<SqlStatement> Check);

public abstract partial class Dialect
{
    private ColumnReferences? _columnReferences;

    /// <summary>How the table model of a batch finds and renames columns in this database's SQL text.</summary>
    internal ColumnReferences ColumnReferences => _columnReferences ??= SqlColumnReferences.For(Lexicon, ReservedWords, Quote);

    /// <summary>
    /// A batch as plain ALTERs: its operations one after the other. When the batch knows the table
    /// (<c>copyFrom</c>, or the live table online), what an operation leaves out of a column's existing definition is
    /// filled in from it, so that MySQL's restatement of a whole column keeps its default and comment. SQLite rebuilds
    /// the table instead where it must.
    /// </summary>
    protected virtual IReadOnlyList<SqlStatement> BatchAlterTable(BatchAlterTableOperation operation)
    {
        CheckBatch(operation);
        var operations = operation.CopyFrom is null ? operation.Operations
            : AlteredTable.CompleteEach(operation.CopyFrom with { Name = operation.Table }, operation.Operations, ColumnReferences);
        return operations.SelectMany(Render).ToList();
    }

    /// <summary>Refuses a batch whose operations change another table than the batch's.</summary>
    private protected static void CheckBatch(BatchAlterTableOperation operation)
    {
        if (operation.Operations.FirstOrDefault(o => TableOf(o) is not { } table || table != operation.Table) is { } other)
            throw new RetortException($"batch on {operation.Table}: {other.GetType().Name.Replace("Operation", "", StringComparison.Ordinal)} " +
                (TableOf(other) is { } t ? $"changes {t}, not the batch's table" : "cannot be part of a batch; run it before or after the batch"));
    }

    internal static TableName? TableOf(MigrationOperation operation) => operation switch
    {
        AddColumnOperation o => o.Table,
        DropColumnOperation o => o.Table,
        AlterColumnOperation o => o.Table,
        CreateIndexOperation o => o.Index.Table,
        DropIndexOperation o => o.Table,
        AddConstraintOperation o => o.Table,
        DropConstraintOperation o => o.Table,
        TableCommentOperation o => o.Table,
        _ => null,
    };

    /// <summary>
    /// Readies an operation for rendering in an online run, with what only the live database knows; earlier
    /// operations of the run have been executed. Adding a NOT NULL column without a default to a table that has rows
    /// is refused here, before the database fails at it (or, as MySQL does, fills the column with zeros or empty text).
    /// SQLite also reads the table a batch rebuilds.
    /// </summary>
    internal virtual async Task<MigrationOperation> PrepareAsync(MigrationOperation operation, DbConnection connection,
        DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var added = (operation is BatchAlterTableOperation batch ? batch.Operations : [operation]).OfType<AddColumnOperation>()
            .FirstOrDefault(a => a.Column is { Nullable: false, ServerDefault: null, Identity: false });
        if (added is not null && await HasRowsAsync(connection, transaction, added.Table, cancellationToken))
            throw new RetortException($"Cannot add NOT NULL column {added.Table}.{added.Column.Name} without a server default: {added.Table} has rows, " +
                "which would get no value; give serverDefault (it fills them), or add the column nullable, fill it, then make it NOT NULL");
        return operation;
    }

    /// <summary>Whether <see cref="AutoBatch"/> puts a table's changes into a batch that rebuilds it (SQLite).</summary>
    internal virtual bool BatchesByTable => false;

    /// <summary>
    /// The operations as they run when the configuration asks for automatic batches: SQLite puts each run of
    /// operations on one table that it cannot do in place into one batch.
    /// </summary>
    /// <param name="operations">The operations in running order.</param>
    /// <param name="tables">Autogenerate's tables around the operations; with them, all the changes of a table that
    /// needs a rebuild go into one batch that carries the table (<c>copyFrom</c>).</param>
    internal virtual IReadOnlyList<MigrationOperation> AutoBatch(IReadOnlyList<MigrationOperation> operations, TableShapes? tables = null) => operations;

    /// <summary>How this database's foreign-key enforcement is turned off around a run, or null when it never needs to be.</summary>
    internal virtual ForeignKeySwitch? ForeignKeySwitch => null;

    /// <summary>Whether running the operation needs foreign-key enforcement off (SQLite's rebuild of a table).</summary>
    internal virtual bool NeedsForeignKeysOff(MigrationOperation operation) => false;

    /// <summary>Whether the table exists and holds at least one row; checked first so that no failing query spoils a transaction.</summary>
    private protected async Task<bool> HasRowsAsync(DbConnection connection, DbTransaction? transaction, TableName table, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, transaction, TableExistsQuery(table), cancellationToken) is null)
            return false;
        return await ScalarAsync(connection, transaction,
            new SqlStatement($"SELECT CASE WHEN EXISTS (SELECT 1 FROM {Quote(table)}) THEN 1 ELSE 0 END"), cancellationToken) is { } value
            && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>The first value of a query run in the run's transaction, or null when it returns no row.</summary>
    private protected static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, SqlStatement statement,
        CancellationToken cancellationToken)
    {
        await using var command = statement.Command(connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
