using Retort.Ops;

namespace Retort;

public sealed partial class Operations
{
    /// <summary>
    /// Changes one table with several operations at once ("batch mode"). On SQLite, which alters little in place, the
    /// table is rebuilt when an operation needs it: a new table is created under a temporary name, the rows are copied
    /// across, the old table is dropped and the new one renamed, and its indexes (and, online, triggers) are created
    /// again; foreign keys in both directions are kept and checked. Other databases run the operations as plain ALTERs.
    /// <paramref name="recreate"/> says when SQLite rebuilds. A rebuild needs the table's definition: online it is read
    /// from the database; with <c>--sql</c>, pass it as <paramref name="copyFrom"/>.
    /// </summary>
    /// <example><code>
    /// op.BatchAlterTable("users", batch =>
    /// {
    ///     batch.AlterColumn("name", nullable: false, existingType: SqlType.String(50), existingNullable: true);
    ///     batch.DropColumn("address");
    ///     batch.CreateUniqueConstraint("uq_users_email", new[] { "email" });
    /// });
    /// </code></example>
    public OperationCall BatchAlterTable(string table, Action<BatchOperations> build, BatchMode recreate = BatchMode.Auto,
        Table? copyFrom = null, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        var name = new TableName(table, schema);
        var batch = new BatchOperations(name);
        build(batch);
        return Invoke(new BatchAlterTableOperation(name, batch.Collected.ToList(), recreate, copyFrom));
    }
}
