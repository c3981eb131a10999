using System.Data.Common;
using Retort.Configuration;

namespace Retort.Cli;

/// <summary>The ADO.NET providers the CLI brings, one per dialect.</summary>
internal static class Providers
{
    public static DbConnection Create(DatabaseUrl url)
    {
        try
        {
            return ForDialect(url);
        }
        catch (ArgumentException e)
        {
            // The provider's own text names the key, but the trimmed CLI build shows it as a resource key; --verbose has it.
            throw new RetortException($"Cannot connect to {url.Display}: the provider refuses a setting in the URL's query or the connection string", e);
        }
    }

    private static DbConnection ForDialect(DatabaseUrl url) => url.Dialect switch
    {
        "sqlite" => new InterruptibleSqliteConnection(url.ConnectionString),
        // The slim builder skips the type plugins (ranges, JSON, arrays...) whose set-up dominates start-up.
        "postgresql" => new Npgsql.NpgsqlSlimDataSourceBuilder(Named(WithTimeout(url.ConnectionString, "Timeout"))).Build().CreateConnection(),
        "mysql" or "mariadb" => new MySqlConnector.MySqlConnection(WithTimeout(url.ConnectionString, "Connection Timeout")),
        "sqlserver" => new Microsoft.Data.SqlClient.SqlConnection(WithTimeout(url.ConnectionString, "Connect Timeout")),
        _ => throw new RetortException($"No provider for {url.Dialect}"),
    };

    // So that pg_stat_activity (and the lock's "held by" line) says who a connection is.
    private static string Named(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!builder.ContainsKey("Application Name"))
            builder["Application Name"] = "retort";
        return builder.ConnectionString;
    }

    // An unreachable host should fail in seconds with a clear line, not hang for the provider's default.
    private static string WithTimeout(string connectionString, string key)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!builder.ContainsKey(key))
            builder[key] = 10;
        return builder.ConnectionString;
    }
}
