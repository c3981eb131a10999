namespace Retort.Dialects.SqlServer;

/// <summary>SQL Server: rendered and checked against expected text (there is no server here).</summary>
public sealed partial class SqlServerDialect : Dialect
{
    /// <inheritdoc />
    public override string Name => "sqlserver";

    /// <inheritdoc />
    public override string TypeName(SqlType type) => SqlServerTypes.Name(type);
}
