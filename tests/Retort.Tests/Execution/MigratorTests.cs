using System.Reflection;
using Microsoft.Data.Sqlite;
using Retort.Configuration;
using Retort.Scripting;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// Migrations compiled into an application's assembly, run by <see cref="Migrator"/> with no retort.json and no
/// revision files at hand: the assembly here is compiled from revision files by Roslyn, as an application's build
/// would compile them.
/// </summary>
public sealed class MigratorTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///app.db");

    private Task<Assembly> BuildAsync() => BuildAsync(_project);

    internal static async Task<Assembly> BuildAsync(TestProject project)
    {
        var versions = Directory.GetFiles(Path.Combine(project.Root, "migrations", "versions"), "*.cs");
        var compiled = await new ScriptCompiler().CompileAsync(versions, Path.Combine(project.Root, ".retort", "cache"));
        // The application ships its assembly, not the files.
        Directory.Delete(Path.Combine(project.Root, "migrations"), recursive: true);
        return compiled.Assembly;
    }

    private Migrator Migrator(Assembly assembly, string url, StringWriter? progress = null) => new(new MigratorOptions
    {
        Assemblies = [assembly],
        Url = url,
        Connect = TestProject.Connect,
        Progress = progress,
    });

    private string SqliteUrl => $"sqlite:////{Path.Combine(_project.Root, "app.db").TrimStart('/')}";

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_project.Root, "app.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        return rows;
    }

    [Fact]
    public async Task Upgrades_downgrades_and_says_where_the_database_is_from_the_assembly_alone()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1").TableRevision("c1", "b1");
        var progress = new StringWriter();
        var migrator = Migrator(await BuildAsync(), SqliteUrl, progress);
        Assert.Equal(["a1", "b1", "c1"], (await migrator.PendingAsync()).Select(r => r.Id));

        Assert.Equal(["c1"], await migrator.UpgradeAsync());
        Assert.Equal(["c1"], (await migrator.CurrentAsync()).Select(r => r.Id));
        Assert.Empty(await migrator.PendingAsync());
        Assert.Equal(["t_a1", "t_b1", "t_c1"], await QueryAsync("SELECT name FROM sqlite_master WHERE name LIKE 't_%' ORDER BY name"));
        Assert.Contains("Running upgrade b1 -> c1, R_c1", progress.ToString());
        // The log has its rows; there is no file to take a checksum of.
        Assert.Equal(["a1 upgrade null", "b1 upgrade null", "c1 upgrade null"], await QueryAsync("SELECT revision, direction, checksum FROM retort_version_log ORDER BY id"));

        Assert.Equal(["a1"], await migrator.DowngradeAsync("a1"));
        Assert.Equal(["t_a1"], await QueryAsync("SELECT name FROM sqlite_master WHERE name LIKE 't_%'"));
        Assert.Equal(["b1", "c1"], (await migrator.PendingAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Writes_the_upgrade_as_sql_without_connecting()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1");
        var sql = new StringWriter();
        await Migrator(await BuildAsync(), "sqlite:///never-opened.db").WriteUpgradeSqlAsync(sql);
        Assert.Contains("CREATE TABLE t_b1", sql.ToString());
        Assert.Contains("UPDATE retort_version SET version_num='b1' WHERE retort_version.version_num = 'a1'", sql.ToString());
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "never-opened.db")));
    }

    [Fact]
    public async Task An_assembly_without_revisions_or_with_a_broken_graph_is_refused_with_one_line()
    {
        var none = Assert.Throws<RetortException>(() => Migrator(typeof(MigratorTests).Assembly, SqliteUrl));
        Assert.Equal("No revision classes (a Migration with [Revision]) in Retort.Tests", none.Message);
        var noAssembly = Assert.Throws<RetortException>(() => new Migrator(new MigratorOptions { Assemblies = [], Url = SqliteUrl, Connect = TestProject.Connect }));
        Assert.Equal("MigratorOptions.Assemblies names no assembly to take the revisions from", noAssembly.Message);
        var nowhere = Assert.Throws<RetortException>(() => new Migrator(new MigratorOptions { Assemblies = [typeof(MigratorTests).Assembly], Connect = TestProject.Connect }));
        Assert.Equal("MigratorOptions names no database: set Url, or Config's Url, or Config's Provider and ConnectionString", nowhere.Message);

        _project.TableRevision("a1").TableRevision("b1", "zz");
        var assembly = await BuildAsync();
        var broken = Assert.Throws<RetortException>(() => Migrator(assembly, SqliteUrl));
        Assert.Contains("zz", broken.Message);
    }

    public void Dispose() => _project.Dispose();
}

/// <summary>
/// <see cref="Migrator"/> on each live database, with its own version and log tables there, so that on a server
/// the shared test database's other tables are left alone.
/// </summary>
public abstract class MigratorLiveSuite : IDisposable
{
    private readonly TestProject _project = new("sqlite:///app.db");
    private readonly LiveTarget _target;

    protected MigratorLiveSuite() => _target = LiveTarget.Of(GetType());

    /// <summary>The columns of <paramref name="table"/>, in order, as one space-separated value.</summary>
    private string ColumnsQuery(string table) => _target.Database switch
    {
        TestDatabase.Postgresql => $"SELECT string_agg(column_name, ' ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = '{table}'",
        TestDatabase.Mysql => $"SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position SEPARATOR ' ') FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '{table}'",
        _ => $"SELECT group_concat(name, ' ') FROM (SELECT name FROM pragma_table_info('{table}') ORDER BY cid)",
    };

    [DatabaseFact]
    public async Task Upgrades_a_live_database_from_the_assembly_alone()
    {
        // Names of its own, so the server's shared test database's other tables are left alone.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        _project.Revision("a1", [], $"op.CreateTable(\"t_{suffix}\", new Column(\"id\", SqlType.Integer, primaryKey: true));", $"op.DropTable(\"t_{suffix}\");")
            .Revision("b1", ["a1"], $"op.AddColumn(\"t_{suffix}\", new Column(\"name\", SqlType.Text));", $"op.DropColumn(\"t_{suffix}\", \"name\");");
        var url = _target.Server is { } server ? LiveDatabase.Url(server) : $"sqlite:////{Path.Combine(_project.Root, "app.db").TrimStart('/')}";
        var migrator = new Migrator(new MigratorOptions
        {
            Assemblies = [await MigratorTests.BuildAsync(_project)],
            Url = url,
            Connect = TestProject.Connect,
            Config = new RetortConfig { BaseDirectory = _project.Root, ScriptLocation = _project.Root, VersionLocations = [],
                VersionTable = $"v_{suffix}", LogTable = $"v_{suffix}_log" },
        });
        try
        {
            Assert.Equal(["b1"], await migrator.UpgradeAsync());
            Assert.Equal(["b1"], (await migrator.CurrentAsync()).Select(r => r.Id));
            Assert.Equal("id name", await ScalarAsync(url, ColumnsQuery($"t_{suffix}")));
        }
        finally
        {
            Assert.Empty(await migrator.DowngradeAsync("base"));
            await ScalarAsync(url, $"DROP TABLE v_{suffix}");
            await ScalarAsync(url, $"DROP TABLE v_{suffix}_log");
        }
    }

    private static async Task<object?> ScalarAsync(string url, string sql)
    {
        await using var connection = TestProject.Connect(DatabaseUrl.Parse(url, "/"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => _project.Dispose();
}

[RunsOn(TestDatabase.Sqlite)] public sealed class SqliteMigratorTests : MigratorLiveSuite;

[RunsOn(TestDatabase.Postgresql)] public sealed class PostgresMigratorTests : MigratorLiveSuite;

[RunsOn(TestDatabase.Mysql)] public sealed class MariaDbMigratorTests : MigratorLiveSuite;
