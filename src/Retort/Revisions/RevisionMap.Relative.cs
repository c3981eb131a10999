namespace Retort.Revisions;

public sealed partial class RevisionMap
{
    /// <summary>
    /// A relative symbol outside upgrade and downgrade: <c>REV±N</c> counts from REV; <c>-N</c> and
    /// <c>LABEL@-N</c> count down from each real head (on that branch), as Alembic's <c>get_revisions</c>
    /// does; <c>+N</c> and <c>LABEL@+N</c> count up from base.
    /// </summary>
    private List<int> LookupRelative(RelativeSymbol relative, int? branch, bool clamp)
    {
        if (relative.Symbol is not null)
        {
            int position = Step(Single(relative.StartSymbol), relative.Steps, relative.Steps > 0 ? branch : null, clamp, relative.Text);
            return position == Base ? [] : [position];
        }

        if (relative.Steps > 0)
        {
            return UpgradeTargets([], relative, clamp);
        }

        if (relative.Steps == 0)
        {
            throw RevisionErrors.UnknownSymbol(relative.Text);
        }

        IEnumerable<int> heads = graph.RealHeads;
        if (branch is int b)
        {
            // Alembic selects the heads that carry the label; a revision named as the branch selects its line.
            heads = graph.Labels.ContainsKey(relative.Label!)
                ? heads.Where(h => graph.Nodes[h].BranchLabels.Contains(relative.Label!))
                : graph.InLineage(heads, b);
        }

        var found = new List<int>();
        foreach (int head in heads)
        {
            int position = Step(head, relative.Steps, null, clamp, relative.Text);
            if (position != Base && !found.Contains(position))
            {
                found.Add(position);
            }
        }

        return found;
    }

    /// <summary>
    /// Walks <paramref name="steps"/> up (along children, filtered to the branch's line) or down (along
    /// parents) from <paramref name="start"/>; <see cref="Base"/> is one step below every base. Past an
    /// end it stops with <paramref name="clamp"/>, else fails; a fork on the way is an error.
    /// </summary>
    private int Step(int start, int steps, int? branch, bool clamp, string symbol)
    {
        bool[]? lineage = branch is int b && steps > 0 ? graph.Lineage(b) : null;
        int position = start;
        for (long step = 0; step < Math.Abs((long)steps); step++)
        {
            if (steps > 0)
            {
                IEnumerable<int> above = position == Base ? graph.Bases : graph.Children[position];
                int[] next = [.. above.Where(i => lineage?[i] ?? true)];
                if (next.Length == 0)
                {
                    return clamp ? position : throw RevisionErrors.PastHead(symbol, From(start));
                }

                if (next.Length > 1)
                {
                    throw position == Base
                        ? RevisionErrors.SeveralBasesStep(symbol, graph.IdsOf(next))
                        : RevisionErrors.BranchPointStep(symbol, graph.Id(position), graph.IdsOf(next));
                }

                position = next[0];
            }
            else
            {
                if (position == Base)
                {
                    return clamp ? position : throw RevisionErrors.PastBase(symbol, From(start));
                }

                int[] parents = graph.Parents[position];
                if (parents.Length > 1)
                {
                    throw RevisionErrors.MergePointStep(symbol, graph.Id(position), graph.IdsOf(parents));
                }

                position = parents.Length == 0 ? Base : parents[0];
            }
        }

        return position;
    }

    private string From(int start) => start == Base ? "base" : $"'{graph.Id(start)}'";

    /// <summary>Alembic's <c>_parse_upgrade_target</c>: what an upgrade (or a history range's upper end) aims at.</summary>
    private List<int> UpgradeTargets(List<int> current, string target, bool clamp) =>
        TryParseRelative(target, out RelativeSymbol relative)
            ? UpgradeTargets(current, relative, clamp)
            : Lookup(target, clamp);

    private List<int> UpgradeTargets(List<int> current, RelativeSymbol relative, bool clamp)
    {
        int? branch = relative.Label is null ? null : ResolveBranch(relative.Label, relative.Text);
        int position;
        if (relative.Steps > 0)
        {
            int start = relative.Symbol is null ? UpgradeStart(current, relative, branch) : Single(relative.StartSymbol);
            position = Step(start, relative.Steps, branch, clamp, relative.Text);
        }
        else
        {
            position = relative.Symbol is null
                ? throw RevisionErrors.UpgradeDownward(relative.Text)
                : Step(Single(relative.StartSymbol), relative.Steps, null, clamp, relative.Text);
        }

        return position == Base ? [] : [position];
    }

    /// <summary>
    /// Where <c>+N</c> starts: the one current revision (on the branch). When the branch has nothing
    /// current, the tips of what is applied on its line (back to a shared ancestor), else base.
    /// </summary>
    private int UpgradeStart(List<int> current, RelativeSymbol relative, int? branch)
    {
        if (current.Count == 0)
        {
            return Base;
        }

        List<int> starts = current;
        if (branch is int b)
        {
            bool[] lineage = graph.Lineage(b);
            starts = [.. current.Where(c => lineage[c])];
            if (starts.Count == 0)
            {
                bool[] applied = graph.Reach(current, graph.Lower);
                var onLine = Enumerable.Range(0, graph.Count).Where(i => applied[i] && lineage[i]).ToList();
                var below = onLine.SelectMany(i => graph.Lower[i]).ToHashSet();
                starts = [.. onLine.Where(i => !below.Contains(i))];
                if (starts.Count == 0)
                {
                    return Base;
                }
            }
        }

        return starts.Count == 1
            ? starts[0]
            : throw (branch is null
                ? RevisionErrors.SeveralCurrent(relative.Text, relative.Offset, graph.IdsOf(starts))
                : RevisionErrors.SeveralCurrentOnBranch(relative.Text, relative.Label!, graph.IdsOf(starts)));
    }

    /// <summary>
    /// Alembic's <c>_parse_downgrade_target</c>: the revision to go down to (<see cref="Base"/> for base)
    /// and the branch the downgrade is restricted to, if any.
    /// </summary>
    private (int? Branch, int Target) DowngradeTarget(List<int> current, string target)
    {
        if (!TryParseRelative(target, out RelativeSymbol relative))
        {
            int at = target.IndexOf('@');
            int? labelled = at >= 0 ? ResolveBranch(target[..at], target) : null;
            return (labelled, Single(target));
        }

        int? branch = relative.Label is null ? null : ResolveBranch(relative.Label, target);
        if (relative.Steps >= 0)
        {
            return relative.Symbol is null
                ? throw RevisionErrors.DowngradeUpward(target)
                : (branch, Step(Single(relative.StartSymbol), relative.Steps, branch, clamp: false, target));
        }

        if (relative.Symbol is not null)
        {
            return (branch, Step(Single(relative.StartSymbol), relative.Steps, null, clamp: false, target));
        }

        (int start, int line) = DowngradeStart(current, relative, branch);
        return (line, Step(start, relative.Steps, null, clamp: false, target));
    }

    /// <summary>
    /// Where <c>-N</c> starts, and the line the downgrade keeps to. Without a label, the first current revision
    /// (the version table's first row) and its line, as Alembic does (the command warns when there are several);
    /// with one, the current revision on that branch, or the tip of what is applied on it (a line only depended on).
    /// </summary>
    private (int Start, int Line) DowngradeStart(List<int> current, RelativeSymbol relative, int? branch)
    {
        if (branch is not int b)
        {
            return current.Count switch
            {
                0 => throw RevisionErrors.NothingApplied(relative.Text),
                // Alembic goes down from the first current revision (the version table's first row), on its line,
                // and warns; the caller says so.
                _ => (current[0], current[0]),
            };
        }

        bool[] lineage = graph.Lineage(b);
        List<int> onBranch = [.. current.Where(c => lineage[c])];
        if (onBranch.Count == 0)
        {
            bool[] applied = graph.Reach(current, graph.Lower);
            onBranch = [.. Enumerable.Range(0, graph.Count)
                .Where(i => applied[i] && lineage[i] && !graph.Children[i].Any(c => applied[c]))];
        }

        return onBranch.Count switch
        {
            0 => throw RevisionErrors.NothingOnBranch(relative.Text, relative.Label!),
            1 => (onBranch[0], b),
            _ => throw RevisionErrors.SeveralCurrentOnBranch(relative.Text, relative.Label!, graph.IdsOf(onBranch)),
        };
    }
}
