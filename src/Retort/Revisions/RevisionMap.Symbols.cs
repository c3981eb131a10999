namespace Retort.Revisions;

public sealed partial class RevisionMap
{
    /// <summary>
    /// Resolves a symbol to revisions: <c>head</c>, <c>heads</c>, <c>base</c> (empty), a full id, a
    /// unique partial id, a branch label, <c>LABEL@head</c>, <c>LABEL@heads</c>, <c>LABEL@base</c>,
    /// <c>LABEL@REV</c>, <c>REV+N</c>, <c>REV-N</c>, <c>LABEL@+N</c>, <c>LABEL@-N</c>; and, given the
    /// database's current heads, <c>current</c>, <c>+N</c> and <c>-N</c>. Without current heads,
    /// <c>+N</c> counts up from base and <c>-N</c> counts down from each head, as in history ranges.
    /// </summary>
    /// <example><c>map.Resolve("ae10")</c>, <c>map.Resolve("mylib@head")</c>, <c>map.Resolve("-1", currentHeads)</c>.</example>
    public IReadOnlyList<Revision> Resolve(string symbol, IReadOnlyCollection<string>? current = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Revisions(ResolveIndexes(symbol, current));
    }

    /// <summary>
    /// Resolves a symbol that must name at most one revision (as <see cref="Resolve"/>); null for base.
    /// Throws <see cref="RetortException"/> when it names several.
    /// </summary>
    public Revision? ResolveOne(string symbol, IReadOnlyCollection<string>? current = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        List<int> found = ResolveIndexes(symbol, current);
        return found.Count switch
        {
            0 => null,
            1 => graph.Nodes[found[0]],
            _ => throw RevisionErrors.SeveralRevisions(symbol, graph.IdsOf(found)),
        };
    }

    /// <summary>
    /// Resolves several symbols (for a merge or a stamp); throws <see cref="RetortException"/> when a
    /// revision is named twice or when one is an ancestor of another.
    /// </summary>
    public IReadOnlyList<Revision> ResolveDistinct(IEnumerable<string> symbols, IReadOnlyCollection<string>? current = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var found = new List<int>();
        foreach (int index in symbols.SelectMany(s => ResolveIndexes(s, current)))
        {
            if (found.Contains(index))
            {
                throw RevisionErrors.RepeatedRevision(graph.Id(index));
            }

            found.Add(index);
        }

        AncestorsChecked(found, "Requested");
        return Revisions(found);
    }

    private List<int> ResolveIndexes(string symbol, IReadOnlyCollection<string>? current)
    {
        if (symbol == "current")
        {
            return ResolveCurrent(current ?? throw RevisionErrors.CurrentNeeded(symbol));
        }

        if (TryParseRelative(symbol, out RelativeSymbol relative) && relative.Symbol is null)
        {
            if (relative.Steps > 0)
            {
                return UpgradeTargets(ResolveCurrent(current ?? []), relative, clamp: false);
            }

            if (current is not null)
            {
                int target = DowngradeTarget(ResolveCurrent(current), symbol).Target;
                return target == Base ? [] : [target];
            }
        }

        return Lookup(symbol, clamp: false);
    }

    /// <summary>
    /// Alembic's <c>get_revisions</c> for one symbol, plus <c>REV±N</c>: it never consults the current
    /// revisions. With <paramref name="clamp"/>, relative steps stop at the ends instead of failing.
    /// </summary>
    private List<int> Lookup(string symbol, bool clamp)
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
    /// Parses <c>[LABEL@][REV](+|-)N</c> unless the part after <c>@</c> is itself an id or label
    /// (a label may contain <c>-</c>; an exact name wins).
    /// </summary>
    private bool TryParseRelative(string symbol, out RelativeSymbol relative)
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
    private int ResolveBranch(string label, string symbol)
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
    private int Single(string symbol)
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
    private List<int> ResolveCurrent(IEnumerable<string> current)
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
}
