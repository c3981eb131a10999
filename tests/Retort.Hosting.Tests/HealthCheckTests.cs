using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MySqlConnector;
using Npgsql;

namespace Retort.Hosting.Tests;

/// <summary>
/// The health check on PostgreSQL, SQLite and MariaDB: Unhealthy naming the revisions the database lacks, Degraded while
/// another runner holds the migration lock (a replica inside a slow revision: PostgreSQL's session advisory lock,
/// MariaDB's GET_LOCK, SQLite's lock file), Healthy at head.
/// </summary>
public sealed class HealthCheckTests : IDisposable
{
    private readonly TestRevisions _revisions = new();

    public void Dispose() => _revisions.Dispose();

    private static IHost Host(System.Reflection.Assembly assembly, Database database, string target = "head")
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddRetort(o =>
        {
            o.ConnectionString = database.ConnectionString;
            o.Connect = database.Connect;
            o.Provider = database.Provider;
            o.Assemblies.Add(assembly);
            o.Target = target;
        }).AddHealthCheck();
        return builder.Build();
    }

    private static async Task<HealthReportEntry> CheckAsync(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["retort"];

    [PostgresFact]
    public async Task On_PostgreSQL_Unhealthy_when_behind_Degraded_while_a_runner_holds_the_lock_Healthy_at_head()
    {
        var (name, connectionString) = await LivePostgres.CreateDatabaseAsync("health");
        try
        {
            await CheckStatesAsync(new Database(connectionString, cs => new NpgsqlConnection(cs), null), "op.Execute(\"SELECT pg_sleep(2)\");");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await LivePostgres.DropDatabaseAsync(name);
        }
    }

    [MariaDbFact]
    public async Task On_MariaDB_Unhealthy_when_behind_Degraded_while_a_runner_holds_the_lock_Healthy_at_head()
    {
        var (name, connectionString) = await LiveMariaDb.CreateDatabaseAsync("health");
        try
        {
            await CheckStatesAsync(new Database(connectionString, cs => new MySqlConnection(cs), "mariadb"), "op.Execute(\"SELECT SLEEP(2)\");");
        }
        finally
        {
            await LiveMariaDb.DropDatabaseAsync(name);
        }
    }

    // SQLite has no sleep: the revision's own code takes the two seconds, inside the run and its lock file.
    [Fact]
    public Task On_SQLite_Unhealthy_when_behind_Degraded_while_a_runner_holds_the_lock_Healthy_at_head() =>
        CheckStatesAsync(new Database(_revisions.SqliteConnectionString(), cs => new SqliteConnection(cs), null), "System.Threading.Thread.Sleep(2000);");

    private async Task CheckStatesAsync(Database database, string slow)
    {
        var assembly = await _revisions.Table("ca01").Table("ca02", "ca01", slow).Table("ca03", "ca02").CompileAsync();
        using var app = Host(assembly, database);

        var fresh = await CheckAsync(app);
        Assert.Equal(HealthStatus.Unhealthy, fresh.Status);
        Assert.Equal("The database is behind the application by 3 revision(s): ca01, ca02, ca03", fresh.Description);

        using (var older = Host(assembly, database, target: "ca01"))
            await older.MigrateAsync();
        var behind = await CheckAsync(app);
        Assert.Equal(HealthStatus.Unhealthy, behind.Status);
        Assert.Equal("The database is behind the application by 2 revision(s): ca02, ca03", behind.Description);
        Assert.Equal(["ca02", "ca03"], (string[])behind.Data["pending"]);

        // Another replica migrates; ca02 keeps it inside the run (and its lock) for two seconds.
        using var replica = Host(assembly, database);
        var migrating = Task.Run(() => replica.MigrateAsync());
        HealthReportEntry during;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            during = await CheckAsync(app);
            Assert.False(migrating.IsCompleted && during.Status != HealthStatus.Degraded, "the run ended before the check saw it");
        }
        while (during.Status != HealthStatus.Degraded && DateTime.UtcNow < deadline);
        Assert.Equal(HealthStatus.Degraded, during.Status);
        Assert.Matches(@"^A migration is running \(the lock is held by .+\); pending: ca02, ca03$", during.Description);

        Assert.Equal(["ca03"], await migrating);
        var atHead = await CheckAsync(app);
        Assert.Equal(HealthStatus.Healthy, atHead.Status);
        Assert.Equal("The database is at head", atHead.Description);
    }

    private sealed record Database(string ConnectionString, Func<string, DbConnection> Connect, string? Provider);
}
