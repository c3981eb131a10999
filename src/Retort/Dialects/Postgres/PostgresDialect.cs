namespace Retort.Dialects.Postgres;

/// <summary>PostgreSQL.</summary>
public sealed partial class PostgresDialect : Dialect
{
    /// <inheritdoc />
    public override string Name => "postgresql";

    /// <inheritdoc />
    public override string TypeName(SqlType type) => PostgresTypes.Name(type);
}
