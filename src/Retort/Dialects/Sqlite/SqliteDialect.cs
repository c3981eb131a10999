namespace Retort.Dialects.Sqlite;

/// <summary>SQLite, the embedded default.</summary>
public sealed partial class SqliteDialect : Dialect
{
    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override string TypeName(SqlType type) => SqliteTypes.Name(type);
}
