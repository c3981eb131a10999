// usage: Retort.Bench.Hosting sqlite|postgresql CONNECTION-STRING none|query|retort [--twice]
//   none:   build and start the host, nothing else (the app without Retort)
//   query:  the same, and one query of the version table through the provider (the floor: one round trip)
//   retort: the same with AddRetort and MigrateAsync
// Prints "ms=<in-process time of the step>" to stderr (with --twice, the time of a second call in the same process too).
// phases: AddRetort, then the time of resolving the service, making the Migrator and the upgrade apart (PREWARM=1 makes
// a connection first, so the provider's own start-up is not counted in them).
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Retort.Hosting;

var (provider, connectionString, mode) = (args[0], args[1], args[2]);
Func<string, DbConnection> connect = provider == "sqlite" ? cs => new SqliteConnection(cs) : cs => new NpgsqlConnection(cs);
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (mode is "retort" or "phases")
    builder.Services.AddRetort(o => { o.ConnectionString = connectionString; o.Connect = connect; });
using var host = builder.Build();
await host.StartAsync();

var timings = new List<double>();
for (var call = 0; call < (args.Contains("--twice") ? 2 : 1); call++)
{
    var started = Stopwatch.GetTimestamp();
    if (mode == "retort")
        await host.MigrateAsync();
    else if (mode == "phases")
    {
        if (Environment.GetEnvironmentVariable("PREWARM") == "1")
        {
            var tw = Stopwatch.GetTimestamp();
            connect("").Dispose();
            Console.Error.Write($"provider-init={Stopwatch.GetElapsedTime(tw).TotalMilliseconds:0.0} ");
        }
        var t0 = Stopwatch.GetTimestamp();
        var service = host.Services.GetRequiredService<RetortMigrator>();
        var t1 = Stopwatch.GetTimestamp();
        var migrator = service.Migrator;
        var t2 = Stopwatch.GetTimestamp();
        await migrator.UpgradeAsync();
        var t3 = Stopwatch.GetTimestamp();
        await service.MigrateAsync();
        var t4 = Stopwatch.GetTimestamp();
        Console.Error.WriteLine($"resolve={Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds:0.0} construct={Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds:0.0} upgrade={Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds:0.0} again={Stopwatch.GetElapsedTime(t3, t4).TotalMilliseconds:0.0}");
    }
    else if (mode == "query")
    {
        await using var connection = connect(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version_num FROM retort_version";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }
    timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
await host.StopAsync();
Console.Error.WriteLine(string.Join(" ", timings.Select((t, i) => $"{(i == 0 ? "ms" : "second_ms")}={t:0.00}")));
