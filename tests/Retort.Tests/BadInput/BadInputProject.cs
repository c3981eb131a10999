using Microsoft.Data.Sqlite;
using Retort.Tests.Cli;

namespace Retort.Tests.BadInput;

/// <summary>A throw-away Retort project in a temp folder, made by <c>retort init</c>, that a bad-input case spoils.</summary>
public sealed class BadInputProject : IAsyncDisposable
{
    private BadInputProject(DirectoryInfo dir) => Dir = dir.FullName;

    public string Dir { get; }

    public string Versions => Path.Combine(Dir, "migrations", "versions");

    public static async Task<BadInputProject> CreateAsync()
    {
        var project = new BadInputProject(Directory.CreateTempSubdirectory("retort-bad"));
        var init = await CliProcess.RunAsync(project.Dir, "init", "migrations");
        Assert.True(init.ExitCode == 0, init.Stderr);
        return project;
    }

    public void WriteFile(string relativePath, string text) => File.WriteAllText(Path.Combine(Dir, relativePath), text);

    /// <summary>A revision script: <paramref name="id"/> on <paramref name="revises"/>, with an Upgrade body.</summary>
    public void WriteRevision(string id, string? revises, string upgrade = "", string? fileName = null, string? className = null) =>
        File.WriteAllText(Path.Combine(Versions, (fileName ?? id) + ".cs"), $$"""
            using Retort;
            namespace Migrations;
            /// <summary>step {{id}}</summary>
            [Revision("{{id}}"{{(revises is null ? "" : $", Revises = \"{revises}\"")}})]
            public sealed class {{className ?? "R" + id}} : Migration
            {
                public override void Upgrade(Operations op) { {{upgrade}} }
            }
            """);

    /// <summary>Runs SQL on a SQLite database file of the project, e.g. to plant a bad version table.</summary>
    public void Sqlite(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Dir, file)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(Dir, args);

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Dir, recursive: true);
        return ValueTask.CompletedTask;
    }
}
