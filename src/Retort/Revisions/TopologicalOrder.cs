namespace Retort.Revisions;

/// <summary>
/// Orders a set of revisions newest first, as Alembic's <c>_topological_sort</c> does: walk down from
/// the heads (in file order), staying on the current line while possible; a revision waits until every
/// revision above it in the set is out, and then the walk switches to the first head (in list order)
/// that still has it below. Alembic keeps an ancestor set per head for that test; here a count of
/// pending revisions above each one answers "is it blocked" in O(1), and only a blocked revision pays
/// for a search upward, so a straight chain is linear.
/// </summary>
internal sealed class TopologicalOrder
{
    private readonly RevisionGraph graph;
    private readonly bool[] todo;
    private readonly bool[] emitted;
    private readonly bool[] inHeads;
    private readonly int[] pending;
    private readonly int[] mark;
    private readonly int[] skipped;
    private readonly List<int> heads = [];
    private readonly List<int> reached = [];
    private readonly Stack<(int Node, int Edge)> path = new();
    private int stamp;

    private TopologicalOrder(RevisionGraph graph, bool[] todo)
    {
        this.graph = graph;
        this.todo = todo;
        emitted = new bool[graph.Count];
        inHeads = new bool[graph.Count];
        pending = new int[graph.Count];
        mark = new int[graph.Count];
        skipped = new int[graph.Count];
    }

    /// <summary>The revisions marked in <paramref name="todo"/>, newest first, starting from <paramref name="startHeads"/>.</summary>
    public static List<int> Sort(RevisionGraph graph, bool[] todo, IEnumerable<int> startHeads) =>
        new TopologicalOrder(graph, todo).Run(startHeads);

    private List<int> Run(IEnumerable<int> startHeads)
    {
        int remaining = 0;
        for (int node = 0; node < graph.Count; node++)
        {
            if (todo[node])
            {
                remaining++;
                foreach (int below in graph.Lower[node])
                {
                    pending[below] += todo[below] ? 1 : 0;
                }
            }
        }

        foreach (int head in startHeads.Where(h => todo[h]).Distinct().Order())
        {
            AddHead(head);
        }

        var output = new List<int>(remaining);
        int current = 0;
        while (output.Count < remaining)
        {
            if (heads.Count == 0)
            {
                // Only reachable when the set has revisions below no start head; they start over as heads.
                AddTops(Enumerable.Range(0, graph.Count).Where(IsWaiting));
                current = 0;
                continue;
            }

            int candidate = heads[current];
            if (pending[candidate] > 0)
            {
                current = FirstHeadAbove(candidate, current);
                continue;
            }

            output.Add(candidate);
            emitted[candidate] = true;
            inHeads[candidate] = false;
            int added = 0;
            foreach (int below in graph.Lower[candidate])
            {
                if (!IsWaiting(below))
                {
                    continue;
                }

                pending[below]--;
                if (!inHeads[below])
                {
                    inHeads[below] = true;
                    if (added++ == 0)
                    {
                        heads[current] = below;
                    }
                    else
                    {
                        heads.Add(below);
                    }
                }
            }

            if (added == 0)
            {
                heads.RemoveAt(current);
                current = Math.Max(current - 1, 0);
            }
        }

        return output;
    }

    private bool IsWaiting(int node) => todo[node] && !emitted[node];

    private void AddHead(int node)
    {
        heads.Add(node);
        inHeads[node] = true;
    }

    /// <summary>The first head, other than <paramref name="current"/>, that has <paramref name="blocked"/> below it.</summary>
    private int FirstHeadAbove(int blocked, int current)
    {
        // No head can come before this one, so reaching it ends the search early; the search goes
        // depth first in file order, which is the order heads were mostly added in.
        int best = current == 0 ? 1 : 0;
        int bestHead = best < heads.Count ? heads[best] : -1;
        stamp++;
        reached.Clear();
        path.Clear();
        mark[blocked] = stamp;
        path.Push((blocked, FirstWaitingAbove(blocked)));
        while (path.Count > 0)
        {
            (int node, int edge) = path.Pop();
            int[] upper = graph.Upper[node];
            while (edge < upper.Length && (mark[upper[edge]] == stamp || !IsWaiting(upper[edge])))
            {
                edge++;
            }

            if (edge == upper.Length)
            {
                continue;
            }

            int above = upper[edge];
            if (above == bestHead)
            {
                return best;
            }

            path.Push((node, edge + 1));
            mark[above] = stamp;
            reached.Add(above);
            path.Push((above, FirstWaitingAbove(above)));
        }

        for (int i = 0; i < heads.Count; i++)
        {
            if (i != current && mark[heads[i]] == stamp)
            {
                return i;
            }
        }

        // Revisions above that no head leads to (possible only in history ranges that cross
        // dependencies): the topmost of them become heads.
        int first = heads.Count;
        reached.Sort();
        AddTops([.. reached]);
        return first;
    }

    /// <summary>
    /// Where the search above <paramref name="node"/> starts: revisions above it that are done (or not
    /// in the set) stay so, and are skipped for good.
    /// </summary>
    private int FirstWaitingAbove(int node)
    {
        int[] upper = graph.Upper[node];
        while (skipped[node] < upper.Length && !IsWaiting(upper[skipped[node]]))
        {
            skipped[node]++;
        }

        return skipped[node];
    }

    private void AddTops(IEnumerable<int> candidates)
    {
        foreach (int node in candidates.Where(n => pending[n] == 0 && !inHeads[n]).ToList())
        {
            AddHead(node);
        }
    }
}
