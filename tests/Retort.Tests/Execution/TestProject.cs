using System.Data.Common;
using System.Text;
using Retort.Configuration;
using Retort.Revisions;
using Retort.Scripting;

namespace Retort.Tests.Execution;

/// <summary>
/// A throw-away Retort project on disk: retort.json, revision files written from short specs, and
/// <see cref="Commands"/> wired to real providers and the real script compiler.
/// </summary>
internal sealed class TestProject : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-run");
    private readonly StringWriter _log = new();

    public TestProject(string url)
    {
        Url = url;
        Directory.CreateDirectory(Path.Combine(Root, "migrations", "versions"));
        File.WriteAllText(Path.Combine(Root, "retort.json"), $$"""{ "scriptLocation": "migrations", "url": "{{url}}" }""");
    }

    public string Root => _dir.FullName;

    public string Url { get; }

    public string Log => _log.ToString();

    /// <summary>Writes a revision whose upgrade and downgrade are the given C# statements on <c>op</c>, post-deploy when <paramref name="phase"/> says so.</summary>
    public TestProject Revision(string id, string[] revises, string upgrade = "", string downgrade = "",
        string[]? branchLabels = null, string[]? dependsOn = null, string members = "", MigrationPhase phase = MigrationPhase.PreDeploy)
    {
        static string List(string name, string[]? values) => values is null || values.Length == 0 ? ""
            : $", {name} = new[] {{ {string.Join(", ", values.Select(v => $"\"{v}\""))} }}";
        var text = new StringBuilder()
            .AppendLine("using Retort;")
            .AppendLine("namespace Migrations;")
            .AppendLine($"/// <summary>step {id}</summary>")
            .AppendLine($"[Revision(\"{id}\"{List("Revises", revises)}{List("BranchLabels", branchLabels)}{List("DependsOn", dependsOn)}{(phase == MigrationPhase.PostDeploy ? ", Phase = MigrationPhase.PostDeploy" : "")})]")
            .AppendLine($"public sealed class R_{id} : Migration")
            .AppendLine("{")
            .AppendLine($"    public override void Upgrade(Operations op) {{ {upgrade} }}")
            .AppendLine($"    public override void Downgrade(Operations op) {{ {downgrade} }}")
            .AppendLine(members)
            .AppendLine("}");
        File.WriteAllText(Path.Combine(Root, "migrations", "versions", $"{id}.cs"), text.ToString());
        return this;
    }

    /// <summary>A revision creating table <c>t_ID</c> on upgrade and dropping it on downgrade.</summary>
    public TestProject TableRevision(string id, params string[] revises) =>
        Revision(id, revises, $"op.CreateTable(\"t_{id}\", new Column(\"id\", SqlType.Integer, primaryKey: true));", $"op.DropTable(\"t_{id}\");");

    public Commands Commands(Func<RetortConfig, RetortConfig>? adjust = null)
    {
        var config = ConfigFile.Load(Path.Combine(Root, "retort.json"));
        return new(adjust is null ? config : adjust(config), Connect, LoadAsync, _log);
    }

    public static DbConnection Connect(DatabaseUrl url) => url.Dialect switch
    {
        "sqlite" => new Microsoft.Data.Sqlite.SqliteConnection(url.ConnectionString),
        "postgresql" => new Npgsql.NpgsqlConnection(url.ConnectionString),
        "mysql" or "mariadb" => new MySqlConnector.MySqlConnection(url.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(url), url.Dialect, null),
    };

    internal async Task<MigrationSource> LoadAsync(ScriptDirectory scripts, CancellationToken cancellationToken)
    {
        var cache = Path.Combine(Root, ".retort", "cache");
        var compiled = await new ScriptCompiler().CompileAsync(scripts.CompileSources(), cache, null, cancellationToken);
        return new Source(compiled, scripts, cache);
    }

    private sealed class Source(CompiledScripts scripts, ScriptDirectory directory, string cache) : MigrationSource
    {
        public override Migration Create(Revision revision) => scripts.CreateMigration(revision.Id);

        public override Type? TypeOf(Revision revision) => scripts.MigrationType(revision.Id);

        // The classes of model.sources, as the CLI's source gives them.
        public override IReadOnlyList<Type> ModelTypes => scripts.TypesDeclaredIn(directory.ModelSources(), cache);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}
