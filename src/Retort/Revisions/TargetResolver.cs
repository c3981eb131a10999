namespace Retort.Revisions;

/// <summary>
/// Where an upgrade or a downgrade aims, and what a symbol names given the database's current revisions:
/// <c>current</c>, <c>+N</c> and <c>-N</c> (on a branch or not) count from them.
/// </summary>
internal sealed class TargetResolver(RevisionGraph graph, SymbolResolver symbols)
{
    private const int Base = RevisionGraph.Base;

    /// <summary>A symbol as <see cref="RevisionMap.Resolve"/> takes it, given the database's current revisions or not.</summary>
    public List<int> Resolve(string symbol, IReadOnlyCollection<string>? current)
    {
        if (symbol == "current")
        {
            return symbols.ResolveCurrent(current ?? throw RevisionErrors.CurrentNeeded(symbol));
        }

        if (symbols.TryParseRelative(symbol, out RelativeSymbol relative) && relative.Symbol is null)
        {
            if (relative.Steps > 0)
            {
                return UpgradeTargets(symbols.ResolveCurrent(current ?? []), relative, clamp: false);
            }

            if (current is not null)
            {
                int target = DowngradeTarget(symbols.ResolveCurrent(current), symbol).Target;
                return target == Base ? [] : [target];
            }
        }

        return symbols.Lookup(symbol, clamp: false);
    }

    /// <summary>Alembic's <c>_parse_upgrade_target</c>: what an upgrade (or a history range's upper end) aims at.</summary>
    public List<int> UpgradeTargets(List<int> current, string target, bool clamp) =>
        symbols.TryParseRelative(target, out RelativeSymbol relative)
            ? UpgradeTargets(current, relative, clamp)
            : symbols.Lookup(target, clamp);

    private List<int> UpgradeTargets(List<int> current, RelativeSymbol relative, bool clamp)
    {
        int? branch = relative.Label is null ? null : symbols.ResolveBranch(relative.Label, relative.Text);
        int position;
        if (relative.Steps > 0)
        {
            int start = relative.Symbol is null ? UpgradeStart(current, relative, branch) : symbols.Single(relative.StartSymbol);
            position = symbols.Step(start, relative.Steps, branch, clamp, relative.Text);
        }
        else
        {
            position = relative.Symbol is null
                ? throw RevisionErrors.UpgradeDownward(relative.Text)
                : symbols.Step(symbols.Single(relative.StartSymbol), relative.Steps, null, clamp, relative.Text);
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
    public (int? Branch, int Target) DowngradeTarget(List<int> current, string target)
    {
        if (!symbols.TryParseRelative(target, out RelativeSymbol relative))
        {
            int at = target.IndexOf('@');
            int? labelled = at >= 0 ? symbols.ResolveBranch(target[..at], target) : null;
            return (labelled, symbols.Single(target));
        }

        int? branch = relative.Label is null ? null : symbols.ResolveBranch(relative.Label, target);
        if (relative.Steps >= 0)
        {
            return relative.Symbol is null
                ? throw RevisionErrors.DowngradeUpward(target)
                : (branch, symbols.Step(symbols.Single(relative.StartSymbol), relative.Steps, branch, clamp: false, target));
        }

        if (relative.Symbol is not null)
        {
            return (branch, symbols.Step(symbols.Single(relative.StartSymbol), relative.Steps, null, clamp: false, target));
        }

        (int start, int line) = DowngradeStart(current, relative, branch);
        return (line, symbols.Step(start, relative.Steps, null, clamp: false, target));
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
