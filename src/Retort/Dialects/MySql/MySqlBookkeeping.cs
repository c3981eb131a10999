namespace Retort.Dialects.MySql;

internal sealed class MySqlBookkeeping(MySqlDialect dialect) : Bookkeeping(dialect)
{
    /// <inheritdoc />
    internal override string SameText(string column, string parameter) => $"BINARY {column} = {parameter}";

    // The digest below concatenates the whole schema; the default cap (1 MB) would cut it, and equal cut digests would
    // hide a difference.
    internal override IReadOnlyList<SqlStatement> ScratchSession => [new("SET SESSION group_concat_max_len = 4294967295")];

    /// <summary>
    /// A digest of everything autogenerate compares, from information_schema in one query: tables (engine, comment), columns
    /// (type, NULL, default, extra, collation, comment), index parts, constraints, foreign-key columns and rules, checks,
    /// views and routines. Column positions are left out; equal digests mean equal schemas.
    /// </summary>
    internal override SqlStatement SchemaFingerprint => new("""
        SELECT MD5(COALESCE(GROUP_CONCAT(x ORDER BY x SEPARATOR '\n'), '')) FROM (
            SELECT CONCAT_WS(' ', 't', TABLE_NAME, TABLE_TYPE, COALESCE(ENGINE, '-'), TABLE_COMMENT) AS x
            FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'c', TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COALESCE(COLUMN_DEFAULT, '-'), EXTRA,
                COALESCE(COLLATION_NAME, '-'), COLUMN_COMMENT, COALESCE(GENERATION_EXPRESSION, '-'))
            FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'i', TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, COALESCE(SUB_PART, '-'), INDEX_TYPE, INDEX_COMMENT)
            FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'k', TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE)
            FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'f', TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION, COLUMN_NAME, COALESCE(REFERENCED_TABLE_NAME, '-'), COALESCE(REFERENCED_COLUMN_NAME, '-'))
            FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'r', TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE)
            FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'ck', TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE)
            FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'v', TABLE_NAME, VIEW_DEFINITION) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'p', ROUTINE_TYPE, ROUTINE_NAME, COALESCE(ROUTINE_DEFINITION, '-'))
            FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
            UNION ALL
            SELECT CONCAT_WS(' ', 'g', EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT)
            FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
        ) s
        """);

    // GET_LOCK names are server-wide, so the name carries the database; it is at most 64 characters.
    private const string LockName = "LEFT(CONCAT('retort:', COALESCE(DATABASE(), ''), ':', @p0), 64)";

    // Statements that run inside a transaction; everything else (DDL, LOCK, GRANT, CALL, …) commits by itself or may.
    private static readonly HashSet<string> TransactionalVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "REPLACE", "SELECT", "WITH", "SET", "DO", "VALUES",
    };

    /// <inheritdoc />
    public override string UtcNowExpression => "UTC_TIMESTAMP(6)";

    /// <inheritdoc />
    public override string CurrentUserExpression => "CURRENT_USER()";

    /// <inheritdoc />
    // In MySQL a schema is a database; unqualified names land in the connection's database.
    protected override string CurrentSchemaExpression => "DATABASE()";

    internal override SessionLockSql SessionLock(string versionTable)
    {
        object[] table = [versionTable];
        return new(
            new($"SELECT COALESCE(GET_LOCK({LockName}, 0), 0)", table),
            new($"SELECT COALESCE(RELEASE_LOCK({LockName}), 0)", table),
            new($"SELECT CONCAT('connection ', IS_USED_LOCK({LockName}))", table));
    }

    // Galera replicates rows, not GET_LOCK: a lock taken on one node is unseen on the others (MariaDB documents
    // GET_LOCK as unsupported there). SHOW, not @@wsrep_on, since MySQL has no such variable and would fail.
    internal override SqlStatement ClusterQuery => new("SHOW GLOBAL STATUS WHERE Variable_name = 'wsrep_provider_name' AND Value <> ''");

    internal override bool CommitsItself(SqlStatement statement) =>
        !(SqlEcho.FirstWord(statement.Sql) is { } verb && TransactionalVerbs.Contains(verb));

    internal override SqlStatement PresenceQuery(StatementEffect effect)
    {
        const string Schema = "COALESCE(@p0, DATABASE())";
        object?[] at = [effect.Table.Schema, effect.Table.Name, effect.Name];
        var query = effect.Kind switch
        {
            EffectKind.Table => $"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = {Schema} AND TABLE_NAME = @p1 AND TABLE_TYPE = 'BASE TABLE'",
            EffectKind.View => $"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = {Schema} AND TABLE_NAME = @p1 AND TABLE_TYPE = 'VIEW'",
            EffectKind.Column => $"SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = {Schema} AND TABLE_NAME = @p1 AND COLUMN_NAME = @p2",
            EffectKind.PrimaryKey => $"SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = {Schema} AND TABLE_NAME = @p1 AND CONSTRAINT_TYPE = 'PRIMARY KEY'",
            // A name given to a key, unique, foreign key or check is in TABLE_CONSTRAINTS; an index's in STATISTICS.
            _ => $"SELECT (SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = {Schema} AND TABLE_NAME = @p1 AND CONSTRAINT_NAME = @p2)"
                + $" + (SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = {Schema} AND TABLE_NAME = @p1 AND INDEX_NAME = @p2)",
        };
        return new($"SELECT CASE WHEN ({query}) > 0 THEN 1 ELSE 0 END", at);
    }

    internal override SqlStatement RunningElsewhereQuery(string sql) =>
        new("SELECT ID FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND INFO = @p0", [sql]);

    /// <summary>Triggers, stored routines and events.</summary>
    internal override SqlStatement UnreadObjects => new("""
            SELECT CONCAT('trigger ', TRIGGER_NAME, ' on ', EVENT_OBJECT_TABLE) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
            UNION ALL SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
            UNION ALL SELECT CONCAT('event ', EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()
            ORDER BY 1
            """);
}
