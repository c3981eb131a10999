#if RETORT_NATIVE
using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Retort.Cli;

/// <summary>
/// The native front's hand-off (scripts/build.sh publishes this CLI ahead of time as <c>retort</c>, beside the managed
/// <c>Retort.Cli</c>). Native code starts in a few milliseconds where the runtime takes fifty, but cannot load the
/// assemblies that revisions compile to; so the front runs the commands that only read the graph and hands every other
/// command to the managed CLI, replacing this process with it: exit code, signals and streams are then the managed
/// CLI's own.
/// </summary>
internal static partial class Engine
{
    private const string FileName = "Retort.Cli";

    // history, heads, branches, show and edit: InspectCommands, which read revision headers and nothing else.
    private static readonly string[] Commands = ["history", "heads", "branches", "show", "edit"];

    // The global options that take a value, so that the word after one is not taken for the command.
    private static readonly string[] ValueOptions = ["-c", "--config", "-n", "--name", "-x", "--url", "--context"];

    /// <summary>Whether the arguments name a command the front may run, before parsing them.</summary>
    public static bool Handles(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
                return Commands.Contains(args[i]);
            if (ValueOptions.Contains(args[i]))
                i++;
        }
        return false;
    }

    /// <summary>Whether the parsed command is one the front runs: <c>history -i</c> connects to the database.</summary>
    public static bool Handles(ParseResult result) =>
        Commands.Contains(result.CommandResult.Command.Name)
        && !result.Tokens.Any(t => t.Value is "-i" or "--indicate-current");

    /// <summary>Runs <paramref name="args"/> with the managed CLI; returns only if it cannot be started.</summary>
    public static int Run(string[] args)
    {
        var folder = Path.GetDirectoryName(Environment.ProcessPath) ?? AppContext.BaseDirectory;
        var path = Path.Combine(folder, OperatingSystem.IsWindows() ? FileName + ".exe" : FileName);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"retort: error: {path} is missing: this command runs in the managed CLI, which belongs beside {Environment.ProcessPath}; reinstall Retort");
            return 1;
        }
        Console.Out.Flush();
        Console.Error.Flush();
        if (OperatingSystem.IsWindows())
        {
            // No exec on Windows: a child with the same streams, whose exit code becomes this one's.
            var start = new ProcessStartInfo(path) { UseShellExecute = false };
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            using var child = Process.Start(start)!;
            child.WaitForExit();
            return child.ExitCode;
        }
        execv(path, [path, .. args, null]);
        Console.Error.WriteLine($"retort: error: cannot start {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        return 1;
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int execv(string path, string?[] argv);
}
#endif
