using System.Reflection;
using System.Text;
using Retort.Scripting;

namespace Retort.Hosting.Tests;

/// <summary>Revision classes compiled into an assembly, as an application's build compiles its migrations/versions/*.cs.</summary>
internal sealed class TestRevisions : IDisposable
{
    private readonly List<(string Id, string? Revises, string Upgrade, string Downgrade)> _revisions = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("retort-hosting-").FullName;

    /// <summary>A revision creating table <c>t_ID</c> (and undoing that), after <paramref name="revises"/>.</summary>
    public TestRevisions Table(string id, string? revises = null, string extra = "") =>
        Add(id, revises, $"op.CreateTable(\"t_{id}\", new Column(\"id\", SqlType.Integer, primaryKey: true)); {extra}", $"op.DropTable(\"t_{id}\");");

    public TestRevisions Add(string id, string? revises, string upgrade, string downgrade = "")
    {
        _revisions.Add((id, revises, upgrade, downgrade));
        return this;
    }

    public async Task<Assembly> CompileAsync()
    {
        var versions = Path.Combine(Root, "versions");
        Directory.CreateDirectory(versions);
        var paths = new List<string>();
        foreach (var (id, revises, upgrade, downgrade) in _revisions)
        {
            var text = new StringBuilder()
                .AppendLine("using Retort;")
                .AppendLine("namespace Migrations;")
                .AppendLine($"[Revision(\"{id}\"{(revises is null ? "" : $", Revises = \"{revises}\"")})]")
                .AppendLine($"public sealed class R_{id} : Migration")
                .AppendLine("{")
                .AppendLine($"    public override void Upgrade(Operations op) {{ {upgrade} }}")
                .AppendLine($"    public override void Downgrade(Operations op) {{ {downgrade} }}")
                .AppendLine("}");
            var path = Path.Combine(versions, $"{id}.cs");
            await File.WriteAllTextAsync(path, text.ToString());
            paths.Add(path);
        }
        return (await new ScriptCompiler().CompileAsync(paths, Path.Combine(Root, "cache"))).Assembly;
    }

    /// <summary>A SQLite database file in the folder, and its connection string.</summary>
    public string SqliteConnectionString(string name = "app.db") => $"Data Source={Path.Combine(Root, name)}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pool being torn down: the temp folder is cleaned up by the system.
        }
    }
}
