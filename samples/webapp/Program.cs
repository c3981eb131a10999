using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using Retort.Hosting;

var builder = WebApplication.CreateBuilder(args);

// ConnectionStrings:App and the Retort section come from appsettings.json, overridden by the environment
// (ConnectionStrings__App=..., Retort__LockTimeout=...).
builder.Services.AddRetort(o => o.Connect = cs => new NpgsqlConnection(cs))
    .MigrateAtStartup()
    .AddHealthCheck();

var app = builder.Build();

// Healthy at head, Degraded while a replica migrates, Unhealthy (503) naming the missing revisions.
app.MapHealthChecks("/healthz", new HealthCheckOptions
{
    ResponseWriter = (context, report) => context.Response.WriteAsync(
        $"{report.Status}{string.Concat(report.Entries.Select(e => $": {e.Value.Description}"))}"),
});

app.MapGet("/notes", async (IConfiguration configuration) =>
{
    await using var connection = new NpgsqlConnection(configuration.GetConnectionString("App"));
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT id, body, pinned FROM note ORDER BY id", connection);
    await using var reader = await command.ExecuteReaderAsync();
    var notes = new List<Note>();
    while (await reader.ReadAsync())
        notes.Add(new Note(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2)));
    return notes;
});

app.Run();

/// <summary>A row of the note table the revisions create.</summary>
internal sealed record Note(int Id, string Body, bool Pinned);
