using System.Diagnostics;
using MySqlConnector;
using Retort.Dialects;
using Retort.Dialects.MySql;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Dialects.MySql;

/// <summary>
/// A database of its own on the live MySQL/MariaDB server, named <c>retort_&lt;random&gt;</c> (the test role may
/// create and drop those), created for a test class and dropped after it.
/// </summary>
public sealed class MySqlTestDatabase : IAsyncLifetime
{
    private string? _server;

    /// <summary>The database's name.</summary>
    public string Name { get; } = "retort_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The dialect that matches the server: MariaDB's when the server says it is MariaDB.</summary>
    public MySqlDialect Dialect { get; private set; } = new();

    public async Task InitializeAsync()
    {
        if (LiveDatabase.Find(LiveServer.MySql) is not { } url)
            return;
        _server = ConnectionString(new Uri(url));
        await using var connection = new MySqlConnection(_server);
        await connection.OpenAsync();
        Dialect = new MySqlDialect(mariaDb: connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase));
        await ServerCommandAsync($"CREATE DATABASE `{Name}`");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await ServerCommandAsync($"DROP DATABASE IF EXISTS `{Name}`");
    }

    /// <summary>Empties the database (drop and create again) and opens a connection to it.</summary>
    public async Task<MySqlConnection> FreshAsync()
    {
        await ServerCommandAsync($"DROP DATABASE IF EXISTS `{Name}`");
        await ServerCommandAsync($"CREATE DATABASE `{Name}`");
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs the statements the dialect renders for <paramref name="operation"/>, with their parameters.</summary>
    public async Task ApplyAsync(MySqlConnection connection, MigrationOperation operation)
    {
        foreach (var statement in Dialect.Render(operation))
            await ExecuteAsync(connection, statement);
    }

    /// <summary>Runs one statement as the online runner would.</summary>
    public static async Task ExecuteAsync(MySqlConnection connection, SqlStatement statement)
    {
        await using var command = new MySqlCommand(statement.Sql, connection);
        for (var i = 0; i < (statement.Parameters?.Count ?? 0); i++)
            command.Parameters.AddWithValue($"@p{i}", statement.Parameters![i] ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The live schema, as the dialect's inspector reads it.</summary>
    public Task<DatabaseSchema> InspectAsync(MySqlConnection connection, params TableName[] exclude) =>
        Dialect.InspectAsync(connection, exclude, CancellationToken.None);

    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// Feeds a script to the database's command-line client (mariadb or mysql, which scripts/databases.sh
    /// installs with the server), as a user runs offline output; returns its error output.
    /// </summary>
    public async Task<(int ExitCode, string Errors)> RunClientAsync(string script)
    {
        var server = new MySqlConnectionStringBuilder(Server);
        var client = new[] { "mariadb", "mysql" }.FirstOrDefault(c => Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, c)))) ?? throw new InvalidOperationException("No mariadb or mysql client on PATH to run a script with");
        var start = new ProcessStartInfo(client)
        {
            ArgumentList = { "--host", server.Server, "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--user", server.UserID, Name },
            RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true,
            Environment = { ["MYSQL_PWD"] = server.Password },
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await errors);
    }

    private string Server => _server ?? throw new InvalidOperationException("The live MySQL server is not configured");

    private async Task ServerCommandAsync(string sql)
    {
        await using var connection = new MySqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // mysql://user:password@host:port/database; the product's URL parser is written elsewhere.
    private static string ConnectionString(Uri url)
    {
        var user = url.UserInfo.Split(':', 2);
        return new MySqlConnectionStringBuilder
        {
            Server = url.Host,
            Port = url.Port > 0 ? (uint)url.Port : 3306,
            UserID = Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "",
        }.ConnectionString;
    }
}
