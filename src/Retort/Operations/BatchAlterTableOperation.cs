namespace Retort.Ops;

/// <summary>
/// Several changes of one table run together (<c>op.BatchAlterTable</c>): on SQLite, when one of them cannot run in
/// place, the table is rebuilt once with all of them; elsewhere they run as plain ALTERs. <paramref name="CopyFrom"/>
/// is the table as it is before the batch, which a rebuild needs in <c>--sql</c> mode (online it is read from the
/// database).
/// </summary>
public sealed record BatchAlterTableOperation(TableName Table, IReadOnlyList<MigrationOperation> Operations,
    BatchMode Recreate = BatchMode.Auto, Table? CopyFrom = null) : MigrationOperation
{
    /// <summary>The SQL of the triggers on the table, read online before a rebuild so that they are created again.</summary>
    internal IReadOnlyList<string> Triggers { get; init; } = [];

    /// <summary>
    /// The reversed operations in reverse order. With <see cref="CopyFrom"/>, the operations need no
    /// <c>existing…</c> values (the table gives them), and the reverse gets the table as the batch leaves it. An
    /// operation record knows no database, so SQL text inside the table (CHECK conditions, index expressions, WHERE
    /// clauses) is kept as written, also where it names a column that the batch renames.
    /// </summary>
    public override MigrationOperation Reverse()
    {
        if (CopyFrom is null)
            return new BatchAlterTableOperation(Table, Operations.Reverse().Select(o => o.Reverse()).ToList(), Recreate);
        var altered = AlteredTable.Apply(CopyFrom with { Name = Table }, Operations, ColumnReferences.Unread);
        return new BatchAlterTableOperation(Table, altered.Completed.Reverse().Select(o => o.Reverse()).ToList(), Recreate, altered.After);
    }

    /// <inheritdoc />
    public override bool IsDestructive => Operations.Any(o => o.IsDestructive);

    /// <summary>Refuses a batch whose operations change another table than the batch's, or cannot be part of a batch.</summary>
    internal void CheckTables()
    {
        if (Operations.FirstOrDefault(o => TableOf(o) is not { } table || table != Table) is { } other)
            throw new RetortException($"batch on {Table}: {other.GetType().Name.Replace("Operation", "", StringComparison.Ordinal)} " +
                (TableOf(other) is { } t ? $"changes {t}, not the batch's table" : "cannot be part of a batch; run it before or after the batch"));
    }

    /// <summary>The table an operation changes when it is one that a batch can hold; null for any other.</summary>
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
}
