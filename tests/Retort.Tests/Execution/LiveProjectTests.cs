using System.Data.Common;
using Retort.Configuration;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// A test class whose tests each get a fresh database on the database its concrete class names with
/// <see cref="RunsOnAttribute"/>, a <see cref="TestProject"/> pointing at it, and ways to read the database back.
/// It declares no tests: <see cref="LiveRunSuite"/> declares the ones every database runs, and a class of one
/// database's own tests derives from this directly.
/// </summary>
public abstract class LiveProjectTests : IAsyncLifetime
{
    private TestProject? _project;

    protected LiveProjectTests()
    {
        Target = LiveTarget.Of(GetType());
        // SQLite's file keeps one name: tests of SQLite alone open it by that name.
        _name = Target.Server is null ? "live" : "retort_" + Guid.NewGuid().ToString("N")[..12];
    }

    private readonly string _name;

    /// <summary>The database this class runs on, and what it can do.</summary>
    protected LiveTarget Target { get; }

    private protected TestProject Project => _project ?? throw new InvalidOperationException("not initialised");

    /// <summary>
    /// Whether the URL names MariaDB's dialect, as tests of the server's own ALTERs need (the server is MariaDB),
    /// rather than MySQL's, as users write it.
    /// </summary>
    protected virtual bool UrlNamesMariaDb => false;

    private async Task<string> CreateDatabaseAsync()
    {
        var url = await Target.CreateDatabaseAsync(_name);
        return UrlNamesMariaDb && Target.Database == TestDatabase.Mysql ? "mariadb" + url["mysql".Length..] : url;
    }

    public async Task InitializeAsync()
    {
        if (Target.SkipReason is not null)
            return;
        _project = new TestProject(await CreateDatabaseAsync());
    }

    public async Task DisposeAsync()
    {
        _project?.Dispose();
        if (_project is not null)
            await Target.DropDatabaseAsync(_name);
    }

    protected async Task<List<string>> TablesAsync()
    {
        var tables = await ColumnAsync(Target.TablesQuery);
        tables.Sort(StringComparer.Ordinal);
        return tables;
    }

    protected Task<List<string>> VersionRowsAsync() => ColumnAsync("SELECT version_num FROM retort_version ORDER BY version_num");

    /// <summary>The log as "revision direction status", oldest first.</summary>
    private protected async Task<List<string>> LogRowsAsync(string columns = "revision, direction, status")
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM retort_version_log ORDER BY id";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// <summary>The first column of <paramref name="sql"/>'s rows, as strings.</summary>
    private protected async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    private protected async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected async Task<DbConnection> OpenAsync()
    {
        var connection = TestProject.Connect(DatabaseUrl.Parse(Project.Url, Project.Root));
        await connection.OpenAsync();
        return connection;
    }
}
