namespace Retort.Revisions;

/// <summary>
/// Symbols resolved to revision indexes as Alembic's <c>get_revisions</c> does, without the database's current
/// revisions: ids and their prefixes, branch labels, <c>head</c>, <c>heads</c>, <c>base</c>, and steps from them.
/// </summary>
internal sealed class SymbolResolver(RevisionGraph graph)
{
    private const int Base = RevisionGraph.Base;

    /// <summary>
    /// Alembic's <c>get_revisions</c> for one symbol, plus <c>REV±N</c>: it never consults the current
    /// revisions. With <paramref name="clamp"/>, relative steps stop at the ends instead of failing.
    /// </summary>
    public List<int> Lookup(string symbol, bool clamp)
    {
        int at = symbol.IndexOf('@');
        string? label = at >= 0 ? symbol[..at] : null;
        string name = at >= 0 ? symbol[(at + 1)..] : symbol;
        if (name.Length == 0 || label is "")
        {
            throw RevisionErrors.UnknownSymbol(symbol);
        }

        int? branch = label is null ? null : ResolveBranch(label, symbol);
        switch (name)
        {
            case "heads":
                return branch is int b ? graph.InLineage(graph.Heads, b) : [.. graph.RealHeads];
            case "head":
                return CurrentHead(label, branch);
            case "base":
                return [];
        }

        if (TryParseRelative(symbol, out RelativeSymbol relative))
        {
            return LookupRelative(relative, branch, clamp);
        }

        return [Identify(name, label, branch)];
    }

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
            // As an upgrade with nothing applied counts: up from base.
            int top = Step(Base, relative.Steps, branch, clamp, relative.Text);
            return top == Base ? [] : [top];
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
    /// Parses <c>[LABEL@][REV](+|-)N</c> unless the part after <c>@</c> is itself an id or label
    /// (a label may contain <c>-</c>; an exact name wins).
    /// </summary>
    public bool TryParseRelative(string symbol, out RelativeSymbol relative)
    {
        string name = symbol[(symbol.IndexOf('@') + 1)..];
        relative = default;
        return !graph.Ids.ContainsKey(name) && !graph.Labels.ContainsKey(name)
            && RelativeSymbol.TryParse(symbol, out relative);
    }

    /// <summary>An exact id or label; else a unique prefix (on the branch, when one is given).</summary>
    private int Identify(string name, string? label, int? branch)
    {
        if (graph.Ids.TryGetValue(name, out int index) || graph.Labels.TryGetValue(name, out index))
        {
            if (branch is int b && !graph.Lineage(b)[index])
            {
                throw RevisionErrors.NotOnBranch(graph.Id(index), label!);
            }

            return index;
        }

        // The last revision a squash replaced is the squash; one in its middle is no revision any more.
        if (graph.Squashes.SquashOf(name) is { } squash)
        {
            return graph.Squashes.StandsForSquash(name) ? squash : throw graph.Squashes.ReplacedTarget(name);
        }

        List<(string Name, int Index)> matches = graph.MatchPrefix(name);
        if (branch is int onBranch && matches.Count > 0)
        {
            bool[] lineage = graph.Lineage(onBranch);
            var members = matches.Where(m => lineage[m.Index]).ToList();
            if (members.Count == 0)
            {
                throw matches.Count == 1
                    ? RevisionErrors.NotOnBranch(graph.Id(matches[0].Index), label!)
                    : RevisionErrors.PrefixNotOnBranch(name, label!, matches.Select(m => m.Name));
            }

            matches = members;
        }

        return matches.Count switch
        {
            0 => throw RevisionErrors.UnknownSymbol(name),
            1 => matches[0].Index,
            _ => throw RevisionErrors.AmbiguousPrefix(name, matches.Select(m => m.Name)),
        };
    }

    /// <summary>The revision a branch label (or a revision named as a branch, by id or prefix) stands for.</summary>
    public int ResolveBranch(string label, string symbol)
    {
        if (graph.Ids.TryGetValue(label, out int index) || graph.Labels.TryGetValue(label, out index))
        {
            return index;
        }

        List<(string Name, int Index)> matches = label.Length == 0 ? [] : graph.MatchPrefix(label);
        return matches.Count switch
        {
            0 => throw RevisionErrors.UnknownBranch(label, symbol),
            1 => matches[0].Index,
            _ => throw RevisionErrors.AmbiguousPrefix(label, matches.Select(m => m.Name)),
        };
    }

    /// <summary>
    /// <c>head</c> or <c>LABEL@head</c>: the one head (effective heads count, as in Alembic) on the line.
    /// </summary>
    private List<int> CurrentHead(string? label, int? branch)
    {
        List<int> heads = branch is int b ? graph.InLineage(graph.Heads, b) : [.. graph.Heads];
        if (heads.Count > 1)
        {
            throw label is null
                ? RevisionErrors.MultipleHeads(graph.IdsOf(heads))
                : RevisionErrors.MultipleBranchHeads(label, graph.IdsOf(heads));
        }

        return heads;
    }

    /// <summary>A symbol that must name at most one revision; <see cref="Base"/> when it names none.</summary>
    public int Single(string symbol)
    {
        List<int> found = Lookup(symbol, clamp: false);
        return found.Count switch
        {
            0 => Base,
            1 => found[0],
            _ => throw RevisionErrors.SeveralRevisions(symbol, graph.IdsOf(found)),
        };
    }

    /// <summary>The current revisions (normally exact ids from the version table), without repeats.</summary>
    public List<int> ResolveCurrent(IEnumerable<string> current)
    {
        var resolved = new List<int>();
        foreach (string symbol in current)
        {
            foreach (int index in Lookup(symbol, clamp: false))
            {
                if (!resolved.Contains(index))
                {
                    resolved.Add(index);
                }
            }
        }

        return resolved;
    }

    /// <summary>
    /// Walks <paramref name="steps"/> up (along children, filtered to the branch's line) or down (along
    /// parents) from <paramref name="start"/>; <see cref="Base"/> is one step below every base. Past an
    /// end it stops with <paramref name="clamp"/>, else fails; a fork on the way is an error.
    /// </summary>
    public int Step(int start, int steps, int? branch, bool clamp, string symbol)
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
}
