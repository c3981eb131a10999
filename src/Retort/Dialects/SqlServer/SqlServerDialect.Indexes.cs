using Retort.Ops;

namespace Retort.Dialects.SqlServer;

public sealed partial class SqlServerDialect
{
    /// <summary>
    /// CREATE INDEX; a WHERE makes a filtered index. SQL Server indexes columns only: an expression needs a
    /// computed column (https://learn.microsoft.com/sql/relational-databases/indexes/indexes-on-computed-columns).
    /// </summary>
    protected override IReadOnlyList<SqlStatement> CreateIndex(CreateIndexOperation operation)
    {
        if (operation.Concurrently)
            throw NoConcurrently();
        var expression = operation.Index.Columns.FirstOrDefault(TableIndex.IsExpression);
        if (expression is not null)
            throw new NotSupportedException($"sqlserver: SQL Server cannot index the expression {expression} of index {operation.Index.Name}; add a computed column (op.Execute) and index it");
        return base.CreateIndex(operation);
    }

    /// <summary>DROP INDEX name ON table: an index's name is only unique within its table.</summary>
    protected override IReadOnlyList<SqlStatement> DropIndex(DropIndexOperation operation) =>
        operation.Concurrently ? throw NoConcurrently() : [new($"DROP INDEX {Quote(operation.Name)} ON {Quote(operation.Table)}")];

    // The nearest thing, WITH (ONLINE = ON), exists only in some editions, so it is left to op.Execute.
    private static NotSupportedException NoConcurrently() =>
        new("sqlserver: SQL Server has no CONCURRENTLY; drop 'concurrently: true', or write the index WITH (ONLINE = ON) through op.Execute where the edition has online index operations");
}
