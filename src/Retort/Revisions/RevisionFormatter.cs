using System.Text;

namespace Retort.Revisions;

/// <summary>
/// The text forms of a revision in listings, as Alembic prints them so its users find what they look for:
/// <c>a, b -> c (head) (mergepoint), message</c>, and the verbose entry of <c>history -v</c>.
/// </summary>
public static class RevisionFormatter
{
    /// <summary>
    /// The one-line form. <paramref name="current"/> marks revisions the database is at; <c>[post-deploy]</c> marks a
    /// revision that waits for <c>upgrade --phase post</c>.
    /// </summary>
    public static string Line(Revision revision, bool parents = true, bool message = true,
        IReadOnlyCollection<string>? current = null, bool treeIndicators = true)
    {
        var text = new StringBuilder();
        if (parents)
        {
            text.Append(DownRevisions(revision));
            if (revision.Dependencies.Count > 0)
                text.Append(" (").Append(string.Join(", ", revision.Dependencies)).Append(')');
            text.Append(" -> ");
        }
        text.Append(revision.Id);
        if (revision.BranchLabels.Count > 0)
            text.Append(" (").Append(string.Join(", ", revision.BranchLabels)).Append(')');
        Indicators(text, revision, current, treeIndicators);
        // Pre-deploy is the default and shows nothing, so a project without phases lists as Alembic does.
        if (revision.Phase == MigrationPhase.PostDeploy)
            text.Append(" [post-deploy]");
        if (message)
            text.Append(", ").Append(revision.Header.Message);
        return text.ToString();
    }

    /// <summary>The verbose entry: id and markers, parents, dependencies, branches, labels, phase, the revisions it squashed, path, date and the whole summary.</summary>
    public static string Entry(Revision revision, IReadOnlyCollection<string>? current = null)
    {
        var text = new StringBuilder("Rev: ").Append(revision.Id);
        Indicators(text, revision, current, treeIndicators: true);
        text.Append('\n');
        text.Append(revision.IsMergePoint ? "Merges: " : "Parent: ").Append(DownRevisions(revision)).Append('\n');
        if (revision.Dependencies.Count > 0)
            text.Append("Also depends on: ").Append(string.Join(", ", revision.Dependencies)).Append('\n');
        if (revision.IsBranchPoint)
            text.Append("Branches into: ").Append(string.Join(", ", revision.NextRevisions)).Append('\n');
        if (revision.BranchLabels.Count > 0)
            text.Append("Branch names: ").Append(string.Join(", ", revision.BranchLabels)).Append('\n');
        if (revision.Phase == MigrationPhase.PostDeploy)
            text.Append("Phase: post-deploy\n");
        if (revision.Header.Replaces.Count > 0)
            text.Append("Squashes: ").Append(string.Join(", ", revision.Header.Replaces)).Append('\n');
        text.Append("Path: ").Append(revision.Header.Path).Append('\n');
        if (revision.Header.CreateDate is not null)
            text.Append("Create Date: ").Append(revision.Header.CreateDate).Append('\n');
        text.Append('\n');
        foreach (var line in revision.Header.Doc.Split('\n'))
            text.Append("    ").Append(line).Append('\n');
        return text.ToString();
    }

    private static string DownRevisions(Revision revision) =>
        revision.DownRevisions.Count == 0 ? "<base>" : string.Join(", ", revision.DownRevisions);

    private static void Indicators(StringBuilder text, Revision revision, IReadOnlyCollection<string>? current, bool treeIndicators)
    {
        if (revision.IsRealHead) text.Append(" (head)");
        else if (revision.IsHead) text.Append(" (effective head)");
        if (current is not null && current.Contains(revision.Id)) text.Append(" (current)");
        if (!treeIndicators) return;
        if (revision.IsBranchPoint) text.Append(" (branchpoint)");
        if (revision.IsMergePoint) text.Append(" (mergepoint)");
    }
}
