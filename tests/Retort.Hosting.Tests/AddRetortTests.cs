using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Retort.Hosting.Tests;

/// <summary>
/// AddRetort in a generic host: options from the <c>Retort</c> section with the connection string by name, code
/// overriding configuration, <c>MigrateAsync</c> applying the compiled-in revisions with one structured log line each,
/// and a second start at head finding nothing to do.
/// </summary>
public sealed class AddRetortTests : IDisposable
{
    private readonly TestRevisions _revisions = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _revisions.Dispose();

    private IHost Host(Dictionary<string, string?> settings, Action<RetortOptions>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(_logs);
        builder.Services.AddRetort(configure);
        return builder.Build();
    }

    [Fact]
    public async Task Binds_the_section_and_resolves_the_connection_string_by_name_with_code_winning()
    {
        var assembly = await _revisions.Table("aa01").CompileAsync();
        using var host = Host(new()
        {
            ["ConnectionStrings:Main"] = _revisions.SqliteConnectionString(),
            ["Retort:ConnectionStringName"] = "Main",
            ["Retort:VersionTable"] = "app_version",
            ["Retort:LockTimeout"] = "7",
            ["Retort:Target"] = "heads",
            ["Retort:Phase"] = "PreDeploy",
            ["Retort:Lock"] = "none",
        }, o =>
        {
            o.Connect = cs => new SqliteConnection(cs);
            o.Assemblies.Add(assembly);
            o.Lock = "session";
        });

        var options = host.Services.GetRequiredService<IOptions<RetortOptions>>().Value;
        Assert.Equal(_revisions.SqliteConnectionString(), options.ConnectionString);
        Assert.Equal(("app_version", 7, "heads", MigrationPhase.PreDeploy, "session"),
            (options.VersionTable, options.LockTimeout, options.Target, options.Phase, options.Lock));

        Assert.Equal(["aa01"], await host.MigrateAsync());
        Assert.Equal(["aa01"], await SqliteRowsAsync("SELECT version_num FROM app_version"));
        Assert.Equal(["aa01 upgrade"], await SqliteRowsAsync("SELECT revision, direction FROM app_version_log"));
    }

    [Fact]
    public async Task Migrates_with_a_log_line_per_revision_and_a_second_start_finds_it_up_to_date()
    {
        var assembly = await _revisions.Table("ab01").Table("ab02", "ab01").CompileAsync();
        Dictionary<string, string?> settings = new() { ["ConnectionStrings:App"] = _revisions.SqliteConnectionString(), ["Retort:ConnectionStringName"] = "App" };
        var connections = 0;
        void Configure(RetortOptions o)
        {
            // The empty connection string is the probe that names the provider; it never opens.
            o.Connect = cs => { if (cs.Length > 0) Interlocked.Increment(ref connections); return new SqliteConnection(cs); };
            o.Assemblies.Add(assembly);
        }

        using (var first = Host(settings, Configure))
            Assert.Equal(["ab02"], await first.MigrateAsync());
        var applied = _logs.Retort.Where(e => e.EventId.Id == 3).ToList();
        Assert.Equal(["ab01 upgrade 1/2", "ab02 upgrade 2/2"], applied.Select(e => $"{e.Fields["Revision"]} {e.Fields["Direction"]} {e.Fields["Step"]}/{e.Fields["Steps"]}"));
        Assert.All(applied, e => Assert.IsType<double>(e.Fields["ElapsedMs"]));
        Assert.Matches(@"^Applied revision ab01 \(upgrade\) in [\d.]+ ms \[1/2\]$", applied[0].Message);
        Assert.Contains(_logs.Retort, e => e.EventId.Id == 1 && (int)e.Fields["Steps"]! == 2);
        Assert.Contains(_logs.Retort, e => e.EventId.Id == 5 && (string)e.Fields["Heads"]! == "ab02");

        while (_logs.Entries.TryDequeue(out _)) { }
        connections = 0;
        using (var second = Host(settings, Configure))
            Assert.Equal(["ab02"], await second.MigrateAsync());
        // Nothing applied, one line saying so, and one connection: the version table read once.
        var lines = _logs.Retort.ToList();
        Assert.Equal([6], lines.Select(e => e.EventId.Id));
        Assert.Equal("ab02", lines[0].Fields["Heads"]);
        Assert.Equal(1, connections);
        Assert.Equal(["ab01 upgrade", "ab02 upgrade"], await SqliteRowsAsync("SELECT revision, direction FROM retort_version_log ORDER BY id"));
    }

    [PostgresFact]
    public async Task On_postgresql_a_start_at_head_sends_one_command()
    {
        var (name, connectionString) = await LivePostgres.CreateDatabaseAsync("once");
        try
        {
            var assembly = await _revisions.Table("ac01").Table("ac02", "ac01").CompileAsync();
            Dictionary<string, string?> settings = new() { ["ConnectionStrings:App"] = connectionString, ["Retort:ConnectionStringName"] = "App" };
            void Configure(RetortOptions o)
            {
                o.Connect = cs => new NpgsqlConnection(cs);
                o.Assemblies.Add(assembly);
            }
            using (var first = Host(settings, Configure))
                await first.MigrateAsync();

            // Npgsql's own ActivitySource has a span per command sent: the count is what went to the server.
            var commands = new List<string>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.GetTagItem("db.namespace") as string == name || a.GetTagItem("db.name") as string == name)
                        lock (commands) commands.Add(a.DisplayName);
                },
            };
            ActivitySource.AddActivityListener(listener);
            using (var second = Host(settings, Configure))
                Assert.Equal(["ac02"], await second.MigrateAsync());
            Assert.Single(commands);
            Assert.Equal(["ac01", "ac02"], await LivePostgres.QueryAsync(connectionString, "SELECT revision FROM retort_version_log ORDER BY id"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await LivePostgres.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Says_in_one_line_what_is_missing()
    {
        var assembly = await _revisions.Table("ad01").CompileAsync();
        using var noName = Host(new() { ["Retort:ConnectionStringName"] = "Gone" }, o => { o.Connect = cs => new SqliteConnection(cs); o.Assemblies.Add(assembly); });
        var e = await Assert.ThrowsAsync<RetortException>(() => noName.MigrateAsync());
        Assert.Equal("Retort: ConnectionStrings:Gone (Retort:ConnectionStringName) is not set", e.Message);
        Assert.Contains(_logs.Retort, l => l.Level == LogLevel.Error && l.Message.EndsWith(e.Message, StringComparison.Ordinal));

        using var noConnect = Host(new() { ["Retort:ConnectionString"] = _revisions.SqliteConnectionString() });
        e = await Assert.ThrowsAsync<RetortException>(() => noConnect.MigrateAsync());
        Assert.StartsWith("Retort: no RetortOptions.Connect", e.Message);

        using var badLock = Host(new() { ["Retort:ConnectionString"] = _revisions.SqliteConnectionString(), ["Retort:Lock"] = "mutex" },
            o => { o.Connect = cs => new SqliteConnection(cs); o.Assemblies.Add(assembly); });
        e = await Assert.ThrowsAsync<RetortException>(() => badLock.MigrateAsync());
        Assert.Equal("Retort:Lock is 'mutex'; use session, table or none", e.Message);
    }

    [Fact]
    public async Task Configuration_alone_turns_on_the_start_up_migration_with_a_url_taken_from_the_content_root()
    {
        var assembly = await _revisions.Table("af01").CompileAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _revisions.Root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Retort:Url"] = "sqlite:///app.db", ["Retort:MigrateAtStartup"] = "true" });
        builder.Services.AddRetort(o => { o.Connect = cs => new SqliteConnection(cs); o.Assemblies.Add(assembly); });
        using var host = builder.Build();

        await host.StartAsync();
        Assert.Equal(["af01"], await SqliteRowsAsync("SELECT version_num FROM retort_version"));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_version_row_the_app_does_not_know_takes_the_whole_way_and_fails_there()
    {
        var assembly = await _revisions.Table("ae01").CompileAsync();
        Dictionary<string, string?> settings = new() { ["Retort:ConnectionString"] = _revisions.SqliteConnectionString() };
        using var host = Host(settings, o => { o.Connect = cs => new SqliteConnection(cs); o.Assemblies.Add(assembly); });
        await host.MigrateAsync();
        await SqliteRowsAsync("UPDATE retort_version SET version_num = 'ffff9999'");

        var e = await Assert.ThrowsAsync<RetortException>(() => host.MigrateAsync());
        Assert.StartsWith("The version table retort_version holds ffff9999, which no revision file defines", e.Message);
    }

    private async Task<List<string>> SqliteRowsAsync(string sql)
    {
        await using var connection = new SqliteConnection(_revisions.SqliteConnectionString());
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        return rows;
    }
}
