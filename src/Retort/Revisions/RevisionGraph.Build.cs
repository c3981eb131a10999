using System.Collections.Frozen;

namespace Retort.Revisions;

internal sealed partial class RevisionGraph
{
    private static readonly char[] IllegalIdCharacters = ['@', '-', '+', ':'];
    private static readonly char[] IllegalLabelCharacters = ['@', ':'];

    /// <summary>Words that name positions in the graph, so no revision or label may take them.</summary>
    public static readonly FrozenSet<string> Symbols = FrozenSet.ToFrozenSet(["head", "heads", "base", "current"], StringComparer.Ordinal);

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

    private static void ValidateId(RevisionHeader header)
    {
        if (string.IsNullOrWhiteSpace(header.Id))
        {
            throw RevisionErrors.EmptyId(header);
        }

        char[] illegal = [.. IllegalIdCharacters.Where(header.Id.Contains)];
        if (illegal.Length > 0)
        {
            throw RevisionErrors.IllegalIdCharacters(header, illegal);
        }

        if (Symbols.Contains(header.Id))
        {
            throw RevisionErrors.ReservedId(header);
        }
    }

    private static int[][] ResolveParents(RevisionHeader[] list, Dictionary<string, int> ids)
    {
        var parents = new int[list.Length][];
        for (int i = 0; i < list.Length; i++)
        {
            RevisionHeader header = list[i];
            int[] resolved = header.DownRevisions.Count == 0 ? [] : new int[header.DownRevisions.Count];
            for (int p = 0; p < resolved.Length; p++)
            {
                string parent = header.DownRevisions[p];
                if (!ids.TryGetValue(parent, out resolved[p]))
                {
                    throw RevisionErrors.MissingParent(header, parent);
                }

                if (Array.IndexOf(resolved, resolved[p], 0, p) >= 0)
                {
                    throw RevisionErrors.RepeatedParent(header, parent);
                }
            }

            parents[i] = resolved;
        }

        return parents;
    }

    private static Dictionary<string, int> CollectLabels(RevisionHeader[] list, Dictionary<string, int> ids)
    {
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            RevisionHeader header = list[i];
            foreach (string label in header.BranchLabels.Distinct())
            {
                if (string.IsNullOrWhiteSpace(label))
                {
                    throw RevisionErrors.EmptyLabel(header);
                }

                int illegal = label.IndexOfAny(IllegalLabelCharacters);
                if (illegal >= 0)
                {
                    throw RevisionErrors.IllegalLabel(header, label, label[illegal]);
                }

                if (Symbols.Contains(label))
                {
                    throw RevisionErrors.ReservedLabel(header, label);
                }

                if (ids.ContainsKey(label))
                {
                    throw RevisionErrors.LabelIsId(header, label);
                }

                if (!labels.TryAdd(label, i))
                {
                    throw RevisionErrors.DuplicateLabel(label, list[labels[label]], header);
                }
            }
        }

        return labels;
    }

    /// <summary>
    /// Resolves <c>DependsOn</c> entries: an exact id or branch label, else a unique partial id
    /// (matched as symbols are, see <see cref="MatchPrefix"/>).
    /// </summary>
    private static int[][] ResolveDependencies(
        RevisionHeader[] list, Dictionary<string, int> ids, Dictionary<string, int> labels)
    {
        string[]? names = null;
        var dependencies = new int[list.Length][];
        for (int i = 0; i < list.Length; i++)
        {
            RevisionHeader header = list[i];
            if (header.DependsOn.Count == 0)
            {
                dependencies[i] = [];
                continue;
            }

            var resolved = new List<int>(header.DependsOn.Count);
            foreach (string dependency in header.DependsOn)
            {
                if (!ids.TryGetValue(dependency, out int index) && !labels.TryGetValue(dependency, out index))
                {
                    names ??= [.. ids.Keys.Concat(labels.Keys).Where(n => n.Length > 3).Order(StringComparer.Ordinal)];
                    index = ResolvePartialDependency(header, dependency, ids, labels, names);
                }

                if (!resolved.Contains(index))
                {
                    resolved.Add(index);
                }
            }

            dependencies[i] = [.. resolved];
        }

        return dependencies;
    }

    private static int ResolvePartialDependency(
        RevisionHeader header, string dependency,
        Dictionary<string, int> ids, Dictionary<string, int> labels, string[] names)
    {
        List<string> matches = dependency.Length == 0
            ? []
            : [.. names.Where(n => n.StartsWith(dependency, StringComparison.Ordinal))
                .DistinctBy(n => ids.TryGetValue(n, out int id) ? id : labels[n])];
        return matches.Count switch
        {
            0 => throw RevisionErrors.MissingDependency(header, dependency),
            1 => ids.TryGetValue(matches[0], out int id) ? id : labels[matches[0]],
            _ => throw RevisionErrors.AmbiguousDependency(header, dependency, matches),
        };
    }

    /// <summary>
    /// Drops each dependency that a versioned ancestor already declares, as Alembic's
    /// <c>_normalize_depends_on</c> does; dependencies on ancestors themselves stay.
    /// </summary>
    private static int[][] Normalize(int[][] parents, int[][] dependencies)
    {
        var normalized = new int[parents.Length][];
        var stack = new Stack<int>();
        for (int i = 0; i < parents.Length; i++)
        {
            if (dependencies[i].Length == 0)
            {
                normalized[i] = [];
                continue;
            }

            var pending = new HashSet<int>(dependencies[i]);
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
