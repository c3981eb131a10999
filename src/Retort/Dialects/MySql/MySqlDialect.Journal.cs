namespace Retort.Dialects.MySql;

public sealed partial class MySqlDialect
{
    // Statements that run inside a transaction; everything else (DDL, LOCK, GRANT, CALL, …) commits by itself or may.
    private static readonly HashSet<string> TransactionalVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "REPLACE", "SELECT", "WITH", "SET", "DO", "VALUES",
    };

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
}
