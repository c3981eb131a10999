namespace Retort.Tests.Scripting;

/// <summary>A temporary folder with a <c>versions/</c> folder for revision files and a <c>cache/</c> folder.</summary>
internal sealed class ScriptFolder : IDisposable
{
    private readonly string _id = Guid.NewGuid().ToString("N");

    public ScriptFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "retort-scripts-" + _id);
        Directory.CreateDirectory(Versions);
    }

    public string Root { get; }

    public string Versions => Path.Combine(Root, "versions");

    public string Cache => Path.Combine(Root, "cache");

    /// <summary>Writes <paramref name="text"/> to <c>versions/<paramref name="name"/></c> and returns its path.</summary>
    public string Write(string name, string text)
    {
        string path = Path.Combine(Versions, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// Writes a revision file whose Upgrade and Downgrade each execute one SQL statement. The default
    /// statements name this folder, so that no two tests compile the same content: this process reuses
    /// an assembly it loaded already, which would hide a compile.
    /// </summary>
    public string WriteRevision(string id, string className, string? revises = null, string? upgradeSql = null,
        string? downgradeSql = null) =>
        Write($"{id}_{className.ToLowerInvariant()}.cs",
            RevisionSource(id, className, revises, upgradeSql ?? $"SELECT '{_id}'", downgradeSql ?? $"SELECT 'down {_id}'"));

    public IReadOnlyList<string> Files => Directory.GetFiles(Versions, "*.cs").Order(StringComparer.Ordinal).ToList();

    public static string RevisionSource(string id, string className, string? revises, string upgradeSql, string downgradeSql)
    {
        string revisesArgument = revises is null ? "" : $", Revises = \"{revises}\"";
        return $$"""
            using Retort;

            namespace Migrations;

            /// <summary>{{className}}</summary>
            [Revision("{{id}}"{{revisesArgument}}, CreateDate = "2026-11-26 19:30:00")]
            public sealed class {{className}} : Migration
            {
                public override void Upgrade(Operations op)
                {
                    op.Execute("{{upgradeSql}}");
                }

                public override void Downgrade(Operations op)
                {
                    op.Execute("{{downgradeSql}}");
                }
            }
            """;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
