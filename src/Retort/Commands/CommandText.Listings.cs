using Retort.Revisions;

namespace Retort;

public static partial class CommandText
{
    /// <summary>
    /// <c>history</c>: the revisions of <paramref name="range"/> (as <see cref="Commands.History"/> takes it), newest first:
    /// full entries when <paramref name="verbose"/>, else one line each, beside the graph of branches and merges when
    /// <paramref name="graph"/>. With <paramref name="indicateCurrent"/>, or <c>current</c> in the range, it connects and
    /// marks the revisions the database is at.
    /// </summary>
    public static async Task<IReadOnlyList<string>> HistoryAsync(Commands commands, string? range, bool indicateCurrent, bool verbose,
        bool graph, CancellationToken cancellationToken = default)
    {
        var current = await CurrentIdsAsync(commands, range, indicateCurrent, cancellationToken);
        var revisions = commands.History(range, current);
        return verbose ? [.. revisions.Select(r => RevisionFormatter.Entry(r, current))]
            : graph ? HistoryGraph.Draw(revisions, r => RevisionFormatter.Line(r, current: current))
            : [.. revisions.Select(r => RevisionFormatter.Line(r, current: current))];
    }

    /// <summary><c>history --format dot</c>: the revisions of <paramref name="range"/> as a Graphviz digraph (see <see cref="HistoryDot"/>).</summary>
    public static async Task<IReadOnlyList<string>> HistoryDotAsync(Commands commands, string? range, bool indicateCurrent,
        CancellationToken cancellationToken = default)
    {
        var current = await CurrentIdsAsync(commands, range, indicateCurrent, cancellationToken);
        return HistoryDot.Draw(commands.History(range, current), current);
    }

    /// <summary>The revisions the database is at, read only when <c>history</c> is asked to mark them or its range names <c>current</c>.</summary>
    internal static async Task<IReadOnlyCollection<string>?> CurrentIdsAsync(Commands commands, string? range, bool indicateCurrent,
        CancellationToken cancellationToken) =>
        indicateCurrent || (range?.Contains("current", StringComparison.Ordinal) ?? false)
            ? (await commands.VersionHeadsAsync(cancellationToken)).Select(r => r.Id).ToList()
            : null;

    /// <summary>
    /// What a revision argument may be, for shell completion: the symbols head, heads and base, each revision id, and each
    /// branch label with LABEL@head. Reads the revision files only.
    /// </summary>
    public static IReadOnlyList<string> RevisionSymbols(Commands commands)
    {
        var map = commands.Scripts.Map;
        var labels = map.All.SelectMany(r => r.BranchLabels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return [.. (string[])["head", "heads", "base"], .. map.All.Select(r => r.Id).Order(StringComparer.Ordinal), .. labels, .. labels.Select(l => l + "@head")];
    }

    /// <summary><c>heads</c>: a line per head (with <paramref name="verbose"/>, its full entry).</summary>
    public static IReadOnlyList<string> Heads(Commands commands, bool resolveDependencies, bool verbose) =>
        [.. commands.Heads(resolveDependencies).Select(r => verbose
            ? RevisionFormatter.Entry(r)
            : RevisionFormatter.Line(r, parents: false, message: false, treeIndicators: false))];

    /// <summary><c>branches</c>: each branch point, and below it a line per revision it branches into.</summary>
    public static IReadOnlyList<string> Branches(Commands commands, bool verbose)
    {
        var lines = new List<string>();
        foreach (var point in commands.Branches())
        {
            lines.Add(verbose ? RevisionFormatter.Entry(point) : RevisionFormatter.Line(point, parents: false, message: false));
            var pad = new string(' ', point.Id.Length);
            foreach (var next in point.NextRevisions)
                lines.Add($"{pad} -> {RevisionFormatter.Line(commands.Scripts.Map[next], parents: false, message: verbose)}");
        }
        return lines;
    }

    /// <summary><c>show</c>: the full entry of each revision <paramref name="symbol"/> names.</summary>
    public static IReadOnlyList<string> Show(Commands commands, string symbol) =>
        [.. commands.Show(symbol).Select(r => RevisionFormatter.Entry(r))];

    /// <summary><c>current</c>: a line per revision the database is at.</summary>
    public static async Task<IReadOnlyList<string>> CurrentAsync(Commands commands, CancellationToken cancellationToken = default) =>
        [.. (await commands.CurrentAsync(cancellationToken)).Select(r => RevisionFormatter.Line(r, parents: false, message: false))];

    /// <summary>
    /// <c>current --verbose</c>: the full entry of each known revision the database is at, and the warnings of
    /// <see cref="Commands.StatusAsync"/>, which reads every applied script to compare it with the log.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Entries, IReadOnlyList<string> Warnings)> StatusAsync(Commands commands,
        CancellationToken cancellationToken = default)
    {
        var status = await commands.StatusAsync(cancellationToken);
        return ([.. status.Heads.Select(r => RevisionFormatter.Entry(r))], status.Warnings);
    }
}
