namespace Retort.Dialects;

/// <summary>
/// Computed (generated) columns as the databases write them. PostgreSQL, SQLite, MySQL and MariaDB all take the
/// standard's <c>GENERATED ALWAYS AS (expr) STORED | VIRTUAL</c>
/// (https://www.postgresql.org/docs/15/ddl-generated-columns.html, https://www.sqlite.org/gencol.html,
/// https://mariadb.com/kb/en/generated-columns/), so it is written once here; SQL Server has its own
/// <c>AS (expr) PERSISTED</c>, written by its dialect.
/// </summary>
internal static class GeneratedColumns
{
    /// <summary>The clause that follows the column's type (and collation), with a leading space; empty for a plain column.</summary>
    public static string Clause(Column column) =>
        column.Computed is null ? "" : $" GENERATED ALWAYS AS ({column.Computed}) {(column.Stored ? "STORED" : "VIRTUAL")}";
}
