using Retort.Ops;

namespace Retort.Dialects.Postgres;

public sealed partial class PostgresDialect
{
    /// <summary>
    /// CREATE [UNIQUE] INDEX [CONCURRENTLY] … ON … (columns and expressions) [WHERE …]. CONCURRENTLY builds the
    /// index without blocking writes but cannot run inside a transaction block; the runner runs it outside the
    /// migration's transaction. If it fails, it leaves an INVALID index behind that must be dropped.
    /// https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
    /// </summary>
    protected override IReadOnlyList<SqlStatement> CreateIndex(CreateIndexOperation operation)
    {
        var index = operation.Index;
        return [new($"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {(operation.Concurrently ? "CONCURRENTLY " : "")}{Quote(index.Name)} " +
            $"ON {Quote(index.Table)} ({IndexColumns(index)}){(index.Where is null ? "" : PartialIndexClause(index))}")];
    }

    /// <summary>
    /// DROP INDEX [CONCURRENTLY], the name qualified by the table's schema (an index lives in its table's schema).
    /// CONCURRENTLY, like CREATE INDEX CONCURRENTLY, runs outside a transaction block.
    /// https://www.postgresql.org/docs/current/sql-dropindex.html
    /// </summary>
    protected override IReadOnlyList<SqlStatement> DropIndex(DropIndexOperation operation) =>
        [new($"DROP INDEX {(operation.Concurrently ? "CONCURRENTLY " : "")}{Quote(new TableName(operation.Name, operation.Table.Schema))}")];
}
