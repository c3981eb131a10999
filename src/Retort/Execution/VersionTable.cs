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

    public SqlStatement Exists() => dialect.TableExistsQuery(name);

    public SqlStatement Create() => new(
        $"CREATE TABLE {Table} (\n    {Column} {dialect.TypeName(SqlType.String(32))} NOT NULL,\n" +
        $"    CONSTRAINT {dialect.Quote(name.Name + "_pkc")} PRIMARY KEY ({Column})\n)");

    public SqlStatement Select() => new($"SELECT {Column} FROM {Table}");

    public SqlStatement Insert(string revision) => new(
        $"INSERT INTO {Table} ({Column}) VALUES (@p0)", [revision],
        $"INSERT INTO {Table} ({Column}) VALUES ({dialect.Literal(revision)})");

    public SqlStatement Update(string from, string to) => new(
        $"UPDATE {Table} SET {Column}=@p0 WHERE {Qualified} = @p1", [to, from],
        $"UPDATE {Table} SET {Column}={dialect.Literal(to)} WHERE {Qualified} = {dialect.Literal(from)}");

    public SqlStatement Delete(string revision) => new(
        $"DELETE FROM {Table} WHERE {Qualified} = @p0", [revision],
        $"DELETE FROM {Table} WHERE {Qualified} = {dialect.Literal(revision)}");

    public SqlStatement DeleteAll() => new($"DELETE FROM {Table}");
}
