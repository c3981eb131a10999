using System.CommandLine;
using Retort.Scripting;

namespace Retort.Cli;

/// <summary><c>bundle</c>: the project's compiled revisions and retort.json in one executable that runs without the SDK.</summary>
internal static class BundleCommands
{
    /// <summary>What a bundle can do: run and inspect its revisions. Writing files and compiling need the project.</summary>
    private static readonly HashSet<string> RunnerCommands =
        ["history", "heads", "branches", "show", "upgrade", "downgrade", "stamp", "current", "resolve", "ensure-version", "lock", "verify", "lint"];

    /// <summary>The default runner: published beside the CLI by scripts/build.sh.</summary>
    private static string DefaultRunner => Path.Combine(AppContext.BaseDirectory, "runner", "retort-runner");

    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var outputPath = new Option<string>("--output", "-o")
        {
            Description = "The executable to write",
            Required = true,
            HelpName = "FILE",
        };
        var runner = new Option<string?>("--runner")
        {
            Description = "The runner to build it from (default: runner/retort-runner beside this CLI, which scripts/build.sh and scripts/runner.sh write)",
            HelpName = "FILE",
        };
        var bundle = new Command("bundle", "Write one self-contained executable holding the compiled revisions and retort.json (the URL read at run time: " +
            "${NAME} in retort.json, RETORT_URL or --url), which upgrades, downgrades and inspects databases with this CLI's commands and exit codes, without the SDK or the sources")
        {
            outputPath, runner,
        };
        bundle.SetAction(async (result, ct) =>
        {
            var from = Path.GetFullPath(result.GetValue(runner) ?? DefaultRunner);
            if (!File.Exists(from))
                throw new RetortException($"No bundle runner at {from}: build it with scripts/runner.sh (it writes artifacts/retort/runner/retort-runner), or pass --runner FILE");
            var commands = CliCommands.Create(global, global.Load(result), output.Error);
            var compiled = await CompiledMigrationSource.CompileAsync(commands.Scripts, ct);
            var image = compiled.ImagePath ?? throw new RetortException("The compiled revisions have no file in the cache to bundle; run 'retort compile' and try again");
            var target = result.GetValue(outputPath)!;
            var written = await Bundle.WriteAsync(commands, from, target, image, ct);
            output.Line($"Wrote {target}: {written.Revisions} revision(s), head{(written.Heads.Count == 1 ? "" : "s")} {string.Join(", ", written.Heads)}, " +
                $"{written.Bytes / 1048576.0:0.0} MB. Run it where the database is: RETORT_URL=... {target} upgrade head");
            return 0;
        });
        root.Add(bundle);
    }

    /// <summary>Leaves a bundle's root with the commands it can run.</summary>
    public static void KeepRunnerCommands(Command root)
    {
        foreach (var command in root.Subcommands.Where(c => !RunnerCommands.Contains(c.Name)).ToList())
            root.Subcommands.Remove(command);
    }
}
