namespace Retort.Revisions;

public sealed partial class RevisionMap
{
    /// <summary>
    /// The revisions to apply, in order, to move a database at <paramref name="current"/> to
    /// <paramref name="target"/>: each after its parents and dependencies. Dependencies on other
    /// branches are pulled in; a merge point comes after all its parents. A target already applied (a current
    /// head, or below one) is nothing to do, as in Alembic: a pinned deploy run again changes nothing.
    /// </summary>
    public IReadOnlyList<Revision> UpgradeSteps(IReadOnlyCollection<string> current, string target)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        List<int> heads = ResolveCurrent(current);
        List<int> targets = UpgradeTargets(heads, target, clamp: false);
        bool[] needed = AncestorsChecked(targets, "Requested");
        bool[] applied = AncestorsChecked(heads, "Current");
        for (int i = 0; i < needed.Length; i++)
        {
            needed[i] &= !applied[i];
        }

        List<int> order = TopologicalOrder.Sort(graph, needed, targets);
        order.Reverse();
        return Revisions(order);
    }

    /// <summary>
    /// The revisions to undo, in order, to move a database at <paramref name="current"/> down to
    /// <paramref name="target"/>: each before its parents and before what it depends on. Everything
    /// applied above the target goes, dependents included; <c>LABEL@REV</c> (and <c>-N</c> from one
    /// current revision) keeps to that branch.
    /// </summary>
    public IReadOnlyList<Revision> DowngradeSteps(IReadOnlyCollection<string> current, string target)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        List<int> heads = ResolveCurrent(current);
        (int? branch, int destination) = DowngradeTarget(heads, target);

        List<int> roots = destination == Base ? [.. graph.Bases] : [.. graph.Children[destination]];
        if (branch is int line && roots.Count > 1)
        {
            bool[] branchLine = graph.Reach([line], graph.Parents);
            roots = [.. roots.Where(r => branchLine[r])];
            if (roots.Count == 0)
            {
                throw RevisionErrors.NotDowngradeTarget(target, [.. graph.IdsOf(heads)]);
            }
        }

        bool[] undo = graph.Reach(roots, graph.Upper);
        bool[] active = graph.Reach(heads, graph.Lower);
        bool any = false;
        for (int i = 0; i < undo.Length; i++)
        {
            undo[i] &= active[i];
            any |= undo[i];
        }

        if (destination != Base && !any && !heads.Contains(destination))
        {
            throw RevisionErrors.NotDowngradeTarget(target, [.. graph.IdsOf(heads)]);
        }

        return Revisions(TopologicalOrder.Sort(graph, undo, heads));
    }

    /// <summary>
    /// Revisions from <paramref name="upper"/> down to <paramref name="lower"/> inclusive, newest first,
    /// as <c>history -r lower:upper</c> lists them; null ends mean <c>heads</c> and <c>base</c>.
    /// Either end may be <c>current</c> (given <paramref name="current"/>); <c>LABEL@base</c> or
    /// <c>LABEL@REV</c> as the lower end keeps to that branch; relative ends stop at base or head.
    /// </summary>
    public IReadOnlyList<Revision> Walk(string? lower, string? upper, IReadOnlyCollection<string>? current = null)
    {
        string lowerText = lower ?? "base", upperText = upper ?? "heads";
        List<int> bottoms = lowerText == "current"
            ? ResolveCurrent(current ?? throw RevisionErrors.CurrentNeeded(lowerText))
            : Lookup(lowerText, clamp: true);
        List<int> targets = upperText == "current"
            ? ResolveCurrent(current ?? throw RevisionErrors.CurrentNeeded(upperText))
            : UpgradeTargets(bottoms, upperText, clamp: true);
        int at = lowerText.IndexOf('@');
        if (at >= 0)
        {
            targets = OnBranch(lowerText[..at], lowerText, targets);
        }

        bool[] wanted = AncestorsChecked(targets, "Requested");
        int outside = bottoms.FindIndex(b => !wanted[b]);
        if (outside >= 0)
        {
            throw RevisionErrors.NotARange($"{lower}:{upper}", graph.Id(bottoms[outside]), graph.IdsOf(targets));
        }

        // Inclusive range: what the upper end needs, less what the lower end has, plus the lower end
        // itself, kept to what lies above the lower end.
        bool[] below = AncestorsChecked(bottoms, "Requested");
        bottoms.ForEach(b => below[b] = false);
        bool[] above = bottoms.Count > 0 ? graph.Reach(bottoms, graph.Children) : [];
        for (int i = 0; i < wanted.Length; i++)
        {
            wanted[i] &= !below[i] && (bottoms.Count == 0 || above[i]);
        }

        return Revisions(TopologicalOrder.Sort(graph, wanted, targets));
    }

    /// <summary>
    /// The targets on the branch a history range's lower end names: those carrying the label (Alembic's
    /// rule); for a revision named instead, those carrying its one label, or else those on its line.
    /// </summary>
    private List<int> OnBranch(string label, string symbol, List<int> targets)
    {
        if (!graph.Labels.ContainsKey(label))
        {
            int revision = ResolveBranch(label, symbol);
            IReadOnlyList<string> own = graph.Nodes[revision].BranchLabels;
            if (own.Count != 1)
            {
                return graph.InLineage(targets, revision);
            }

            label = own[0];
        }

        return [.. targets.Where(t => graph.Nodes[t].BranchLabels.Contains(label))];
    }

    /// <summary>
    /// Ancestors of <paramref name="targets"/> (included) through <c>Revises</c> and <c>DependsOn</c>;
    /// fails when one target lies below another, as Alembic's <c>check=True</c> traversal does.
    /// </summary>
    private bool[] AncestorsChecked(List<int> targets, string kind)
    {
        var isTarget = new bool[graph.Count];
        targets.ForEach(t => isTarget[t] = true);
        var seen = new bool[graph.Count];
        var stack = new Stack<int>();
        foreach (int target in targets)
        {
            if (seen[target])
            {
                continue;
            }

            seen[target] = true;
            stack.Push(target);
            while (stack.Count > 0)
            {
                foreach (int below in graph.Lower[stack.Pop()])
                {
                    if (isTarget[below] && below != target)
                    {
                        throw RevisionErrors.Overlap(kind, graph.Id(below), graph.Id(target));
                    }

                    if (!seen[below])
                    {
                        seen[below] = true;
                        stack.Push(below);
                    }
                }
            }
        }

        return seen;
    }
}
