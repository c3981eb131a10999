namespace Retort.Dialects.MySql;

/// <summary>MySQL and MariaDB.</summary>
public sealed partial class MySqlDialect(bool mariaDb = false) : Dialect
{
    /// <inheritdoc />
    public override string Name => MariaDb ? "mariadb" : "mysql";

    /// <summary>Whether this is MariaDB rather than MySQL.</summary>
    public bool MariaDb { get; } = mariaDb;

    /// <inheritdoc />
    public override string TypeName(SqlType type) => MySqlTypes.Name(type, MariaDb);
}
