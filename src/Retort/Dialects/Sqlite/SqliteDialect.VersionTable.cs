namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    // SQLite has no information_schema; each attached database has its own sqlite_master.
    public override SqlStatement TableExistsQuery(TableName table) =>
        new($"SELECT name FROM {(table.Schema is null ? "" : Quote(table.Schema) + ".")}sqlite_master WHERE type = 'table' AND name = @p0", [table.Name]);
}
