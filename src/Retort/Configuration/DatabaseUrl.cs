using System.Data.Common;
using Retort.Dialects;

namespace Retort.Configuration;

/// <summary>
/// Where the database is: its dialect, the provider's connection string, and a form safe to show (no password).
/// Built from a URL (<c>sqlite:///app.db</c>, <c>postgresql://user:pass@host:5432/db</c>, <c>mysql://…</c>,
/// <c>mariadb://…</c>, <c>sqlserver://…</c>) or from a provider name and connection string.
/// </summary>
public sealed record DatabaseUrl(string Dialect, string ConnectionString, string Display)
{
    /// <inheritdoc />
    public override string ToString() => Display;

    /// <summary>The database the URL names.</summary>
    public DialectId Id => DialectId.FromScheme(Dialect) ?? throw new RetortException($"Unknown dialect '{Dialect}'; Retort knows {DialectId.Known}");

    /// <summary>The database of a config: its <c>url</c>, else its <c>provider</c> and <c>connectionString</c>.</summary>
    public static DatabaseUrl From(RetortConfig config)
    {
        if (config.Url is { Length: > 0 } url)
            return Parse(url, config.BaseDirectory);
        if (config.Provider is { Length: > 0 } provider && config.ConnectionString is { Length: > 0 } connectionString)
            return FromProvider(provider, connectionString);
        throw new RetortException($"No database is configured: set \"url\" in {config.FilePath ?? "the config"}, or RETORT_URL, or pass --url");
    }

    /// <summary>A provider name (a dialect name or an ADO.NET provider's) and its connection string.</summary>
    public static DatabaseUrl FromProvider(string provider, string connectionString)
    {
        var dialect = DialectId.FromProvider(provider)?.Name
            ?? throw new RetortException($"Unknown provider '{provider}'; use sqlite, postgresql, mysql, mariadb or sqlserver");
        return new DatabaseUrl(dialect, connectionString, $"{dialect}: {Secrets.RedactConnectionString(connectionString)}");
    }

    /// <summary>Parses a URL; a relative SQLite path is taken from <paramref name="baseDirectory"/>.</summary>
    public static DatabaseUrl Parse(string url, string baseDirectory)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
            throw new RetortException($"'{Secrets.RedactUrl(url)}' is not a database URL; expected e.g. sqlite:///app.db or postgresql://user:password@host:5432/db");
        var scheme = url[..schemeEnd].ToLowerInvariant();
        var driverPlus = scheme.IndexOf('+');
        if (driverPlus > 0)
            scheme = scheme[..driverPlus]; // postgresql+asyncpg:// from an Alembic config means postgresql
        var id = DialectId.FromScheme(scheme)
            ?? throw new RetortException($"Unknown database '{scheme}' in URL '{Secrets.RedactUrl(url)}'; Retort knows {DialectId.Known}");
        return id == DialectId.Sqlite ? Sqlite(url[(schemeEnd + 3)..], baseDirectory, url) : Server(id, url);
    }

    private static DatabaseUrl Sqlite(string rest, string baseDirectory, string url)
    {
        // sqlite:///relative.db has rest "/relative.db"; sqlite:////abs.db has rest "//abs.db"; sqlite:// is memory.
        if (rest.Length > 0 && rest[0] != '/')
            throw new RetortException($"SQLite URL '{Secrets.RedactUrl(url)}' names a host; write sqlite:///relative.db or sqlite:////absolute/path.db");
        var path = rest.Length == 0 ? ":memory:" : rest[1..];
        if (path.Length == 0 || path == ":memory:")
            return new DatabaseUrl(DialectId.Sqlite.Name, "Data Source=:memory:", "sqlite://");
        var query = path.IndexOf('?');
        var settings = query >= 0 ? path[(query + 1)..] : "";
        if (query >= 0)
            path = path[..query];
        var full = Path.GetFullPath(Uri.UnescapeDataString(path), baseDirectory);
        var builder = new DbConnectionStringBuilder { ["Data Source"] = full };
        // The query's settings go to the provider as they are (Mode=ReadOnly, Cache=Shared, Default Timeout=…); one
        // it does not know is named when the connection is made.
        foreach (var (key, value) in QuerySettings(settings))
            builder[key] = value;
        return new DatabaseUrl(DialectId.Sqlite.Name, builder.ConnectionString, Secrets.RedactUrl(url));
    }

    private static DatabaseUrl Server(DialectId id, string url)
    {
        var dialect = id.Name;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new RetortException($"'{Secrets.RedactUrl(url)}' is not a valid {dialect} URL; expected {dialect}://user:password@host:port/database");
        var (user, password) = UserInfo(uri.UserInfo);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var port = uri.IsDefaultPort || uri.Port <= 0 ? id.DefaultPort!.Value : uri.Port;
        var builder = new DbConnectionStringBuilder();
        // Each provider's own keys, so the connection string reads as its documentation writes it.
        if (id == DialectId.Postgres)
        {
            builder["Host"] = uri.Host;
            builder["Port"] = port;
        }
        else
        {
            builder["Server"] = id != DialectId.SqlServer ? uri.Host : port == id.DefaultPort ? uri.Host : $"{uri.Host},{port}";
            if (id != DialectId.SqlServer)
                builder["Port"] = port;
        }
        if (user is not null) builder[id == DialectId.Postgres ? "Username" : "User ID"] = user;
        if (password is not null) builder["Password"] = password;
        if (database.Length > 0) builder["Database"] = database;
        foreach (var (setting, given) in QuerySettings(uri.Query.TrimStart('?')))
        {
            var (key, value) = (setting, given);
            if (id == DialectId.Postgres)
                (key, value) = LibpqSettings.ForNpgsql(key, value);
            builder[key] = value;
        }
        return new DatabaseUrl(dialect, builder.ConnectionString, Secrets.RedactUrl(url));
    }

    // The settings of a URL's query (a=1&b), a bare key meaning true.
    private static IEnumerable<(string Key, string Value)> QuerySettings(string query)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            yield return (Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]), equals < 0 ? "true" : Uri.UnescapeDataString(pair[(equals + 1)..]));
        }
    }

    private static (string? User, string? Password) UserInfo(string userInfo)
    {
        if (userInfo.Length == 0)
            return (null, null);
        var colon = userInfo.IndexOf(':');
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }
}
