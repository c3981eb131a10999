using System.Data.Common;

namespace Retort.Dialects.Sqlite;

internal sealed class SqliteBookkeeping(SqliteDialect dialect) : Bookkeeping(dialect)
{
    /// <inheritdoc />
    // SQLite has no information_schema; each attached database has its own sqlite_master.
    public override SqlStatement TableExistsQuery(TableName table) =>
        new($"SELECT name FROM {(table.Schema is null ? "" : Dialect.Quote(table.Schema) + ".")}sqlite_master WHERE type = 'table' AND name = @p0", [table.Name]);

    /// <inheritdoc />
    // SQLite parses in-process, and each migration's DDL makes it prepare the version and log statements again anyway;
    // binding a value by name through Microsoft.Data.Sqlite costs more than parsing it. Its string literals have no
    // escapes beyond the doubled quote, so a literal carries any value exactly.
    public override bool InlinesValues => true;

    // An INTEGER PRIMARY KEY numbers itself; AUTOINCREMENT would only add the sqlite_sequence table.
    internal override Column RowNumberKey(string name) => new(name, SqlType.Integer, primaryKey: true, identity: false);

    // SQLite has no session lock: runs lock the database file itself (FileMigrationLock).
    internal override string? DatabaseFile(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var key in (string[])["Data Source", "DataSource", "Filename"])
        {
            if (builder.TryGetValue(key, out var value) && value is string { Length: > 0 } path)
                return path == ":memory:" || builder.TryGetValue("Mode", out var mode) && "Memory".Equals(mode as string, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : Path.GetFullPath(path);
        }
        return null;
    }

    /// <summary>No sync to the disk and the rollback journal in memory (https://www.sqlite.org/pragma.html#pragma_synchronous).</summary>
    internal override IReadOnlyList<SqlStatement> ScratchSession => [new("PRAGMA synchronous = OFF"), new("PRAGMA journal_mode = MEMORY")];

    /// <summary>
    /// The text of every CREATE statement: SQLite keeps the schema as that text, and ALTER TABLE rewrites it
    /// (https://www.sqlite.org/fileformat2.html#storage_of_the_sql_database_schema). SQLite's own tables (sqlite_sequence, which
    /// stays after the last AUTOINCREMENT table is dropped) are left out.
    /// </summary>
    internal override SqlStatement SchemaFingerprint =>
        new(@"SELECT group_concat(type || ' ' || name || ' ' || ifnull(sql, ''), char(10)) FROM (SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY type, name)");

    /// <summary>Triggers: the only schema objects of SQLite's besides tables, indexes and views.</summary>
    internal override SqlStatement UnreadObjects => new("SELECT 'trigger ' || name || ' on ' || tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1");
}
