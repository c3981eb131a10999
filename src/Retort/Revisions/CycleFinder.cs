namespace Retort.Revisions;

/// <summary>The cycle a revision graph must not have, named revision by revision for the error.</summary>
internal static class CycleFinder
{
    /// <summary>
    /// Finds a cycle through <c>Revises</c> and <c>DependsOn</c> edges (self-loops included) with an
    /// iterative depth-first search, and names every revision in it in upgrade order.
    /// </summary>
    public static void DetectCycles(RevisionHeader[] list, int[][] parents, int[][] dependencies)
    {
        const byte Unvisited = 0, OnPath = 1, Finished = 2;
        var state = new byte[list.Length];
        var path = new List<(int Node, int NextEdge)>();
        for (int root = 0; root < list.Length; root++)
        {
            if (state[root] != Unvisited)
            {
                continue;
            }

            state[root] = OnPath;
            path.Add((root, 0));
            while (path.Count > 0)
            {
                (int node, int edge) = path[^1];
                int[] own = parents[node];
                if (edge == own.Length + dependencies[node].Length)
                {
                    state[node] = Finished;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                path[^1] = (node, edge + 1);
                int next = edge < own.Length ? own[edge] : dependencies[node][edge - own.Length];
                if (state[next] == OnPath)
                {
                    throw RevisionErrors.Cycle(DescribeCycle(list, parents, path, next));
                }

                if (state[next] == Unvisited)
                {
                    state[next] = OnPath;
                    path.Add((next, 0));
                }
            }
        }
    }

    /// <summary>
    /// The search walks from a revision to what it builds on, so the path read backwards from the
    /// closing revision is the upgrade order; it is rotated to start at the earliest file.
    /// </summary>
    private static string DescribeCycle(
        RevisionHeader[] list, int[][] parents, List<(int Node, int NextEdge)> path, int closing)
    {
        int start = path.FindLastIndex(p => p.Node == closing);
        var cycle = new List<int> { closing };
        for (int i = path.Count - 1; i > start; i--)
        {
            cycle.Add(path[i].Node);
        }

        int first = cycle.IndexOf(cycle.Min());
        cycle = [.. cycle.Skip(first), .. cycle.Take(first)];

        var dependencyEdges = new List<string>();
        for (int i = 0; i < cycle.Count; i++)
        {
            int lower = cycle[i], upper = cycle[(i + 1) % cycle.Count];
            if (!parents[upper].Contains(lower))
            {
                dependencyEdges.Add($"'{list[upper].Id}' depends on '{list[lower].Id}'");
            }
        }

        string text = string.Join(" -> ", cycle.Append(cycle[0]).Select(i => list[i].Id));
        return dependencyEdges.Count == 0 ? text : $"{text} ({string.Join(", ", dependencyEdges)})";
    }
}
