namespace Retort.Dialects.SqlServer;

internal sealed class SqlServerBookkeeping(SqlServerDialect dialect) : Bookkeeping(dialect)
{
    /// <inheritdoc />
    public override string UtcNowExpression => "SYSUTCDATETIME()";

    /// <inheritdoc />
    public override string CurrentUserExpression => "SUSER_SNAME()";

    /// <inheritdoc />
    public override SqlStatement CreateTableIfMissing(SqlStatement create, TableName table) =>
        new($"IF OBJECT_ID({Dialect.Literal(Dialect.Quote(table))}, N'U') IS NULL\n{create.Sql}");

    /// <inheritdoc />
    protected override string CurrentSchemaExpression => "SCHEMA_NAME()";

    // Owner 'Session', not 'Transaction': the lock spans the run's transactions. Resource names are per database.
    internal override SessionLockSql SessionLock(string versionTable)
    {
        object[] resource = ["retort:" + versionTable];
        return new(
            new("""
                DECLARE @result int;
                EXEC @result = sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0;
                SELECT CASE WHEN @result >= 0 THEN 1 ELSE 0 END
                """, resource),
            new("EXEC sp_releaseapplock @Resource = @p0, @LockOwner = 'Session'; SELECT 1", resource),
            new("""
                SELECT TOP 1 CONCAT('session ', l.request_session_id, ' (', s.program_name, ', ', s.login_name, ')')
                FROM sys.dm_tran_locks l JOIN sys.dm_exec_sessions s ON s.session_id = l.request_session_id
                WHERE l.resource_type = 'APPLICATION' AND l.request_status = 'GRANT'
                  AND l.resource_description LIKE '%' + @p0 + '%' AND l.resource_database_id = DB_ID()
                """, resource));
    }
}
