namespace Retort.Dialects.Postgres;

internal sealed class PostgresBookkeeping(PostgresDialect dialect) : Bookkeeping(dialect)
{
    /// <inheritdoc />
    // CURRENT_TIMESTAMP is in the session's time zone, which is not UTC everywhere.
    public override string UtcNowExpression => "(now() AT TIME ZONE 'UTC')";

    /// <inheritdoc />
    public override string CurrentUserExpression => "CAST(current_user AS varchar(255))";

    // A session-level advisory lock, not pg_advisory_xact_lock: the lock must outlive the run's transactions and
    // let CREATE INDEX CONCURRENTLY run outside any. Advisory locks are per database, so the key needs only the table.
    internal override SessionLockSql SessionLock(string versionTable)
    {
        object[] key = [LockKey(versionTable)];
        return new(
            new("SELECT CASE WHEN pg_try_advisory_lock(@p0) THEN 1 ELSE 0 END", key),
            new("SELECT CASE WHEN pg_advisory_unlock(@p0) THEN 1 ELSE 0 END", key),
            new("""
                SELECT 'pid ' || a.pid || ' (' || COALESCE(NULLIF(a.application_name, ''), 'no application_name')
                    || COALESCE(', ' || a.usename, '') || COALESCE(' from ' || host(a.client_addr), '') || ')'
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND ((l.classid::bigint << 32) | l.objid::bigint) = @p0
                """, key));
    }

    // CockroachDB accepts the advisory lock functions but they lock nothing; YugabyteDB's are not enabled by default.
    // Both say who they are in version(), the row's last column naming the engine: "CockroachDB CCL v24…", "PostgreSQL 11.2-YB-2.20…".
    internal override SqlStatement ClusterQuery =>
        new("SELECT CASE WHEN version() LIKE 'CockroachDB%' THEN 'CockroachDB' ELSE 'YugabyteDB' END WHERE version() LIKE 'CockroachDB%' OR version() LIKE '%-YB-%'");

    /// <summary>
    /// Ends the connections a pool keeps to the scratch database first: PostgreSQL refuses to drop a database anyone is
    /// connected to, and <c>DROP DATABASE … WITH (FORCE)</c> needs PostgreSQL 13. Only the role's own sessions: ending
    /// others' (an autovacuum worker's) is not the role's to do, and they end by themselves.
    /// </summary>
    internal override IReadOnlyList<SqlStatement> DropScratch(string database) =>
    [
        new("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @p0 AND usename = current_user AND pid <> pg_backend_pid()", [database]),
        .. base.DropScratch(database),
    ];

    /// <summary>A commit does not wait for the write-ahead log to reach the disk (https://www.postgresql.org/docs/current/wal-async-commit.html).</summary>
    internal override IReadOnlyList<SqlStatement> ScratchSession => [new("SET synchronous_commit = off")];

    /// <summary>
    /// Materialized views, triggers,
    /// functions and procedures, domains, enum types no column uses and composite types (none an extension's),
    /// extensions, and the other schemas that hold tables or views.
    /// </summary>
    internal override SqlStatement UnreadObjects => new("""
            SELECT 'materialized view ' || c.relname FROM pg_class c WHERE c.relkind = 'm' AND c.relnamespace = current_schema()::regnamespace
            UNION ALL
            SELECT 'trigger ' || t.tgname || ' on ' || c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
            UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' WHEN 'a' THEN 'aggregate ' ELSE 'function ' END
                || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
            FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            UNION ALL
            SELECT CASE t.typtype WHEN 'd' THEN 'domain ' WHEN 'e' THEN 'enum type ' ELSE 'type ' END || t.typname FROM pg_type t
            WHERE t.typnamespace = current_schema()::regnamespace
                AND (t.typtype = 'd'
                    OR t.typtype = 'e' AND NOT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
                        WHERE a.atttypid = t.oid AND r.relkind IN ('r', 'p') AND NOT a.attisdropped)
                    OR t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
            UNION ALL
            SELECT 'extension ' || e.extname FROM pg_extension e WHERE e.extname <> 'plpgsql'
            UNION ALL
            SELECT 'schema ' || n.nspname || ' (' || count(*) || ' table(s) or view(s))' FROM pg_namespace n
            JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm')
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> current_schema()
            GROUP BY n.nspname
            ORDER BY 1
            """);
}
