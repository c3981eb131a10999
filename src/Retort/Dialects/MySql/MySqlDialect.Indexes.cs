using Retort.Ops;

namespace Retort.Dialects.MySql;

public sealed partial class MySqlDialect
{
    /// <summary>
    /// CREATE INDEX. MySQL has no partial indexes, so a condition is left out of a plain index (which then
    /// covers every row) and refused on a unique one (which would then reject rows the condition spares).
    /// An expression needs MySQL 8.0.13 and is refused on MariaDB, which indexes only columns
    /// (https://dev.mysql.com/doc/refman/8.0/en/create-index.html#create-index-functional-key-parts).
    /// <c>concurrently</c> becomes LOCK=NONE: the build lets reads and writes go on, or fails rather than lock
    /// (https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html#online-ddl-index-operations).
    /// </summary>
    protected override IReadOnlyList<SqlStatement> CreateIndex(CreateIndexOperation operation)
    {
        var index = operation.Index;
        if (index.Where is not null && index.Unique)
            throw new NotSupportedException($"{Name}: unique index {index.Name} cannot be partial (WHERE {index.Where}); MySQL indexes every row, so index a generated column that is NULL where the condition is false instead");
        if (MariaDb && index.Columns.Any(TableIndex.IsExpression))
            throw new NotSupportedException($"{Name}: index {index.Name} has an expression, which MariaDB cannot index; add a generated column holding it and index that column");
        var sql = $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {Quote(index.Name)} ON {Quote(index.Table)} ({IndexColumns(index)})";
        return [new(operation.Concurrently ? sql + " LOCK=NONE" : sql)];
    }

    /// <summary>DROP INDEX … ON the table; dropping a secondary index is in place in InnoDB, concurrent or not.</summary>
    protected override IReadOnlyList<SqlStatement> DropIndex(DropIndexOperation operation) =>
        [new($"DROP INDEX {Quote(operation.Name)} ON {Quote(operation.Table)}")];
}
