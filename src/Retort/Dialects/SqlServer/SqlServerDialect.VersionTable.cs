namespace Retort.Dialects.SqlServer;

public sealed partial class SqlServerDialect
{
    /// <inheritdoc />
    protected override string CurrentSchemaExpression => "SCHEMA_NAME()";
}
