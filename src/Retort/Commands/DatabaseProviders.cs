using System.Data.Common;
using Retort.Configuration;
using Retort.Dialects;

namespace Retort;

/// <summary>
/// The ADO.NET provider of each database Retort connects to, as functions from a connection string to a connection
/// (not yet open). The library references no provider: the <c>retort</c> tool or an application brings them, and
/// <see cref="Connect"/> picks the one a URL names (MariaDB's is MySQL's), as a <see cref="ConnectionFactory"/>.
/// </summary>
/// <example>
/// <code>
/// var providers = new DatabaseProviders(cs => new SqliteConnection(cs), cs => new NpgsqlConnection(cs),
///     cs => new MySqlConnection(cs), cs => new SqlConnection(cs));
/// var commands = new Commands(config, providers.Connect);
/// </code>
/// </example>
public sealed class DatabaseProviders(
    Func<string, DbConnection> sqlite,
    Func<string, DbConnection> postgres,
    Func<string, DbConnection> mySql,
    Func<string, DbConnection> sqlServer)
{
    /// <summary>A connection to the database <paramref name="url"/> names, from its provider.</summary>
    /// <exception cref="RetortException">No provider serves the URL, or the provider refuses a setting in it.</exception>
    public DbConnection Connect(DatabaseUrl url)
    {
        try
        {
            return ProviderOf(url)(url.ConnectionString);
        }
        catch (ArgumentException e)
        {
            // The provider's own text names the setting it does not know.
            throw new RetortException($"Cannot connect to {url.Display}: the provider refuses a setting in the URL's query or the connection string: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            // A combination of settings the provider does not support (Npgsql: target_session_attrs with one host).
            throw new RetortException($"Cannot connect to {url.Display}: {e.Message}", e);
        }
    }

    /// <summary>
    /// What readies the provider of <paramref name="url"/> before its first connection, for a second thread to run while
    /// the command starts; null where nothing is worth it.
    /// </summary>
    /// <remarks>
    /// SQLite only: its first connection loads a native library and runs SQLite's own set-up, which a private in-memory
    /// database does as well; the other providers start up in their first connection.
    /// </remarks>
    public Action? WarmUp(DatabaseUrl url) => url.Id == DialectId.Sqlite
        ? () =>
        {
            using var connection = sqlite("Data Source=:memory:;Pooling=False");
            connection.Open();
        }
        : null;

    private Func<string, DbConnection> ProviderOf(DatabaseUrl url)
    {
        var id = DialectId.FromScheme(url.Dialect) ?? throw new RetortException($"No provider for {url.Dialect}");
        return id == DialectId.Sqlite ? sqlite
            : id == DialectId.Postgres ? postgres
            : id == DialectId.SqlServer ? sqlServer
            : mySql;
    }
}
