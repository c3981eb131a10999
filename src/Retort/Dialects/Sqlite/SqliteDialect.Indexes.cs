using System.Text;
using Retort.Ops;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>
    /// CREATE INDEX; in an attached database the schema goes on the index's name and the table is named bare
    /// (https://www.sqlite.org/lang_createindex.html). Partial and expression indexes are SQLite's own.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> CreateIndex(CreateIndexOperation operation)
    {
        var index = operation.Index;
        if (operation.Concurrently)
            throw NoConcurrently();
        if (index.Table.Schema is null)
            return base.CreateIndex(operation);
        var text = new StringBuilder("CREATE ").Append(index.Unique ? "UNIQUE " : "").Append("INDEX ")
            .Append(Quote(index.Table.Schema)).Append('.').Append(Quote(index.Name))
            .Append(" ON ").Append(Quote(index.Table.Name)).Append(" (").Append(IndexColumns(index)).Append(')');
        if (index.Where is not null)
            text.Append(PartialIndexClause(index));
        return [new(text.ToString())];
    }

    /// <inheritdoc />
    protected override IReadOnlyList<SqlStatement> DropIndex(DropIndexOperation operation) =>
        operation.Concurrently ? throw NoConcurrently() : base.DropIndex(operation);

    // SQLite has one writer at a time: an index build blocks writers however it is asked for.
    private static NotSupportedException NoConcurrently() =>
        new("sqlite: SQLite has no CONCURRENTLY (it allows one writer at a time); drop 'concurrently: true' for this database");
}
