namespace Retort.Revisions;

/// <summary>The edge lists a <see cref="RevisionGraph"/> derives from what the headers declare.</summary>
internal static class RevisionEdges
{
    /// <summary>
    /// Drops each dependency that a versioned ancestor already declares, as Alembic's
    /// <c>_normalize_depends_on</c> does; dependencies on ancestors themselves stay.
    /// </summary>
    public static int[][] Normalize(int[][] parents, int[][] dependencies)
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
    public static int[][] Join(int[][] first, int[][] second)
    {
        var joined = new int[first.Length][];
        for (int i = 0; i < first.Length; i++)
        {
            joined[i] = second[i].Length == 0 ? first[i] : [.. first[i].Union(second[i])];
        }

        return joined;
    }

    /// <summary>Reverses edges; each reversed list is in file order because sources are visited in order.</summary>
    public static int[][] Reverse(int[][] edges)
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
}
