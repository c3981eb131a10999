using System.CommandLine;
using System.Diagnostics;

namespace Retort.Cli;

/// <summary><c>history</c>, <c>heads</c>, <c>branches</c>, <c>show</c>, <c>edit</c>: read the graph, compile nothing.</summary>
internal static class InspectCommands
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var range = new Option<string?>("--rev-range", "-r") { Description = "[start]:[end], e.g. base:head, abc1:, :LABEL@head", HelpName = "RANGE" };
        var noGraph = new Option<bool>("--no-graph") { Description = "List without drawing the graph" };
        var drawGraph = new Option<bool>("--graph") { Description = "Draw the graph of branches and merges, as git log --graph does (the default)" };
        var indicate = new Option<bool>("--indicate-current", "-i") { Description = "Mark the revisions the database is at (connects to it)" };
        var format = new Option<string>("--format")
        {
            Description = "text (the graph of branches and merges, as git log --graph draws it), dot (Graphviz: retort history --format dot | dot -Tsvg), or json",
            HelpName = "text|dot|json",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "dot", "json");
        var historyJson = JsonOption();
        var history = new Command("history", "List revisions, newest first, with the graph of branches and merges") { range, drawGraph, noGraph, indicate, format, historyJson };
        history.Validators.Add(r =>
        {
            if (r.GetValue(drawGraph) && r.GetValue(noGraph))
                r.AddError("--graph and --no-graph contradict each other; the graph is drawn unless --no-graph is given");
        });
        history.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global, global.Load(result), output);
            var (rev, current) = (result.GetValue(range), result.GetValue(indicate));
            output.Lines(result.GetValue(historyJson) ? [await CommandJson.HistoryAsync(commands, rev, current, ct)] : result.GetValue(format) switch
            {
                "json" => [await CommandJson.HistoryAsync(commands, rev, current, ct)],
                "dot" => await CommandText.HistoryDotAsync(commands, rev, current, ct),
                _ => await CommandText.HistoryAsync(commands, rev, current, result.GetValue(global.Verbose), graph: !result.GetValue(noGraph), ct),
            });
            return 0;
        });
        root.Add(history);

        var resolve = new Option<bool>("--resolve-dependencies") { Description = "Leave out heads that other revisions depend on" };
        root.Add(Listing(new Command("heads", "List the head revisions") { resolve }, global, output,
            (commands, result) => CommandText.Heads(commands, result.GetValue(resolve), result.GetValue(global.Verbose)),
            (commands, result) => CommandJson.Heads(commands, result.GetValue(resolve))));

        root.Add(Listing(new Command("branches", "List the branch points and the revisions they branch into"), global, output,
            (commands, result) => CommandText.Branches(commands, result.GetValue(global.Verbose)), (commands, _) => CommandJson.Branches(commands)));

        var symbol = new Argument<string>("REV") { Description = "A revision id, partial id, label, or symbol such as head or LABEL@head" };
        root.Add(Listing(new Command("show", "Show the full entry of the revisions a symbol names") { symbol }, global, output,
            (commands, result) => CommandText.Show(commands, result.GetValue(symbol)!), (commands, result) => CommandJson.Show(commands, result.GetValue(symbol)!)));

        var editSymbol = new Argument<string>("REV") { Description = "A revision id, partial id, label, or symbol" };
        var edit = new Command("edit", "Open the files of the revisions a symbol names in $VISUAL or $EDITOR") { editSymbol };
        edit.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global, global.Load(result), TextWriter.Null);
            var files = commands.Edit(result.GetValue(editSymbol)!);
            var editor = Environment.GetEnvironmentVariable("VISUAL") is { Length: > 0 } v ? v
                : Environment.GetEnvironmentVariable("EDITOR") is { Length: > 0 } e ? e
                : throw new RetortException("Set $EDITOR (or $VISUAL) to the editor that should open revision files");
            // Through the shell, so that an editor given with arguments ("code --wait") works as it does in git.
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            foreach (var arg in (string[])["-c", editor + " \"$@\"", "retort-edit", .. files])
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new RetortException($"Could not start the editor '{editor}'");
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? 0 : output.Fail($"The editor '{editor}' exited with code {process.ExitCode}", null);
        });
        root.Add(edit);
    }

    // heads, branches and show read the graph only, so their commands bring no provider and no compiler.
    private static Command Listing(Command command, GlobalOptions global, Output output, Func<Commands, ParseResult, IReadOnlyList<string>> lines,
        Func<Commands, ParseResult, string> json)
    {
        var asJson = JsonOption();
        command.Add(asJson);
        command.SetAction(result =>
        {
            var commands = CliCommands.Create(global, global.Load(result), TextWriter.Null);
            output.Lines(result.GetValue(asJson) ? [json(commands, result)] : lines(commands, result));
            return 0;
        });
        return command;
    }

    /// <summary><c>--json</c>, the same on every command that has it: a <c>retort/v1</c> document on stdout (docs/json.md).</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print the result as JSON (schema retort/v1, see docs/json.md)" };
}
