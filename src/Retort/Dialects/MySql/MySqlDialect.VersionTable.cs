namespace Retort.Dialects.MySql;

public sealed partial class MySqlDialect
{
    /// <inheritdoc />
    public override string UtcNowExpression => "UTC_TIMESTAMP(6)";

    /// <inheritdoc />
    public override string CurrentUserExpression => "CURRENT_USER()";

    /// <inheritdoc />
    // In MySQL a schema is a database; unqualified names land in the connection's database.
    protected override string CurrentSchemaExpression => "DATABASE()";
}
