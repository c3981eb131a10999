using System.Data.Common;
using Retort.Ops;

namespace Retort.Dialects;

/// <summary>
/// Autogenerate's tables around operations for <see cref="RunPreparation.AutoBatch"/>: <paramref name="Shape"/> tells what
/// uses a column (the table before the operations, or one of the same shape), <paramref name="CopyFrom"/> gives the table
/// exactly as it is before them, asked only for a table that is rebuilt; both null for a table they do not know.
/// </summary>
internal sealed record TableShapes(Func<TableName, Table?> Shape, Func<TableName, Table?> CopyFrom);

/// <summary>
/// How a run turns a database's foreign-key enforcement off around a transaction and checks the keys before it
/// commits: <paramref name="IsOn"/> returns the text <c>1</c> when enforcement is on.
/// </summary>
internal sealed record ForeignKeySwitch(SqlStatement IsOn, SqlStatement Off, SqlStatement On, IReadOnlyList<SqlStatement> Check);

/// <summary>
/// What a run asks a database before it renders operations, beyond their SQL: which operations go together into a
/// batch, what the live database must tell about an operation before it runs, and whether foreign-key enforcement
/// must be off around it. The base holds what every database needs; SQLite (table rebuilds) and MySQL (restated
/// columns) add their own. Reached through <see cref="Dialect.Preparation"/>.
/// </summary>
internal class RunPreparation(Dialect dialect)
{
    /// <summary>The dialect whose database the run is on.</summary>
    protected Dialect Dialect { get; } = dialect;

    /// <summary>
    /// Readies an operation for rendering in an online run, with what only the live database knows; earlier
    /// operations of the run have been executed. Adding a NOT NULL column without a default to a table that has rows
    /// is refused here, before the database fails at it (or, as MySQL does, fills the column with zeros or empty text).
    /// </summary>
    public virtual async Task<MigrationOperation> PrepareAsync(MigrationOperation operation, DbConnection connection,
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
    public virtual bool BatchesByTable => false;

    /// <summary>
    /// The operations as they run when the configuration asks for automatic batches: SQLite puts each run of
    /// operations on one table that it cannot do in place into one batch.
    /// </summary>
    /// <param name="operations">The operations in running order.</param>
    /// <param name="tables">Autogenerate's tables around the operations; with them, all the changes of a table that
    /// needs a rebuild go into one batch that carries the table (<c>copyFrom</c>).</param>
    public virtual IReadOnlyList<MigrationOperation> AutoBatch(IReadOnlyList<MigrationOperation> operations, TableShapes? tables = null) => operations;

    /// <summary>
    /// Whether the database can only run the operation by rebuilding its table (SQLite: a new table, every row copied), so
    /// that lint can warn about large tables.
    /// </summary>
    public virtual bool RebuildsTable(MigrationOperation operation) => false;

    /// <summary>How this database's foreign-key enforcement is turned off around a run, or null when it never needs to be.</summary>
    public virtual ForeignKeySwitch? ForeignKeySwitch => null;

    /// <summary>Whether running the operation needs foreign-key enforcement off (SQLite's rebuild of a table).</summary>
    public virtual bool NeedsForeignKeysOff(MigrationOperation operation) => false;

    /// <summary>Whether the table exists and holds at least one row; checked first so that no failing query spoils a transaction.</summary>
    private async Task<bool> HasRowsAsync(DbConnection connection, DbTransaction? transaction, TableName table, CancellationToken cancellationToken)
    {
        if (await Dialect.Bookkeeping.TableExistsQuery(table).ScalarAsync(connection, transaction, cancellationToken) is null)
            return false;
        return await new SqlStatement($"SELECT CASE WHEN EXISTS (SELECT 1 FROM {Dialect.Quote(table)}) THEN 1 ELSE 0 END")
            .ScalarAsync(connection, transaction, cancellationToken) is { } value
            && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
