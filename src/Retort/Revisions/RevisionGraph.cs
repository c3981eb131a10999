namespace Retort.Revisions;

/// <summary>
/// The revision graph as index-based adjacency lists (index = file order), with the traversals the map
/// is built from. Every traversal uses an explicit stack, so 5000-deep chains cannot overflow.
/// </summary>
internal sealed class RevisionGraph
{
    /// <summary>The position "below every base" in walks and targets.</summary>
    public const int Base = -1;

    private readonly Lazy<string[]> names;

    private RevisionGraph(
        Revision[] nodes, int[][] parents, int[][] children, int[][] lower, int[][] upper, int[][] allNext,
        Dictionary<string, int> ids, Dictionary<string, int> labels, SquashedRevisions squashes)
    {
        Squashes = squashes;
        Nodes = nodes;
        Parents = parents;
        Children = children;
        Lower = lower;
        Upper = upper;
        AllNext = allNext;
        Ids = ids;
        Labels = labels;
        names = new Lazy<string[]>(() => [.. ids.Keys.Concat(labels.Keys).Order(StringComparer.Ordinal)]);
        Heads = [.. Enumerable.Range(0, nodes.Length).Where(i => children[i].Length == 0)];
        RealHeads = [.. Enumerable.Range(0, nodes.Length).Where(i => allNext[i].Length == 0)];
        Bases = [.. Enumerable.Range(0, nodes.Length).Where(i => parents[i].Length == 0)];
    }

    /// <summary>Validates the headers and builds the graph, or throws the first problem found.</summary>
    public static RevisionGraph Build(IEnumerable<RevisionHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        RevisionHeader[] list = [.. headers];
        var squashes = SquashedRevisions.Of(list);
        if (squashes != SquashedRevisions.None)
            list = [.. list.Select(squashes.Rewire)];
        var nodes = new Revision[list.Length];
        var ids = new Dictionary<string, int>(list.Length, StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            RevisionHeader header = list[i] ?? throw new ArgumentException("A revision header is null.", nameof(headers));
            RevisionReferences.ValidateId(header);
            if (!ids.TryAdd(header.Id, i))
            {
                throw RevisionErrors.DuplicateId(list[ids[header.Id]], header);
            }

            nodes[i] = new Revision(header, i);
        }

        int[][] parents = RevisionReferences.ResolveParents(list, ids);
        Dictionary<string, int> labels = RevisionReferences.CollectLabels(list, ids);
        int[][] dependencies = RevisionReferences.ResolveDependencies(list, ids, labels);
        CycleFinder.DetectCycles(list, parents, dependencies);

        int[][] children = RevisionEdges.Reverse(parents);
        int[][] allNext = RevisionEdges.Reverse(RevisionEdges.Join(parents, dependencies));
        int[][] normalized = RevisionEdges.Normalize(parents, dependencies);
        int[][] lower = RevisionEdges.Join(parents, normalized);
        var graph = new RevisionGraph(nodes, parents, children, lower, RevisionEdges.Reverse(lower), allNext, ids, labels, squashes);
        graph.Describe(normalized);
        return graph;
    }

    public Revision[] Nodes { get; }

    public int Count => Nodes.Length;

    /// <summary>Versioned parents (<c>Revises</c>), as declared.</summary>
    public int[][] Parents { get; }

    /// <summary>Versioned children, in file order.</summary>
    public int[][] Children { get; }

    /// <summary>Parents then normalised dependencies: Alembic's "normalized down revisions".</summary>
    public int[][] Lower { get; }

    /// <summary>The reverse of <see cref="Lower"/>, in file order.</summary>
    public int[][] Upper { get; }

    /// <summary>Revisions naming this one in <c>Revises</c> or <c>DependsOn</c>, before normalisation.</summary>
    public int[][] AllNext { get; }

    public Dictionary<string, int> Ids { get; }

    /// <summary>The revisions squashes replaced, and what their ids stand for now.</summary>
    public SquashedRevisions Squashes { get; }

    /// <summary>Each declared branch label and the revision that declares it.</summary>
    public Dictionary<string, int> Labels { get; }

    /// <summary>Ids and labels, ordinal-sorted, for prefix matching (sorted on first use).</summary>
    public string[] Names => names.Value;

    public int[] Heads { get; }

    public int[] RealHeads { get; }

    public int[] Bases { get; }

    public string Id(int index) => index == Base ? "base" : Nodes[index].Id;

    public IEnumerable<string> IdsOf(IEnumerable<int> indexes) => indexes.Select(Id);

    /// <summary>Everything reachable from <paramref name="starts"/> (included) along <paramref name="edges"/>.</summary>
    public bool[] Reach(IEnumerable<int> starts, int[][] edges)
    {
        var seen = new bool[Count];
        var stack = new Stack<int>();
        foreach (int start in starts)
        {
            if (!seen[start])
            {
                seen[start] = true;
                stack.Push(start);
            }
        }

        while (stack.Count > 0)
        {
            foreach (int next in edges[stack.Pop()])
            {
                if (!seen[next])
                {
                    seen[next] = true;
                    stack.Push(next);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// Revisions on the same line as <paramref name="branch"/>: its versioned ancestors and descendants
    /// (Alembic's "shares lineage").
    /// </summary>
    public bool[] Lineage(int branch)
    {
        bool[] lineage = Reach([branch], Parents);
        bool[] above = Reach([branch], Children);
        for (int i = 0; i < lineage.Length; i++)
        {
            lineage[i] |= above[i];
        }

        return lineage;
    }

    public List<int> InLineage(IEnumerable<int> revisions, int branch)
    {
        bool[] lineage = Lineage(branch);
        return [.. revisions.Where(r => lineage[r])];
    }

    /// <summary>
    /// Ids and labels of at least four characters that start with <paramref name="prefix"/> (Alembic's
    /// rule: shorter names match only exactly), one per revision, in file order.
    /// </summary>
    public List<(string Name, int Index)> MatchPrefix(string prefix)
    {
        int start = Array.BinarySearch(Names, prefix, StringComparer.Ordinal);
        if (start < 0)
        {
            start = ~start;
        }

        var matches = new List<(string Name, int Index)>();
        var found = new HashSet<int>();
        for (int i = start; i < Names.Length && Names[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            string name = Names[i];
            if (name.Length > 3)
            {
                int index = Ids.TryGetValue(name, out int id) ? id : Labels[name];
                if (found.Add(index))
                {
                    matches.Add((name, index));
                }
            }
        }

        matches.Sort((a, b) => a.Index.CompareTo(b.Index));
        return matches;
    }

    /// <summary>Fills in what the graph says of each revision.</summary>
    private void Describe(int[][] normalized)
    {
        string[][] labels = LabelPropagation.Propagate(this);
        foreach (Revision revision in Nodes)
        {
            int i = revision.Index;
            revision.Dependencies = IdArray(normalized[i]);
            revision.NextRevisions = IdArray(Children[i]);
            revision.AllNextRevisions = IdArray(AllNext[i]);
            revision.BranchLabels = labels[i];
        }
    }

    private string[] IdArray(int[] indexes)
    {
        if (indexes.Length == 0)
        {
            return [];
        }

        var ids = new string[indexes.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = Nodes[indexes[i]].Id;
        }

        return ids;
    }
}
