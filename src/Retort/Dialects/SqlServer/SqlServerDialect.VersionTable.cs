namespace Retort.Dialects.SqlServer;

public sealed partial class SqlServerDialect
{
    /// <inheritdoc />
    public override string UtcNowExpression => "SYSUTCDATETIME()";

    /// <inheritdoc />
    public override string CurrentUserExpression => "SUSER_SNAME()";

    /// <inheritdoc />
    public override SqlStatement CreateTableIfMissing(SqlStatement create, TableName table) =>
        new($"IF OBJECT_ID({Literal(Quote(table))}, N'U') IS NULL\n{create.Sql}");

    /// <inheritdoc />
    protected override string CurrentSchemaExpression => "SCHEMA_NAME()";
}
