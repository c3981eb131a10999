using Retort.Ops;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>
    /// Comments are skipped, as Alembic does: SQLite has no place to keep them
    /// (https://www.sqlite.org/lang_createtable.html), and a model shared with other databases must still
    /// create its tables here.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> TableComment(TableCommentOperation operation) => [];

    /// <inheritdoc cref="TableComment"/>
    protected override IReadOnlyList<SqlStatement> ColumnComment(TableName table, string columnName, string? comment, Column? column) => [];

    /// <summary>An identity column carries the primary key itself: AUTOINCREMENT exists only on INTEGER PRIMARY KEY.</summary>
    protected override bool PrimaryKeyInline(Table table) => table.Columns.Any(c => c.Identity);
}
