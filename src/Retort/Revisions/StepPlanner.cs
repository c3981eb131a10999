namespace Retort.Revisions;

/// <summary>The revisions an upgrade applies, a downgrade undoes, or a history range lists, in the order they run.</summary>
internal sealed class StepPlanner(RevisionGraph graph, SymbolResolver symbols, TargetResolver targetResolver)
{
    private const int Base = RevisionGraph.Base;

    /// <summary>The indexes to apply, in order (see <see cref="RevisionMap.UpgradeSteps"/>).</summary>
    public List<int> UpgradeSteps(IReadOnlyCollection<string> current, string target)
    {
        List<int> heads = symbols.ResolveCurrent(current);
        List<int> targets = targetResolver.UpgradeTargets(heads, target, clamp: false);
        bool[] needed = AncestorsChecked(targets, "Requested");
        bool[] applied = AncestorsChecked(heads, "Current");
        for (int i = 0; i < needed.Length; i++)
        {
            needed[i] &= !applied[i];
        }

        List<int> order = TopologicalOrder.Sort(graph, needed, targets);
        order.Reverse();
        return order;
    }

    /// <summary>
    /// The upgrade steps of one deploy phase, in order, and the first step held back on each branch. The pre-deploy phase
    /// holds back every pending post-deploy revision and every pending revision that stands on one held back (as a child
    /// or through <c>DependsOn</c>), so it stops at the first post-deploy revision of each branch; the post-deploy
    /// phase, like no phase, runs every step.
    /// </summary>
    public (List<int> Steps, List<int> HeldBack) UpgradeSteps(IReadOnlyCollection<string> current, string target, MigrationPhase? phase)
    {
        List<int> order = UpgradeSteps(current, target);
        if (phase != MigrationPhase.PreDeploy)
        {
            return (order, []);
        }

        var held = new bool[graph.Count];
        List<int> steps = [], first = [];
        // The order puts each step after what it stands on, so one pass sees every pending ancestor first; applied
        // revisions are not in it and hold nothing back.
        foreach (int step in order)
        {
            bool afterHeld = graph.Lower[step].Any(below => held[below]);
            held[step] = afterHeld || graph.Nodes[step].Phase == MigrationPhase.PostDeploy;
            if (!held[step])
            {
                steps.Add(step);
            }
            else if (!afterHeld)
            {
                first.Add(step);
            }
        }

        return (steps, first);
    }

    /// <summary>The indexes to undo, in order (see <see cref="RevisionMap.DowngradeSteps"/>).</summary>
    public List<int> DowngradeSteps(IReadOnlyCollection<string> current, string target)
    {
        List<int> heads = symbols.ResolveCurrent(current);
        (int? branch, int destination) = targetResolver.DowngradeTarget(heads, target);

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

        return TopologicalOrder.Sort(graph, undo, heads);
    }

    /// <summary>A history range, newest first (see <see cref="RevisionMap.Walk"/>).</summary>
    public List<int> Walk(string? lower, string? upper, IReadOnlyCollection<string>? current = null)
    {
        string lowerText = lower ?? "base", upperText = upper ?? "heads";
        List<int> bottoms = lowerText == "current"
            ? symbols.ResolveCurrent(current ?? throw RevisionErrors.CurrentNeeded(lowerText))
            : symbols.Lookup(lowerText, clamp: true);
        List<int> targets = upperText == "current"
            ? symbols.ResolveCurrent(current ?? throw RevisionErrors.CurrentNeeded(upperText))
            : targetResolver.UpgradeTargets(bottoms, upperText, clamp: true);
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

        return TopologicalOrder.Sort(graph, wanted, targets);
    }

    /// <summary>
    /// The targets on the branch a history range's lower end names: those carrying the label (Alembic's
    /// rule); for a revision named instead, those carrying its one label, or else those on its line.
    /// </summary>
    private List<int> OnBranch(string label, string symbol, List<int> targets)
    {
        if (!graph.Labels.ContainsKey(label))
        {
            int revision = symbols.ResolveBranch(label, symbol);
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
    public bool[] AncestorsChecked(List<int> targets, string kind)
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
