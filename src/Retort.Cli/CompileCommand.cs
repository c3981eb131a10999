using System.CommandLine;

namespace Retort.Cli;

/// <summary><c>compile</c>: compile the revision files (and Env.cs) now, to check them or warm the cache.</summary>
internal static class CompileCommand
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var compile = new Command("compile", "Compile Env.cs and the revision files (cached by content; nothing recompiles when nothing changed)");
        compile.SetAction(async (result, ct) =>
        {
            var commands = new Commands(global.Load(result));
            var compiled = await CliCommands.CompileScriptsAsync(commands.Scripts, ct);
            output.Line($"{compiled.RevisionIds.Count} revision(s) {(compiled.FromCache ? "loaded from the cache" : "compiled")}");
            return 0;
        });
        root.Add(compile);
    }
}
