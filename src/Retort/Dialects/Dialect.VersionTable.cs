namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>A query that returns a row when the table exists (in the current schema unless the name has one).</summary>
    public virtual SqlStatement TableExistsQuery(TableName table) => table.Schema is null
        ? new($"SELECT table_name FROM information_schema.tables WHERE table_name = @p0 AND table_schema = {CurrentSchemaExpression}", [table.Name])
        : new("SELECT table_name FROM information_schema.tables WHERE table_name = @p0 AND table_schema = @p1", [table.Name, table.Schema]);

    /// <summary>The current time in UTC as a timestamp without zone: what scripts write into the log's <c>applied_at</c>.</summary>
    public virtual string UtcNowExpression => "CURRENT_TIMESTAMP";

    /// <summary>
    /// The database user running a statement, for the log rows of a script (whoever runs it, not whoever wrote it);
    /// null where the database has no users (SQLite).
    /// </summary>
    public virtual string? CurrentUserExpression => null;

    /// <summary><paramref name="create"/> (a CREATE TABLE) made to do nothing when the table exists, for scripts.</summary>
    public virtual SqlStatement CreateTableIfMissing(SqlStatement create, TableName table) =>
        create.Sql.StartsWith("CREATE TABLE ", StringComparison.Ordinal)
            ? new("CREATE TABLE IF NOT EXISTS " + create.Sql["CREATE TABLE ".Length..])
            : create;

    /// <summary>
    /// Whether Retort's own statements (the version table's and the log's) go to the database with their values written
    /// in as literals rather than as parameters.
    /// </summary>
    public virtual bool InlinesBookkeepingValues => false;

    /// <summary>A statement of Retort's own: parameterised, or with the values written in where the dialect prefers that.</summary>
    internal SqlStatement Bookkeeping(string parameterised, IReadOnlyList<object?> values, string literal) =>
        InlinesBookkeepingValues && values.All(Inlinable) ? new(literal) : new(parameterised, values, literal);

    /// <summary>A primary key the database numbers by itself, for bookkeeping rows (the log).</summary>
    internal virtual Column RowNumberKey(string name) => new(name, SqlType.BigInteger, primaryKey: true, identity: true);

    /// <summary>Whether a value can be written into SQL text: a NUL character would end the statement there.</summary>
    internal static bool Inlinable(object? value) => value is not string text || !text.Contains('\0');

    /// <summary>The SQL expression for the schema unqualified names land in.</summary>
    protected virtual string CurrentSchemaExpression => "current_schema()";
}
