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
    /// A digest of everything autogenerate compares, from the catalog in one query: relations and their comments, columns
    /// (type, collation, NOT NULL, default, identity, generated, comment), constraints and indexes as the server writes
    /// them back, views, enum labels, routines and triggers. Object ids and column positions are left out, so a table
    /// dropped and made again the same way digests the same. Schemas differing only in what it leaves out are read and
    /// compared by the caller anyway when their digests differ; equal digests mean equal schemas.
    /// </summary>
    internal override SqlStatement SchemaFingerprint => new("""
        WITH rel AS (
            SELECT c.oid, c.relkind, n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%')
        SELECT md5(coalesce(string_agg(x, E'\n' ORDER BY x), '')) FROM (
            SELECT 'r ' || relkind::text || ' ' || name || ' ' || coalesce(obj_description(oid, 'pg_class'), '-') AS x FROM rel WHERE relkind <> 'i'
            UNION ALL
            SELECT 'a ' || r.name || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || coalesce(co.collname, '-') || ' '
                || a.attnotnull::text || ' ' || a.attidentity::text || ' ' || a.attgenerated::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') || ' '
                || coalesce(col_description(a.attrelid, a.attnum), '-')
            FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
            WHERE r.relkind <> 'i'
            UNION ALL
            SELECT 'k ' || r.name || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) || ' ' || coalesce(obj_description(k.oid, 'pg_constraint'), '-')
            FROM pg_constraint k JOIN rel r ON r.oid = k.conrelid
            UNION ALL
            SELECT 'i ' || pg_get_indexdef(i.indexrelid) || ' ' || coalesce(obj_description(i.indexrelid, 'pg_class'), '-')
            FROM pg_index i JOIN rel r ON r.oid = i.indrelid
            UNION ALL
            SELECT 'v ' || name || ' ' || pg_get_viewdef(oid) FROM rel WHERE relkind IN ('v', 'm')
            UNION ALL
            SELECT 'e ' || n.nspname || '.' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') GROUP BY n.nspname, t.typname
            UNION ALL
            SELECT 'p ' || pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND p.prokind IN ('f', 'p')
            UNION ALL
            SELECT 't ' || pg_get_triggerdef(g.oid) FROM pg_trigger g JOIN rel r ON r.oid = g.tgrelid WHERE NOT g.tgisinternal
        ) s
        """);
}
