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

    // history, heads, branches, show and edit (InspectCommands), which read revision headers and nothing else;
    // current (CurrentCommand), which reads the version table too; upgrade and downgrade (RunCommands) of a project whose
    // revisions were recorded when they compiled (Recorded).
    private static readonly string[] Commands = ["history", "heads", "branches", "show", "edit", "current", "upgrade", "downgrade"];

    // Help lists a command's every option, some of which only the managed CLI has (current's --all...).
    private static readonly string[] Help = ["-h", "/h", "--help", "-?", "/?"];

    // The global options that take a value, so that the word after one is not taken for the command.
    private static readonly string[] ValueOptions = ["-c", "--config", "-n", "--name", "-x", "--url", "--context"];

    /// <summary>Whether the arguments name a command the front may run, before parsing them.</summary>
    public static bool Handles(string[] args) => Command(args) is { } command && Commands.Contains(command) && !args.Any(Help.Contains);

    /// <summary>Whether the arguments name upgrade or downgrade, which the front runs from recorded revisions.</summary>
    public static bool Runs(string[] args) => Command(args) is "upgrade" or "downgrade";

    // The command word: the first argument that is neither an option nor a global option's value.
    private static string? Command(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
                return args[i];
            if (ValueOptions.Contains(args[i]))
                i++;
        }
        return null;
    }

    /// <summary>
    /// Whether the parsed command is one the front runs: <c>history -i</c> connects to the database, and <c>-n</c> may name a
    /// member of a target set, which a query finds.
    /// </summary>
    public static bool Handles(ParseResult result) =>
        Commands.Contains(result.CommandResult.Command.Name)
        && !result.Tokens.Any(t => t.Value is "-i" or "--indicate-current" or "-n" or "--name");

    /// <summary>
    /// Thrown by a command of the front that finds, once it has read the config, that the managed CLI must run it (a
    /// database whose provider the front does not carry); nothing has been printed yet.
    /// </summary>
    public sealed class HandOffException : Exception;

    /// <summary>
    /// Whether the front can run <paramref name="config"/>'s database itself: one database (not a set), SQLite or
    /// PostgreSQL, whose providers it carries. A URL it cannot read is the managed CLI's to report.
    /// </summary>
    public static bool Carries(Configuration.RetortConfig config)
    {
        try
        {
            return !config.Targets.IsSet && Configuration.DatabaseUrl.From(config).Id is var id
                && (id == Dialects.DialectId.Sqlite || id == Dialects.DialectId.Postgres);
        }
        catch (RetortException)
        {
            return false;
        }
    }

    /// <summary>
    /// The commands of an upgrade or downgrade the front runs from the recording of the project's revisions (made when
    /// they compiled: only revisions that are plain <c>op.</c> calls on constant values are recorded). Hands the command
    /// on, before anything is printed, when there is no recording of the files as they are now, or the database is not
    /// one the front carries; a revision file that cannot be read is also the managed CLI's to report.
    /// </summary>
    public static Retort.Commands Recorded(Configuration.RetortConfig config, GlobalOptions global, Output output)
    {
        if (!Carries(config))
            throw new HandOffException();
        try
        {
            return Retort.Commands.FromRecording(config, global.Providers.Create, output.Error) ?? throw new HandOffException();
        }
        catch (RetortException)
        {
            throw new HandOffException();
        }
    }

    /// <summary>Runs <paramref name="args"/> with the managed CLI; returns only if it cannot be started.</summary>
    public static int Run(string[] args)
    {
        var folder = Path.GetDirectoryName(System.Environment.ProcessPath) ?? AppContext.BaseDirectory;
        var path = Path.Combine(folder, OperatingSystem.IsWindows() ? FileName + ".exe" : FileName);
        // A front that finds itself under the managed CLI's name (copied over it) would hand the command to itself for ever.
        if (string.Equals(Path.GetFullPath(path), System.Environment.ProcessPath, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"retort: error: {path} is this native front, not the managed CLI: this command runs in the managed CLI; reinstall Retort");
            return 1;
        }
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"retort: error: {path} is missing: this command runs in the managed CLI, which belongs beside {System.Environment.ProcessPath}; reinstall Retort");
            return 1;
        }
        // Nothing was written yet: the front hands a command on before it prints anything.
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
        execve(path, [path, .. args, null], [.. Environment(args), null]);
        Console.Error.WriteLine($"retort: error: cannot start {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        return 1;
    }

    // The environment the managed CLI starts with: this one's, and for upgrade and downgrade a smaller first GC
    // generation. Those make a little short-lived garbage per revision, thousands of times, and the runtime's default
    // budget (sized from the CPU's cache, 20 MB and more on a server) lets it all pile up before a first collection:
    // 132 MB at the peak of a 5,000-revision upgrade where 4 MB gives 115 MB, in the same time (bench/memory.sh).
    // Not for the other commands: check, on the same budget, takes 15% longer. A value the user set is kept.
    private static IEnumerable<string?> Environment(string[] args)
    {
        var variables = System.Environment.GetEnvironmentVariables();
        foreach (System.Collections.DictionaryEntry variable in variables)
            yield return $"{variable.Key}={variable.Value}";
        if (Command(args) is "upgrade" or "downgrade" && !variables.Contains(Gen0Size))
            yield return $"{Gen0Size}=0x400000";
    }

    private const string Gen0Size = "DOTNET_GCgen0size";

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int execve(string path, string?[] argv, string?[] envp);
}
#endif
