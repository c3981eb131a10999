using System.CommandLine;
using System.Diagnostics;
using Retort.Revisions;

namespace Retort.Cli;

/// <summary><c>history</c>, <c>heads</c>, <c>branches</c>, <c>show</c>, <c>edit</c>: read the graph, compile nothing.</summary>
internal static class InspectCommands
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var range = new Option<string?>("--rev-range", "-r") { Description = "[start]:[end], e.g. base:head, abc1:, :LABEL@head", HelpName = "RANGE" };
        var noGraph = new Option<bool>("--no-graph") { Description = "List without drawing the graph" };
        var indicate = new Option<bool>("--indicate-current", "-i") { Description = "Mark the revisions the database is at (connects to it)" };
        var history = new Command("history", "List revisions, newest first, with the graph of branches and merges") { range, noGraph, indicate };
        history.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global.Load(result), output);
            IReadOnlyCollection<string>? current = result.GetValue(indicate) || (result.GetValue(range)?.Contains("current", StringComparison.Ordinal) ?? false)
                ? (await commands.VersionHeadsAsync(ct)).Select(r => r.Id).ToList()
                : null;
            var revisions = commands.History(result.GetValue(range), current);
            if (result.GetValue(global.Verbose))
                foreach (var revision in revisions)
                    output.Line(RevisionFormatter.Entry(revision, current));
            else if (result.GetValue(noGraph))
                foreach (var revision in revisions)
                    output.Line(RevisionFormatter.Line(revision, current: current));
            else
                foreach (var line in HistoryGraph.Draw(revisions, r => RevisionFormatter.Line(r, current: current)))
                    output.Line(line);
            return 0;
        });
        root.Add(history);

        var resolve = new Option<bool>("--resolve-dependencies") { Description = "Leave out heads that other revisions depend on" };
        var heads = new Command("heads", "List the head revisions") { resolve };
        heads.SetAction(result =>
        {
            var commands = new Commands(global.Load(result));
            foreach (var revision in commands.Heads(result.GetValue(resolve)))
                output.Line(result.GetValue(global.Verbose)
                    ? RevisionFormatter.Entry(revision)
                    : RevisionFormatter.Line(revision, parents: false, message: false, treeIndicators: false));
            return 0;
        });
        root.Add(heads);

        var branches = new Command("branches", "List the branch points and the revisions they branch into");
        branches.SetAction(result =>
        {
            var commands = new Commands(global.Load(result));
            var verbose = result.GetValue(global.Verbose);
            foreach (var point in commands.Branches())
            {
                output.Line(verbose ? RevisionFormatter.Entry(point) : RevisionFormatter.Line(point, parents: false, message: false));
                var pad = new string(' ', point.Id.Length);
                foreach (var next in point.NextRevisions)
                    output.Line($"{pad} -> {RevisionFormatter.Line(commands.Scripts.Map[next], parents: false, message: verbose)}");
            }
            return 0;
        });
        root.Add(branches);

        var symbol = new Argument<string>("REV") { Description = "A revision id, partial id, label, or symbol such as head or LABEL@head" };
        var show = new Command("show", "Show the full entry of the revisions a symbol names") { symbol };
        show.SetAction(result =>
        {
            var commands = new Commands(global.Load(result));
            foreach (var revision in commands.Show(result.GetValue(symbol)!))
                output.Line(RevisionFormatter.Entry(revision));
            return 0;
        });
        root.Add(show);

        var editSymbol = new Argument<string>("REV") { Description = "A revision id, partial id, label, or symbol" };
        var edit = new Command("edit", "Open the files of the revisions a symbol names in $VISUAL or $EDITOR") { editSymbol };
        edit.SetAction(async (result, ct) =>
        {
            var commands = new Commands(global.Load(result));
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
}
