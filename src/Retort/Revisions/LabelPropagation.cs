namespace Retort.Revisions;

/// <summary>Which branch labels each revision carries, from those the revisions declare.</summary>
internal static class LabelPropagation
{
    /// <summary>
    /// Spreads branch labels as Alembic's <c>_add_branches</c> does. A labelled revision passes its labels
    /// to all its versioned descendants. Alembic then walks down from the last descendant its search
    /// reached, labelling until a branch point (counting dependents) or merge point; that walk gets past
    /// the labelled revision, to its ancestors, only when the line from it to its tip neither branches
    /// nor merges, and that is the rule applied here (without depending on set order). Labelled
    /// revisions are processed in file order, each passing on all the labels it carries by then.
    /// </summary>
    public static string[][] Propagate(RevisionGraph graph)
    {
        var labels = new List<string>?[graph.Count];
        foreach ((string label, int owner) in graph.Labels.OrderBy(l => l.Value))
        {
            Add(labels, owner, [label]);
        }

        for (int r = 0; r < graph.Count; r++)
        {
            if (graph.Nodes[r].Header.BranchLabels.Count == 0)
            {
                continue;
            }

            string[] carried = [.. labels[r]!];
            bool[] descendants = graph.Reach([r], graph.Children);
            for (int i = 0; i < graph.Count; i++)
            {
                if (descendants[i])
                {
                    Add(labels, i, carried);
                }
            }

            if (!LineAboveIsPlain(graph, r))
            {
                continue;
            }

            int below = graph.Parents[r].Length == 1 ? graph.Parents[r][0] : RevisionGraph.Base;
            while (below != RevisionGraph.Base && graph.AllNext[below].Length <= 1 && graph.Parents[below].Length <= 1)
            {
                Add(labels, below, carried);
                below = graph.Parents[below].Length == 1 ? graph.Parents[below][0] : RevisionGraph.Base;
            }
        }

        return [.. labels.Select(l => l?.ToArray() ?? [])];
    }

    /// <summary>From <paramref name="revision"/> up to its tip: no branch point (dependents counted) and no merge point.</summary>
    private static bool LineAboveIsPlain(RevisionGraph graph, int revision)
    {
        for (int node = revision; ; node = graph.Children[node][0])
        {
            if (graph.AllNext[node].Length > 1 || graph.Parents[node].Length > 1)
            {
                return false;
            }

            if (graph.Children[node].Length == 0)
            {
                return true;
            }
        }
    }

    private static void Add(List<string>?[] labels, int node, IEnumerable<string> added)
    {
        List<string> list = labels[node] ??= [];
        foreach (string label in added)
        {
            if (!list.Contains(label))
            {
                list.Add(label);
            }
        }
    }
}
