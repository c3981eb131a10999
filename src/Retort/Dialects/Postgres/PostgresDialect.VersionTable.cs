namespace Retort.Dialects.Postgres;

public sealed partial class PostgresDialect
{
    /// <inheritdoc />
    // CURRENT_TIMESTAMP is in the session's time zone, which is not UTC everywhere.
    public override string UtcNowExpression => "(now() AT TIME ZONE 'UTC')";

    /// <inheritdoc />
    public override string CurrentUserExpression => "CAST(current_user AS varchar(255))";
}
