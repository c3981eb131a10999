namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    // SQLite has no information_schema; each attached database has its own sqlite_master.
    public override SqlStatement TableExistsQuery(TableName table) =>
        new($"SELECT name FROM {(table.Schema is null ? "" : Quote(table.Schema) + ".")}sqlite_master WHERE type = 'table' AND name = @p0", [table.Name]);

    /// <inheritdoc />
    // SQLite parses in-process, and each migration's DDL makes it prepare the version and log statements again anyway;
    // binding a value by name through Microsoft.Data.Sqlite costs more than parsing it. Its string literals have no
    // escapes beyond the doubled quote, so a literal carries any value exactly.
    public override bool InlinesBookkeepingValues => true;

    // An INTEGER PRIMARY KEY numbers itself; AUTOINCREMENT would only add the sqlite_sequence table.
    internal override Column RowNumberKey(string name) => new(name, SqlType.Integer, primaryKey: true, identity: false);
}
