using System.CommandLine;

namespace Retort.Cli;

/// <summary><c>compile</c> and <c>check</c>: the checks CI runs on a project, its revisions' code and its model.</summary>
internal static class CheckCommands
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var compile = new Command("compile", "Compile Env.cs and the revision files (cached by content; nothing recompiles when nothing changed)");
        compile.SetAction(async (result, ct) =>
        {
            var compiled = await Scripting.CompiledMigrationSource.CompileAsync(new Commands(global.Load(result)).Scripts, ct);
            output.Line($"{compiled.RevisionIds.Count} revision(s) {(compiled.FromCache ? "loaded from the cache" : "compiled")}");
            return 0;
        });
        root.Add(compile);

        // Exit 1 means "the model changed" and 2 "the check is broken" (no database, a broken model), so that CI can tell
        // the two apart.
        var check = new Command("check", "Exit 1 and list the operations when the model and the database differ; 0 when they agree; 2 when they cannot be compared");
        check.SetAction(async (result, ct) =>
        {
            output.ErrorExitCode = 2;
            var operations = await CommandText.CheckAsync(CliCommands.Create(global.Load(result), output), ct);
            if (operations.Count == 0)
            {
                output.Line("No new upgrade operations detected.");
                return 0;
            }
            output.Line($"New upgrade operations detected ({operations.Count}):");
            output.Lines(operations.Select(operation => $"  {operation}"));
            return 1;
        });
        root.Add(check);
    }
}
