using System.Text;
using Retort.Ops;

namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>CREATE [UNIQUE] INDEX … ON … (…) [WHERE …].</summary>
    protected virtual IReadOnlyList<SqlStatement> CreateIndex(CreateIndexOperation operation)
    {
        if (operation.Concurrently)
            throw new NotSupportedException($"{Name} has no CREATE INDEX CONCURRENTLY; drop 'concurrently: true' for this database");
        var index = operation.Index;
        var text = new StringBuilder("CREATE ").Append(index.Unique ? "UNIQUE " : "").Append("INDEX ")
            .Append(Quote(index.Name)).Append(" ON ").Append(Quote(index.Table)).Append(" (").Append(IndexColumns(index)).Append(')');
        if (index.Where is not null)
            text.Append(PartialIndexClause(index));
        return [new(text.ToString())];
    }

    /// <summary>The index's columns and expressions, each descending one followed by DESC.</summary>
    protected string IndexColumns(TableIndex index) =>
        string.Join(", ", index.Columns.Select((c, i) => (TableIndex.IsExpression(c) ? c : Quote(c)) + (index.IsDescending(i) ? " DESC" : "")));

    /// <summary>The WHERE of a partial index.</summary>
    protected virtual string PartialIndexClause(TableIndex index) => $" WHERE {index.Where}";

    /// <summary>DROP INDEX.</summary>
    protected virtual IReadOnlyList<SqlStatement> DropIndex(DropIndexOperation operation)
    {
        if (operation.Concurrently)
            throw new NotSupportedException($"{Name} has no DROP INDEX CONCURRENTLY; drop 'concurrently: true' for this database");
        var name = operation.Table.Schema is null ? Quote(operation.Name) : $"{Quote(operation.Table.Schema)}.{Quote(operation.Name)}";
        return [new($"DROP INDEX {name}")];
    }
}
