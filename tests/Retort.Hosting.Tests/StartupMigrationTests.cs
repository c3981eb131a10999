using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Retort.Hosting.Tests;

/// <summary>
/// MigrateAtStartup in an ASP.NET Core app on Kestrel: the migration runs in the host's StartingAsync, before Kestrel
/// listens, so no request reaches the app before the database is at head; a failing revision fails the host's start.
/// </summary>
public sealed class StartupMigrationTests : IDisposable
{
    private readonly TestRevisions _revisions = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _revisions.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private WebApplication App(System.Reflection.Assembly assembly, int port, Func<string, SqliteConnection> connect)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_logs);
        builder.Services.AddRetort(o =>
        {
            o.ConnectionString = _revisions.SqliteConnectionString();
            o.Connect = connect;
            o.Assemblies.Add(assembly);
        }).MigrateAtStartup();
        var app = builder.Build();
        // Says whether the migration had finished (its closing log line written) when the request came in.
        app.MapGet("/when", () => _logs.Retort.Any(e => e.EventId.Id == 5) ? "after" : "before");
        return app;
    }

    [Fact]
    public async Task No_request_reaches_the_app_before_the_migration_finished()
    {
        var assembly = await _revisions.Table("ba01").Table("ba02", "ba01").CompileAsync();
        var port = FreePort();
        var migrating = new TaskCompletionSource();
        var refusedOnce = new TaskCompletionSource();
        await using var app = App(assembly, port, cs =>
        {
            if (cs.Length > 0)
            {
                migrating.TrySetResult();
                // The migration goes on only once a request has been turned away while it runs.
                refusedOnce.Task.Wait(TimeSpan.FromSeconds(20));
            }
            return new SqliteConnection(cs);
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // SQLite opens synchronously: started on the pool, the migration cannot hold up this thread.
        var starting = Task.Run(() => app.StartAsync());
        await migrating.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var refused = 0;
        string? first = null;
        while (first is null)
        {
            try
            {
                first = await http.GetStringAsync($"http://127.0.0.1:{port}/when");
            }
            catch (HttpRequestException)
            {
                refused++;
                refusedOnce.TrySetResult();
                await Task.Delay(20);
            }
            Assert.False(starting.IsFaulted, starting.Exception?.Message);
        }
        await starting;
        Assert.Equal("after", first);
        Assert.True(refused > 0, "the app was asked while it migrated");
        Assert.Equal(2, _logs.Retort.Count(e => e.EventId.Id == 3));
        await app.StopAsync();
    }

    [Fact]
    public async Task A_failing_revision_fails_the_start_with_its_error_and_the_app_never_listens()
    {
        var assembly = await _revisions.Table("bb01").Add("bb02", "bb01", "op.Execute(\"INSERT INTO no_such_table VALUES (1)\");").CompileAsync();
        var port = FreePort();
        await using var app = App(assembly, port, cs => new SqliteConnection(cs));

        var e = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        Assert.Contains("no such table: no_such_table", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        var failed = Assert.Single(_logs.Retort, l => l.EventId.Id == 7);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Equal(e.Message, failed.Fields["Error"]);
        Assert.Contains(_logs.Retort, l => l.EventId.Id == 4 && l.Level == LogLevel.Error);
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [MariaDbFact]
    public async Task On_MariaDB_the_start_migrates_to_head_and_a_second_start_finds_nothing_to_do()
    {
        var assembly = await _revisions.Table("bc01").Table("bc02", "bc01").CompileAsync();
        var (name, connectionString) = await LiveMariaDb.CreateDatabaseAsync("startup");
        try
        {
            for (var start = 1; start <= 2; start++)
            {
                var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { DisableDefaults = true });
                builder.Logging.AddProvider(_logs);
                builder.Services.AddRetort(o =>
                {
                    o.ConnectionString = connectionString;
                    o.Connect = cs => new MySqlConnector.MySqlConnection(cs);
                    o.Provider = "mariadb";
                    o.Assemblies.Add(assembly);
                }).MigrateAtStartup();
                using var host = builder.Build();
                await host.StartAsync();
                await host.StopAsync();
            }
            Assert.Equal(["bc02"], await LiveMariaDb.QueryAsync(connectionString, "SELECT version_num FROM retort_version"));
            Assert.Equal(["bc01 upgrade", "bc02 upgrade"], await LiveMariaDb.QueryAsync(connectionString, "SELECT revision, direction FROM retort_version_log ORDER BY id"));
            Assert.Equal(["t_bc01", "t_bc02"], await LiveMariaDb.QueryAsync(connectionString,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 't\\_%' ORDER BY 1"));
            // The first start applied two revisions; the second found the database up to date.
            Assert.Equal(2, _logs.Retort.Count(e => e.EventId.Id == 3));
            Assert.Single(_logs.Retort, e => e.EventId.Id == 5);
            Assert.Single(_logs.Retort, e => e.EventId.Id == 6);
        }
        finally
        {
            await LiveMariaDb.DropDatabaseAsync(name);
        }
    }
}
