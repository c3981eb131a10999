using Retort.Ops;

namespace Retort.Dialects;

public abstract partial class Dialect
{
    private ColumnReferences? _columnReferences;
    private RunPreparation? _preparation;

    /// <summary>How the table model of a batch finds and renames columns in this database's SQL text.</summary>
    internal ColumnReferences ColumnReferences => _columnReferences ??= SqlColumnReferences.For(Lexicon, ReservedWords, Quote);

    /// <summary>What a run asks this database before it renders operations: batches, live reads, foreign-key enforcement.</summary>
    internal RunPreparation Preparation => _preparation ??= CreatePreparation();

    /// <summary>This database's preparation; what every database needs unless the dialect adds its own.</summary>
    private protected virtual RunPreparation CreatePreparation() => new(this);

    /// <summary>
    /// A batch as plain ALTERs: its operations one after the other. When the batch knows the table
    /// (<c>copyFrom</c>, or the live table online), what an operation leaves out of a column's existing definition is
    /// filled in from it, so that MySQL's restatement of a whole column keeps its default and comment. SQLite rebuilds
    /// the table instead where it must.
    /// </summary>
    protected virtual IReadOnlyList<SqlStatement> BatchAlterTable(BatchAlterTableOperation operation)
    {
        operation.CheckTables();
        var operations = operation.CopyFrom is null ? operation.Operations
            : AlteredTable.CompleteEach(operation.CopyFrom with { Name = operation.Table }, operation.Operations, ColumnReferences);
        return operations.SelectMany(Render).ToList();
    }
}
