using System.CommandLine;

namespace Retort.Cli;

/// <summary>The <c>retort</c> command line: parses, calls <see cref="Commands"/>, prints.</summary>
internal static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Retort: database schema migrations for .NET, on the model of Alembic.");
        global.AddTo(root);
        var output = new Output(Console.Out, Console.Error);
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
                Console.Error.WriteLine($"retort: {error.Message}");
            Console.Error.WriteLine("Run 'retort --help' for usage.");
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancel.Token);
        }
        catch (Scripting.ScriptCompilationException e)
        {
            foreach (var line in e.Errors)
                Console.Error.WriteLine(line);
            return 1;
        }
        catch (RetortException e)
        {
            return output.Fail(e.Message, result.GetValue(global.Verbose) ? e : null);
        }
        catch (OperationCanceledException)
        {
            return output.Fail("cancelled", null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return output.Fail(e.Message, result.GetValue(global.Verbose) ? e : null);
        }
    }
}
