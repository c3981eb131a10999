using System.Security.Cryptography;
using System.Text;

namespace Retort.Dialects;

/// <summary>
/// The statements of a database's session-scoped migration lock: each returns one value. <see cref="TryAcquire"/>
/// returns 1 when the lock was taken without waiting; <see cref="Holder"/> names the session holding it, or null.
/// </summary>
internal sealed record SessionLockSql(SqlStatement TryAcquire, SqlStatement Release, SqlStatement Holder);

/// <summary>
/// The SQL Retort needs for its own tables and lock on one database: the version table's and the log's statements
/// and expressions, the migration lock, and what settles a statement left in flight. This base holds the ANSI
/// defaults; each dialect's <c>XBookkeeping.cs</c> overrides what its database does otherwise. Reached through
/// <see cref="Dialect.Bookkeeping"/>.
/// </summary>
public class Bookkeeping
{
    // Internal: a bookkeeping belongs to its dialect, and only the dialects of this assembly make one.
    internal Bookkeeping(Dialect dialect) => Dialect = dialect;

    /// <summary>The dialect whose database this is, for its quoting and literals.</summary>
    protected Dialect Dialect { get; }

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
    public virtual bool InlinesValues => false;

    /// <summary>A statement of Retort's own: parameterised, or with the values written in where the dialect prefers that.</summary>
    internal SqlStatement Statement(string parameterised, IReadOnlyList<object?> values, string literal) =>
        InlinesValues && values.All(Inlinable) ? new(literal) : new(parameterised, values, literal);

    /// <summary>A primary key the database numbers by itself, for bookkeeping rows (the log).</summary>
    internal virtual Column RowNumberKey(string name) => new(name, SqlType.BigInteger, primaryKey: true, identity: true);

    /// <summary>Whether a value can be written into SQL text: a NUL character would end the statement there.</summary>
    internal static bool Inlinable(object? value) => value is not string text || !text.Contains('\0');

    /// <summary>The SQL expression for the schema unqualified names land in.</summary>
    protected virtual string CurrentSchemaExpression => "current_schema()";

    /// <summary>
    /// The session lock that serialises runs changing one database's version table <paramref name="versionTable"/>,
    /// or null when the database has none (SQLite locks a file instead).
    /// </summary>
    internal virtual SessionLockSql? SessionLock(string versionTable) => null;

    /// <summary>
    /// A query returning one row, whose last column is the engine's name, when the server is a cluster on which <see cref="SessionLock"/>
    /// does not keep runs on different nodes apart; no rows on a single server. Null where no such engine speaks the
    /// dialect's protocol.
    /// </summary>
    internal virtual SqlStatement? ClusterQuery => null;

    /// <summary>
    /// The file a connection string names, for a database that is one file (SQLite): it is locked instead of a session,
    /// and commands that only read never create it. Null for a server, or a database in memory.
    /// </summary>
    internal virtual string? DatabaseFile(string connectionString) => null;

    /// <summary>A stable 64-bit key for a lock name, the same in every process and on every machine.</summary>
    internal static long LockKey(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("retort:" + name)), 0);

    /// <summary>
    /// Whether <paramref name="statement"/> commits by itself, so cannot share a transaction with the record that it
    /// ran (MySQL's DDL). Where DDL is transactional nothing does.
    /// </summary>
    internal virtual bool CommitsItself(SqlStatement statement) => false;

    /// <summary>
    /// A query whose first column is 1 when <paramref name="effect"/>'s object exists, 0 when not; null where the
    /// dialect cannot ask. Settles a statement that was in flight when a run stopped.
    /// </summary>
    internal virtual SqlStatement? PresenceQuery(StatementEffect effect) => null;

    /// <summary>
    /// A query listing the server sessions, other than this one, still running <paramref name="sql"/>: a statement a
    /// stopped client sent goes on on the server, and must end before its effect can be looked at. Null where the
    /// database cannot tell.
    /// </summary>
    internal virtual SqlStatement? RunningElsewhereQuery(string sql) => null;

    /// <summary>Creates an empty database of this name on the server, where verify runs the revisions.</summary>
    internal virtual IReadOnlyList<SqlStatement> CreateScratch(string database) => [new($"CREATE DATABASE {Dialect.Quote(database)}")];

    /// <summary>
    /// Settings for a session on a scratch database, whose contents nobody needs after a crash: commits that do not wait
    /// for the disk, which is most of the time of a run of many small revisions.
    /// </summary>
    internal virtual IReadOnlyList<SqlStatement> ScratchSession => [];

    /// <summary>
    /// A query whose one value is equal for two states of a database exactly when their schemas are, and cheaper than
    /// reading the schema; null where the database has no such thing (the schema is read and compared instead).
    /// </summary>
    internal virtual SqlStatement? SchemaFingerprint => null;

    /// <summary>
    /// A condition that text <paramref name="column"/> holds exactly <paramref name="parameter"/>, for verify's fixtures:
    /// a case-insensitive collation (MySQL's and MariaDB's default) must not make 'ann' match 'ANN'.
    /// </summary>
    internal virtual string SameText(string column, string parameter) => $"{column} = {parameter}";

    /// <summary>
    /// A query naming, one row each (<c>trigger audit on orders</c>), what the database holds beyond what
    /// <see cref="Dialect.InspectAsync"/> reads: triggers, functions and procedures, other
    /// schemas. A schema read from the database leaves them out, and so does a revision written from one (<c>baseline</c>
    /// says so). Null where the dialect cannot say.
    /// </summary>
    internal virtual SqlStatement? UnreadObjects => null;

    /// <summary>Drops the scratch database again, with whatever connections a pool still keeps to it.</summary>
    internal virtual IReadOnlyList<SqlStatement> DropScratch(string database) => [new($"DROP DATABASE IF EXISTS {Dialect.Quote(database)}")];
}
