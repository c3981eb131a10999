namespace Retort.Revisions;

internal sealed partial class RevisionGraph
{
    /// <summary>Validates the headers and builds the graph, or throws the first problem found.</summary>
    public static RevisionGraph Build(IEnumerable<RevisionHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        RevisionHeader[] list = [.. headers];
        var nodes = new Revision[list.Length];
        var ids = new Dictionary<string, int>(list.Length, StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            RevisionHeader header = list[i] ?? throw new ArgumentException("A revision header is null.", nameof(headers));
            ValidateId(header);
            if (!ids.TryAdd(header.Id, i))
            {
                throw RevisionErrors.DuplicateId(list[ids[header.Id]], header);
            }

            nodes[i] = new Revision(header, i);
        }

        int[][] parents = ResolveParents(list, ids);
        Dictionary<string, int> labels = CollectLabels(list, ids);
        int[][] dependencies = ResolveDependencies(list, ids, labels);
        DetectCycles(list, parents, dependencies);

        int[][] children = Reverse(parents);
        int[][] allNext = Reverse(Join(parents, dependencies));
        int[][] normalized = Normalize(parents, dependencies);
        int[][] lower = Join(parents, normalized);
        var graph = new RevisionGraph(nodes, parents, children, lower, Reverse(lower), allNext, ids, labels);
        graph.Describe(normalized);
        return graph;
    }

    /// <summary>
    /// Drops each dependency that a versioned ancestor already declares, as Alembic's
    /// <c>_normalize_depends_on</c> does; dependencies on ancestors themselves stay.
    /// </summary>
    private static int[][] Normalize(int[][] parents, int[][] dependencies)
    {
        // Only a dependency that more than one revision declares can be declared by an ancestor too.
        var declarers = new int[parents.Length];
        foreach (int[] declared in dependencies)
        {
            foreach (int dependency in declared)
            {
                declarers[dependency]++;
            }
        }

        var normalized = new int[parents.Length][];
        var stack = new Stack<int>();
        for (int i = 0; i < parents.Length; i++)
        {
            if (!dependencies[i].Any(d => declarers[d] > 1))
            {
                normalized[i] = dependencies[i];
                continue;
            }

            var pending = new HashSet<int>(dependencies[i].Where(d => declarers[d] > 1));
            var implied = new HashSet<int>();
            var seen = new HashSet<int>();
            stack.Clear();
            foreach (int parent in parents[i])
            {
                stack.Push(parent);
            }

            while (stack.Count > 0 && pending.Count > 0)
            {
                int ancestor = stack.Pop();
                if (!seen.Add(ancestor))
                {
                    continue;
                }

                foreach (int dependency in dependencies[ancestor])
                {
                    if (pending.Remove(dependency))
                    {
                        implied.Add(dependency);
                    }
                }

                foreach (int parent in parents[ancestor])
                {
                    stack.Push(parent);
                }
            }

            normalized[i] = [.. dependencies[i].Where(d => !implied.Contains(d))];
        }

        return normalized;
    }

    /// <summary>Each list followed by the other's entries it lacks; shares the first list when the second is empty.</summary>
    private static int[][] Join(int[][] first, int[][] second)
    {
        var joined = new int[first.Length][];
        for (int i = 0; i < first.Length; i++)
        {
            joined[i] = second[i].Length == 0 ? first[i] : [.. first[i].Union(second[i])];
        }

        return joined;
    }

    /// <summary>Reverses edges; each reversed list is in file order because sources are visited in order.</summary>
    private static int[][] Reverse(int[][] edges)
    {
        var counts = new int[edges.Length];
        foreach (int[] targets in edges)
        {
            foreach (int target in targets)
            {
                counts[target]++;
            }
        }

        var reversed = new int[edges.Length][];
        for (int i = 0; i < edges.Length; i++)
        {
            reversed[i] = counts[i] == 0 ? [] : new int[counts[i]];
            counts[i] = 0;
        }

        for (int i = 0; i < edges.Length; i++)
        {
            foreach (int target in edges[i])
            {
                reversed[target][counts[target]++] = i;
            }
        }

        return reversed;
    }

    /// <summary>Fills in what the graph says of each revision.</summary>
    private void Describe(int[][] normalized)
    {
        string[][] labels = PropagateLabels();
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
