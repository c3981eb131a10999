using System.CommandLine;

namespace Retort.Cli;

/// <summary>The <c>retort</c> command line: parses, calls <see cref="Commands"/>, prints.</summary>
internal static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
#if RETORT_NATIVE
        // The native front: the graph commands here, everything else by the managed CLI beside it (Engine), before
        // anything else starts.
        if (!Engine.Handles(args))
            return Engine.Run(args);
        Bundle? bundle = null;
        StartupWarmup.Json();
#else
        StartupWarmup.Json();
        Bundle? bundle;
        try
        {
            bundle = Bundle.OfThisProcess();
        }
        catch (Exception e) when (e is RetortException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"retort: error: {e.Message}");
            return 1;
        }
#endif
        var global = new GlobalOptions { Bundle = bundle };
        var root = Root(args, bundle);
        global.AddTo(root);
        using var console = new ConsoleWriters();
        var output = new Output(console.Out, console.Error);
#if RETORT_NATIVE
        InspectCommands.Add(root, global, output);
        // The run commands only for a run: the graph commands start without building them.
        if (Engine.Runs(args))
            RunCommands.Add(root, global, output);
        else
            CurrentCommand.Add(root, global, output);
        var result = root.Parse(args);
        // Whatever the front cannot parse, or parses to a command that connects (history -i), the managed CLI does,
        // errors and all, so that both say the same.
        if (result.Errors.Count > 0 || !Engine.Handles(result))
            return Engine.Run(args);
#else
        ProjectCommands.Add(root, global, output);
        RevisionCommands.Add(root, global, output);
        InspectCommands.Add(root, global, output);
        RunCommands.Add(root, global, output);
        CheckCommands.Add(root, global, output);
        BaselineCommands.Add(root, global, output);
        CompletionCommands.Add(root, output);
        if (bundle is null)
            BundleCommands.Add(root, global, output);
        else
            BundleCommands.KeepRunnerCommands(root);
        if (args is [CompletionCommands.Request, ..])
        {
            CompletionCommands.AddRevisionSources(root, global);
            return CompletionCommands.Complete(root, output, args);
        }

        var result = root.Parse(args);
        if (args.FirstOrDefault(a => !a.StartsWith('-')) is { } word && result.CommandResult.Command == root
            && !root.Subcommands.Any(c => c.Name == word) && args.TakeWhile(a => a != word).All(a => a.StartsWith('-') && !TakesValue(root, a)))
        {
            // A mistyped command: one line that names it, a likely meaning, and the commands there are.
            var names = root.Subcommands.Select(c => c.Name).ToList();
            var meant = Configuration.ConfigFile.Suggest(word, names);
            output.Error.WriteLine($"retort: error: unknown command '{word}'{(meant is null ? "" : $"; did you mean '{meant}'?")} (commands: {string.Join(", ", names)})");
            return 2;
        }
        if (result.Errors.Count > 0)
        {
            var usage = result.CommandResult.Command == root ? "retort --help" : $"retort {result.CommandResult.Command.Name} --help";
            var messages = result.Errors.Select(e => string.Join(' ', e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.'));
            output.Error.WriteLine($"retort: error: {string.Join("; ", messages)} (see '{usage}')");
            return 2;
        }
#endif
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler interrupt = (_, e) =>
        {
            e.Cancel = true;
            try
            {
                cancel.Cancel();
            }
            catch (Exception failure) when (failure is AggregateException or ObjectDisposedException)
            {
                // A provider's own cancellation callback failed (the token is cancelled all the same), or the signal
                // came as the run was ending.
            }
        };
        Console.CancelKeyPress += interrupt;
        // SIGTERM (docker stop, a Kubernetes pod ending) stops a run as Ctrl+C does, rather than killing it mid-statement.
        using var terminate = OperatingSystem.IsWindows() ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                try
                {
                    cancel.Cancel();
                }
                catch (Exception failure) when (failure is AggregateException or ObjectDisposedException)
                {
                }
            });
        var verbose = result.GetValue(global.Verbose);
        try
        {
            var code = await result.InvokeAsync(
                new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output.Out, Error = output.Error }, cancel.Token);
            // What a command printed last may fail only when flushed: a full disk must not pass for success.
            console.Flush();
            return console.OutFailure is { } unwritten ? output.Fail($"Cannot write to standard output: {unwritten.Message}", null) : code;
        }
#if !RETORT_NATIVE
        catch (Scripting.ScriptCompilationException e)
        {
            foreach (var line in e.Errors)
                output.Error.WriteLine(line);
            return output.ErrorExitCode;
        }
#endif
#if RETORT_NATIVE
        catch (Engine.HandOffException)
        {
            return Engine.Run(args);
        }
#endif
        catch (RunCancelledException e)
        {
            return output.Fail(e.Message, null);
        }
        catch (OperationCanceledException)
        {
            return output.Fail("cancelled", null);
        }
        catch (Exception e) when (e is RetortException or IOException or UnauthorizedAccessException)
        {
            return output.Fail(e.Message, verbose ? e : null, global.Password);
        }
        catch (Exception e)
        {
            // A failure Retort did not foresee still gets one line; the trace is there with --verbose.
            var hint = verbose ? "" : " (run with --verbose for the stack trace)";
            return output.Fail($"{e.GetType().Name}: {e.Message}{hint}", verbose ? e : null, global.Password);
        }
        finally
        {
            Console.CancelKeyPress -= interrupt;
        }
    }

    // The first argument of a completion request (CompletionCommands), known here to the native front too, which has no
    // completion of its own and hands the request on.
    internal const string CompletionRequest = "__complete";

    // Whether a global option before the command takes a value (-c FILE), so the word after it is not the command.
    private static bool TakesValue(Command root, string option) =>
        root.Options.FirstOrDefault(o => o.Name == option || o.Aliases.Contains(option)) is { } found && found.Arity.MaximumNumberOfValues > 0;

    // RootCommand builds --help and --version (their descriptions a resource lookup away) and the [suggest] directive on
    // every run, a few milliseconds of each; a plain command with them added when asked for parses the same.
    private static Command Root(string[] args, Bundle? bundle)
    {
        var root = bundle is null ? new Command("retort", "Retort: database schema migrations for .NET, on the model of Alembic.")
            : new Command(bundle.Name, $"The revisions of a Retort project, bundled by 'retort bundle': upgrade, downgrade and inspect its databases without the SDK or the sources.");
        // A completion request offers them too.
        var help = args.Any(a => a is "-h" or "/h" or "--help" or "-?" or "/?") || args is [CompletionRequest, ..];
        if (help)
            root.Add(new System.CommandLine.Help.HelpOption());
        if (help || args.Contains("--version"))
            root.Add(new VersionOption());
        return root;
    }
}
