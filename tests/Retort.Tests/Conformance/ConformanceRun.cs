using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Retort.Configuration;
using Retort.Revisions;

namespace Retort.Tests.Conformance;

/// <summary>What one command did, as both tools report it: the facts the suite compares.</summary>
public sealed record Fact(bool Ok, string? Error, List<string>? Lines, List<string>? Steps, List<string>? Versions, List<string>? Tables);

/// <summary>
/// Writes each shape as an Alembic script directory and as a Retort project with the same ids, runs the shape's
/// commands through Alembic (one Python process for all shapes, <c>alembic_oracle.py</c>) and through Retort's
/// <see cref="Commands"/> (in this process, with migrations that create and drop a table per revision), and returns
/// both tools' facts per shape.
/// </summary>
internal sealed class ConformanceRun : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("retort-conformance");

    public void Dispose() => _root.Delete(recursive: true);

    public static string? Python => File.Exists("/usr/bin/python3") && Directory.Exists("/usr/lib/python3/dist-packages/alembic") ? "/usr/bin/python3" : null;

    public Dictionary<string, List<Fact>> Alembic(IReadOnlyList<GraphShape> shapes)
    {
        var manifest = new List<object>();
        foreach (var shape in shapes)
        {
            var folder = Path.Combine(_root.FullName, Folder(shape), "alembic");
            Directory.CreateDirectory(Path.Combine(folder, "versions"));
            File.WriteAllText(Path.Combine(folder, "env.py"), EnvPy);
            foreach (var revision in shape.Revisions)
                File.WriteAllText(Path.Combine(folder, "versions", revision.Id + ".py"), AlembicScript(shape, revision));
            manifest.Add(new { name = shape.Name, dir = folder, commands = shape.Commands.Select(ShapeIds.Expand).ToList() });
        }
        var manifestPath = Path.Combine(_root.FullName, "manifest.json");
        var outPath = Path.Combine(_root.FullName, "alembic.json");
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest));
        var oracle = Path.Combine(AppContext.BaseDirectory, "Conformance", "alembic_oracle.py");
        using var process = Process.Start(new ProcessStartInfo(Python!, [oracle, manifestPath, outPath]) { RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"alembic_oracle.py failed: {stderr}");
        var raw = JsonSerializer.Deserialize<Dictionary<string, List<JsonElement>>>(File.ReadAllText(outPath))!;
        return shapes.ToDictionary(s => s.Name, s => raw[s.Name].Select((r, i) => FromAlembic(r, s.Commands[i])).ToList());
    }

    private static Fact FromAlembic(JsonElement result, string[] command)
    {
        List<string>? Strings(string name) => result.TryGetProperty(name, out var value) ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : null;
        var lines = Strings("lines");
        return new Fact(result.GetProperty("ok").GetBoolean(), result.TryGetProperty("error", out var e) ? e.GetString() : null,
            lines is null ? null : Ids(command[0], lines), Strings("steps"), Strings("versions"), Strings("tables"));
    }

    // The revision ids in what Alembic printed: first word of heads and current lines, the id after "->" in history.
    private static List<string> Ids(string command, List<string> lines) => command switch
    {
        "history" => [.. lines.Select(l => Regex.Match(l, @"-> (\S+?)(?: |,|$)").Groups[1].Value)],
        "show" => [.. lines.Where(l => l.StartsWith("Rev: ", StringComparison.Ordinal)).Select(l => l[5..].Split(' ')[0])],
        _ => [.. lines.Select(l => l.Split(' ')[0])],
    };

    public async Task<Dictionary<string, List<Fact>>> RetortAsync(IReadOnlyList<GraphShape> shapes)
    {
        var facts = new Dictionary<string, List<Fact>>();
        foreach (var shape in shapes)
            facts[shape.Name] = await RetortAsync(shape);
        return facts;
    }

    private async Task<List<Fact>> RetortAsync(GraphShape shape)
    {
        var folder = Path.Combine(_root.FullName, Folder(shape), "retort");
        Directory.CreateDirectory(Path.Combine(folder, "migrations", "versions"));
        var db = Path.Combine(folder, "r.db");
        File.WriteAllText(Path.Combine(folder, "retort.json"),
            $$"""{ "scriptLocation": "migrations", "url": "sqlite:///r.db", "versionTable": "alembic_version", "log": false, "lock": "none" }""");
        foreach (var revision in shape.Revisions)
            File.WriteAllText(Path.Combine(folder, "migrations", "versions", revision.Id + ".cs"), RetortScript(shape, revision));
        var facts = new List<Fact>();
        RetortConfig config;
        try
        {
            config = ConfigFile.Load(Path.Combine(folder, "retort.json"));
        }
        catch (RetortException e)
        {
            return [.. shape.Commands.Select(_ => new Fact(false, e.Message, null, null, null, null))];
        }
        foreach (var command in shape.Commands.Select(ShapeIds.Expand))
        {
            var log = new StringWriter();
            var commands = new Commands(config, Execution.TestProject.Connect, (_, _) => Task.FromResult<MigrationSource>(new TableMigrations()), log);
            facts.Add(await RunAsync(commands, command, log, db));
        }
        return facts;
    }

    private static async Task<Fact> RunAsync(Commands commands, string[] command, StringWriter log, string db)
    {
        var sql = command.Contains("--sql") ? new StringWriter() : null;
        var args = command.Where(a => a != "--sql").ToArray();
        try
        {
            List<string>? lines = null;
            switch (args[0])
            {
                case "heads":
                    lines = [.. commands.Heads(resolveDependencies: args.Contains("--resolve-dependencies")).Select(r => r.Id)];
                    break;
                case "history":
                    var range = args.Length > 2 ? args[2] : null;
                    var current = range?.Contains("current", StringComparison.Ordinal) == true
                        ? (await commands.VersionHeadsAsync(missingIsEmpty: true, CancellationToken.None)).Select(r => r.Id).ToList()
                        : null;
                    lines = [.. commands.History(range, current).Select(r => r.Id)];
                    break;
                case "show":
                    lines = [.. commands.Show(args[1]).Select(r => r.Id)];
                    break;
                case "current":
                    lines = [.. (await commands.CurrentAsync(missingIsEmpty: true, CancellationToken.None)).Select(r => r.Id)];
                    break;
                case "upgrade":
                    await commands.UpgradeAsync(args[1], sql);
                    break;
                case "downgrade":
                    await commands.DowngradeAsync(args[1], sql);
                    break;
                case "stamp":
                    await commands.StampAsync([args[1]], sql: sql);
                    break;
                default:
                    throw new ArgumentException(args[0]);
            }
            if (lines is not null)
                return new Fact(true, null, lines, null, null, null);
            return Moved(log, sql, db, ok: true, null);
        }
        catch (RetortException e)
        {
            return Prints(args[0]) ? new Fact(false, e.Message, null, null, null, null) : Moved(log, sql, db, ok: false, e.Message);
        }

        static bool Prints(string name) => name is "heads" or "history" or "show" or "current";
    }

    private static Fact Moved(StringWriter log, StringWriter? sql, string db, bool ok, string? error)
    {
        if (sql is not null)
        {
            var text = sql.ToString();
            return new Fact(ok, error, null, [.. text.Split('\n').Where(l => l.StartsWith("-- Running ", StringComparison.Ordinal)).Select(l => l[3..])],
                VersionMoves(text), null);
        }
        var steps = log.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("Running ", StringComparison.Ordinal)).ToList();
        var (versions, tables) = State(db);
        return new Fact(ok, error, null, steps, versions, tables);
    }

    private static readonly Regex VersionDml = new(
        @"^(INSERT INTO alembic_version \(version_num\) VALUES \('(\w+)'\)|UPDATE alembic_version SET version_num='(\w+)' WHERE alembic_version\.version_num = '(\w+)'|DELETE FROM alembic_version WHERE alembic_version\.version_num = '(\w+)')",
        RegexOptions.Compiled);

    private static List<string> VersionMoves(string sql)
    {
        var moves = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            if (line.StartsWith("-- Running ", StringComparison.Ordinal))
            {
                moves.Add("step");
                continue;
            }
            var m = VersionDml.Match(line.Trim());
            if (!m.Success)
                continue;
            moves.Add(m.Groups[2].Success ? $"insert {m.Groups[2].Value}" : m.Groups[3].Success ? $"update {m.Groups[4].Value} {m.Groups[3].Value}" : $"delete {m.Groups[5].Value}");
        }
        return moves;
    }

    private static (List<string> Versions, List<string> Tables) State(string db)
    {
        if (!File.Exists(db))
            return ([], []);
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        var names = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        var versions = names.Contains("alembic_version") ? Query(connection, "SELECT version_num FROM alembic_version") : [];
        versions.Sort(StringComparer.Ordinal);
        var tables = names.Where(n => n.StartsWith("t_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return (versions, tables);
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    private static string Folder(GraphShape shape) => Regex.Replace(shape.Name, @"\W+", "_");

    private const string EnvPy = """
        from alembic import context
        from sqlalchemy import create_engine

        url = context.config.get_main_option("sqlalchemy.url")
        if context.is_offline_mode():
            context.configure(url=url, literal_binds=True)
            with context.begin_transaction():
                context.run_migrations()
        else:
            engine = create_engine(url)
            with engine.connect() as connection:
                context.configure(connection=connection)
                with context.begin_transaction():
                    context.run_migrations()
        """;

    private static string Tuple(string[] names) => names.Length switch
    {
        0 => "None",
        1 => $"\"{ShapeIds.Of(names[0])}\"",
        _ => $"({string.Join(", ", names.Select(n => $"\"{ShapeIds.Of(n)}\""))})",
    };

    private static string AlembicScript(GraphShape shape, ShapeRevision revision)
    {
        var text = new StringBuilder()
            .Append("\"\"\"step ").Append(revision.Name).Append("\"\"\"\n")
            .Append("from alembic import op\nimport sqlalchemy as sa\n\n")
            .Append("revision = \"").Append(revision.Id).Append("\"\n")
            .Append("down_revision = ").Append(Tuple(revision.Down)).Append('\n')
            .Append("branch_labels = ").Append(revision.Labels.Length == 0 ? "None" : $"({string.Join(", ", revision.Labels.Select(l => $"\"{l}\""))},)").Append('\n')
            .Append("depends_on = ").Append(revision.Depends.Length == 0 ? "None" : $"({string.Join(", ", revision.Depends.Select(d => $"\"{DependencyName(shape, d)}\""))},)").Append("\n\n")
            .Append("def upgrade():\n    op.create_table(\"t_").Append(revision.Id).Append("\", sa.Column(\"id\", sa.Integer))\n\n")
            .Append("def downgrade():\n    op.drop_table(\"t_").Append(revision.Id).Append("\")\n");
        return text.ToString();
    }

    // A dependency on a branch label is written as the label; on a revision, as its id.
    private static string DependencyName(GraphShape shape, string name) =>
        shape.Revisions.Any(r => r.Labels.Contains(name)) ? name : ShapeIds.Of(name);

    private static string RetortScript(GraphShape shape, ShapeRevision revision)
    {
        static string List(string name, IEnumerable<string> values) => values.Any() ? $", {name} = new[] {{ {string.Join(", ", values.Select(v => $"\"{v}\""))} }}" : "";
        return "using Retort;\nnamespace Migrations;\n"
            + $"/// <summary>step {revision.Name}</summary>\n"
            + $"[Revision(\"{revision.Id}\"{List("Revises", revision.Down.Select(ShapeIds.Of))}{List("DependsOn", revision.Depends.Select(d => DependencyName(shape, d)))}{List("BranchLabels", revision.Labels)})]\n"
            + $"public sealed class R_{revision.Id} : Migration {{ }}\n";
    }

    /// <summary>Each revision's migration creates table <c>t_ID</c>, and its downgrade drops it.</summary>
    private sealed class TableMigrations : MigrationSource
    {
        public override Migration Create(Revision revision) => new TableMigration(revision.Id);
    }

    private sealed class TableMigration(string id) : Migration
    {
        public override void Upgrade(Operations op) => op.CreateTable("t_" + id, new Column("id", SqlType.Integer));

        public override void Downgrade(Operations op) => op.DropTable("t_" + id);
    }
}
