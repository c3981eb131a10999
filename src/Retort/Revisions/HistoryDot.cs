using System.Text;

namespace Retort.Revisions;

/// <summary>
/// A revision listing as a Graphviz digraph (<c>retort history --format dot | dot -Tsvg</c>): a box per revision with its
/// id and message, an edge from each parent to its child (the way upgrades go), a dashed edge from each revision depended
/// on, heads drawn bold, branch labels and the database's revisions in the boxes.
/// </summary>
public static class HistoryDot
{
    /// <summary>The lines of the digraph, newest revisions at the top; edges only between listed revisions.</summary>
    public static IReadOnlyList<string> Draw(IReadOnlyList<Revision> revisions, IReadOnlyCollection<string>? current = null)
    {
        var listed = revisions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>
        {
            "digraph retort {",
            "  rankdir=BT;",
            "  node [shape=box, style=rounded, fontname=\"monospace\"];",
        };
        foreach (var revision in revisions)
        {
            var label = new StringBuilder(revision.Id);
            if (revision.BranchLabels.Count > 0)
                label.Append(" (").Append(string.Join(", ", revision.BranchLabels)).Append(')');
            if (revision.IsRealHead)
                label.Append(" (head)");
            if (current?.Contains(revision.Id) == true)
                label.Append(" (current)");
            label.Append('\n').Append(revision.Header.Message);
            var style = (revision.IsRealHead ? ", style=\"rounded,bold\"" : "") + (current?.Contains(revision.Id) == true ? ", peripheries=2" : "");
            lines.Add($"  {Quote(revision.Id)} [label={Quote(label.ToString())}{style}];");
        }
        foreach (var revision in revisions.AsEnumerable().Reverse())
        {
            foreach (var parent in revision.DownRevisions.Where(listed.Contains))
                lines.Add($"  {Quote(parent)} -> {Quote(revision.Id)};");
            foreach (var dependency in revision.Dependencies.Where(listed.Contains))
                lines.Add($"  {Quote(dependency)} -> {Quote(revision.Id)} [style=dashed, label=\"depends on\"];");
        }
        lines.Add("}");
        return lines;
    }

    // A DOT string: quotes and backslashes escaped, a line break as \n (Graphviz centres each line).
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
