namespace Retort.Dialects;

/// <summary>
/// The identity of a database Retort knows: its name, the other names it goes by in URLs and as a provider, its default
/// port, and how its server greets. Code outside <c>Dialects/</c> compares these, never names.
/// </summary>
public sealed class DialectId
{
    private DialectId(string name, IReadOnlyList<string> schemes, IReadOnlyList<string> providers, int? defaultPort, string? family)
    {
        Name = name;
        Schemes = schemes;
        Providers = providers;
        DefaultPort = defaultPort;
        Family = family;
    }

    /// <summary>SQLite, the embedded default.</summary>
    public static readonly DialectId Sqlite = new("sqlite", ["sqlite"], ["sqlite", "microsoft.data.sqlite"], null, null);

    /// <summary>PostgreSQL.</summary>
    public static readonly DialectId Postgres = new("postgresql", ["postgresql", "postgres"], ["postgresql", "postgres", "npgsql"], 5432, "PostgreSQL");

    /// <summary>MySQL.</summary>
    public static readonly DialectId MySql = new("mysql", ["mysql"], ["mysql", "mysqlconnector"], 3306, "MySQL or MariaDB");

    /// <summary>MariaDB: MySQL's dialect, with what only MariaDB does.</summary>
    public static readonly DialectId MariaDb = new("mariadb", ["mariadb"], ["mariadb"], 3306, "MySQL or MariaDB");

    /// <summary>SQL Server (rendered only).</summary>
    public static readonly DialectId SqlServer = new("sqlserver", ["sqlserver", "mssql"], ["sqlserver", "mssql", "microsoft.data.sqlclient"], 1433, null);

    /// <summary>Every database Retort knows, in the order messages list them.</summary>
    public static IReadOnlyList<DialectId> All { get; } = [Sqlite, Postgres, MySql, MariaDb, SqlServer];

    /// <summary>The name URLs, logs and <c>op.Execute(sql, dialect:)</c> use.</summary>
    public string Name { get; }

    /// <summary>The URL schemes that mean it (a driver suffix, as in <c>postgresql+asyncpg</c>, is dropped first).</summary>
    public IReadOnlyList<string> Schemes { get; }

    /// <summary>The names of <c>"provider"</c> that mean it, with a connection string.</summary>
    public IReadOnlyList<string> Providers { get; }

    /// <summary>The server's port when a URL gives none; null for a file.</summary>
    public int? DefaultPort { get; }

    /// <summary>What its server's greeting says, to tell a person they reached another server; null when there is none to ask.</summary>
    public string? Family { get; }

    /// <summary>The names for a message: <c>sqlite, postgresql, mysql, mariadb and sqlserver</c>.</summary>
    public static string Known => string.Join(", ", All.SkipLast(1).Select(d => d.Name)) + " and " + All[^1].Name;

    /// <summary>The database a URL scheme names, or null.</summary>
    public static DialectId? FromScheme(string scheme) => All.FirstOrDefault(d => d.Schemes.Contains(scheme.ToLowerInvariant()));

    /// <summary>The database a provider name names, or null.</summary>
    public static DialectId? FromProvider(string provider) => All.FirstOrDefault(d => d.Providers.Contains(provider.ToLowerInvariant()));

    /// <summary>The database a dialect name or URL scheme names (as <c>op.Execute(sql, dialect:)</c> takes it), or null.</summary>
    public static DialectId? FromName(string name) => FromScheme(name);

    /// <summary>A new dialect for this database.</summary>
    public Dialect Create() =>
        this == Sqlite ? new Sqlite.SqliteDialect()
        : this == Postgres ? new Postgres.PostgresDialect()
        : this == MySql ? new MySql.MySqlDialect()
        : this == MariaDb ? new MySql.MySqlDialect(mariaDb: true)
        : new SqlServer.SqlServerDialect();

    /// <summary>
    /// Whether SQL meant for <paramref name="dialect"/> runs on this database: the same database under any of its
    /// names, and SQL for MySQL on MariaDB too. An unknown name is an error rather than SQL silently skipped everywhere.
    /// </summary>
    public bool RunsSqlFor(string dialect)
    {
        var id = FromName(dialect) ?? throw new RetortException($"Unknown dialect '{dialect}'; Retort knows {Known}");
        return id == this || (id == MySql && this == MariaDb);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
