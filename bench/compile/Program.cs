// Usage: Retort.Bench.Compile gen DIR COUNT | run DIR
// `gen` writes COUNT chained revision files under DIR/versions; `run` compiles (or loads from DIR/cache),
// creates the last revision's migration, runs its Upgrade, and prints the times. Run each `run` in a
// fresh process to see what a CLI invocation pays.
using System.Diagnostics;
using Retort;
using Retort.Scripting;

var clock = Stopwatch.StartNew();
string mode = args[0], dir = Path.GetFullPath(args[1]);
string versions = Path.Combine(dir, "versions");

if (mode == "gen")
{
    int count = int.Parse(args[2]);
    Directory.CreateDirectory(versions);
    for (int i = 0; i < count; i++)
    {
        string revises = i == 0 ? "" : $", Revises = \"{i - 1:x12}\"";
        File.WriteAllText(Path.Combine(versions, $"{i:x12}_step_{i}.cs"), $$"""
            using Retort;

            namespace Migrations;

            /// <summary>step {{i}}</summary>
            [Revision("{{i:x12}}"{{revises}}, CreateDate = "2026-01-01 00:00:00")]
            public sealed class Step{{i}} : Migration
            {
                public override void Upgrade(Operations op)
                {
                    op.Execute("CREATE TABLE t{{i}} (id integer)");
                }

                public override void Downgrade(Operations op)
                {
                    op.Execute("DROP TABLE t{{i}}");
                }
            }
            """);
    }
    return;
}

var files = Directory.GetFiles(versions, "*.cs");
var started = clock.Elapsed;
var scripts = await new ScriptCompiler().CompileAsync(files, Path.Combine(dir, "cache"));
var compiled = clock.Elapsed;
var last = scripts.RevisionIds.Max(StringComparer.Ordinal)!;
var recorded = new List<Retort.Ops.MigrationOperation>();
scripts.CreateMigration(last).Upgrade(new Operations(recorded.Add));
var done = clock.Elapsed;
bool roslyn = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name!.StartsWith("Microsoft.CodeAnalysis"));
Console.WriteLine(
    $"{files.Length} files fromCache={scripts.FromCache} roslynLoaded={roslyn} " +
    $"compile={(compiled - started).TotalMilliseconds:F0}ms firstMigration={(done - compiled).TotalMilliseconds:F1}ms " +
    $"total-in-main={done.TotalMilliseconds:F0}ms ops={recorded.Count}");
