using System.CommandLine;

namespace Retort.Cli;

/// <summary>The <c>retort</c> command line: parses, calls <see cref="Commands"/>, prints.</summary>
internal static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        StartupWarmup.Json();
        var global = new GlobalOptions();
        var root = Root(args);
        global.AddTo(root);
        using var console = new ConsoleWriters();
        var output = new Output(console.Out, console.Error);
        ProjectCommands.Add(root, global, output);
        RevisionCommands.Add(root, global, output);
        InspectCommands.Add(root, global, output);
        RunCommands.Add(root, global, output);
        CompileCommand.Add(root, global, output);
        CheckCommand.Add(root, global, output);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
                output.Error.WriteLine($"retort: {error.Message}");
            output.Error.WriteLine("Run 'retort --help' for usage.");
            return 2;
        }
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
            return await result.InvokeAsync(
                new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output.Out, Error = output.Error }, cancel.Token);
        }
        catch (Scripting.ScriptCompilationException e)
        {
            foreach (var line in e.Errors)
                output.Error.WriteLine(line);
            return 1;
        }
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

    // RootCommand builds --help and --version (their descriptions a resource lookup away) and the [suggest] directive on
    // every run, a few milliseconds of each; a plain command with them added when asked for parses the same.
    private static Command Root(string[] args)
    {
        var root = new Command("retort", "Retort: database schema migrations for .NET, on the model of Alembic.");
        var help = args.Any(a => a is "-h" or "/h" or "--help" or "-?" or "/?");
        if (help)
            root.Add(new System.CommandLine.Help.HelpOption());
        if (help || args.Contains("--version"))
            root.Add(new VersionOption());
        return root;
    }
}
