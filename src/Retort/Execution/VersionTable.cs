using Retort.Dialects;

namespace Retort.Execution;

/// <summary>
/// The statements that keep the version table: one row per applied head, in a single
/// <c>version_num VARCHAR(32)</c> column, as Alembic's, so an Alembic database can be adopted.
/// </summary>
internal sealed class VersionTable(Dialect dialect, TableName name)
{
    private const string Column = "version_num";

    public TableName Name => name;

    private string Table => dialect.Quote(name);

    private string Qualified => $"{dialect.Quote(name.Name)}.{Column}";

    public SqlStatement Exists() => dialect.Bookkeeping.TableExistsQuery(name);

    public SqlStatement Create() => new(
        $"CREATE TABLE {Table} (\n    {Column} {dialect.TypeName(SqlType.String(32))} NOT NULL,\n" +
        $"    CONSTRAINT {dialect.Quote(name.Name + "_pkc")} PRIMARY KEY ({Column})\n)");

    /// <summary>No rows, only the columns: to tell a version table from another table of the same name.</summary>
    public SqlStatement Shape() => new($"SELECT * FROM {Table} WHERE 1 = 0");

    /// <summary>Refuses a table of this name that is not a version table, before anything reads or writes it.</summary>
    public void CheckShape(IReadOnlyList<string> columns)
    {
        if (columns is not [var only] || !string.Equals(only, Column, StringComparison.OrdinalIgnoreCase))
            throw new RetortException(
                $"The table {name} is not a version table: it has {(columns.Count == 1 ? "column" : "columns")} {string.Join(", ", columns)}, " +
                $"not the one column {Column}; set \"versionTable\" to another name, or rename that table");
    }

    public SqlStatement Select() => new($"SELECT {Column} FROM {Table}");

    public SqlStatement Insert(string revision) => dialect.Bookkeeping.Statement(
        $"INSERT INTO {Table} ({Column}) VALUES (@p0)", [revision],
        $"INSERT INTO {Table} ({Column}) VALUES ({dialect.Literal(revision)})");

    public SqlStatement Update(string from, string to) => Moved(from, row => dialect.Bookkeeping.Statement(
        $"UPDATE {Table} SET {Column}=@p0 WHERE {Qualified} = @p1", [to, row],
        $"UPDATE {Table} SET {Column}={dialect.Literal(to)} WHERE {Qualified} = {dialect.Literal(row)}"));

    public SqlStatement Delete(string revision) => Moved(revision, row => dialect.Bookkeeping.Statement(
        $"DELETE FROM {Table} WHERE {Qualified} = @p0", [row],
        $"DELETE FROM {Table} WHERE {Qualified} = {dialect.Literal(row)}"));

    // Rows naming a revision by an id the graph now knows under another: the last revision a squash replaced, which
    // stands for the squash. The row keeps the old id until the database moves on, so that a checkout from before the
    // squash still reads the database.
    private readonly Dictionary<string, string> _rows = new(StringComparer.Ordinal);

    /// <summary>Says that the row of <paramref name="revision"/> holds <paramref name="row"/>, the id of a revision it squashed.</summary>
    public void Holds(string revision, string row) => _rows[revision] = row;

    private SqlStatement Moved(string revision, Func<string, SqlStatement> statement) =>
        statement(_rows.Remove(revision, out var row) ? row : revision);

    public SqlStatement DeleteAll() => new($"DELETE FROM {Table}");
}
