namespace Retort.Revisions;

internal sealed partial class RevisionGraph
{
    /// <summary>
    /// Spreads branch labels as Alembic's <c>_add_branches</c> does. A labelled revision passes its labels
    /// to all its versioned descendants. Alembic then walks down from the last descendant its search
    /// reached, labelling until a branch point (counting dependents) or merge point; that walk gets past
    /// the labelled revision, to its ancestors, only when the line from it to its tip neither branches
    /// nor merges, and that is the rule applied here (without depending on set order). Labelled
    /// revisions are processed in file order, each passing on all the labels it carries by then.
    /// </summary>
    private string[][] PropagateLabels()
    {
        var labels = new List<string>?[Count];
        foreach ((string label, int owner) in Labels.OrderBy(l => l.Value))
        {
            Add(labels, owner, [label]);
        }

        for (int r = 0; r < Count; r++)
        {
            if (Nodes[r].Header.BranchLabels.Count == 0)
            {
                continue;
            }

            string[] carried = [.. labels[r]!];
            bool[] descendants = Reach([r], Children);
            for (int i = 0; i < Count; i++)
            {
                if (descendants[i])
                {
                    Add(labels, i, carried);
                }
            }

            if (!LineAboveIsPlain(r))
            {
                continue;
            }

            int below = Parents[r].Length == 1 ? Parents[r][0] : Base;
            while (below != Base && AllNext[below].Length <= 1 && Parents[below].Length <= 1)
            {
                Add(labels, below, carried);
                below = Parents[below].Length == 1 ? Parents[below][0] : Base;
            }
        }

        return [.. labels.Select(l => l?.ToArray() ?? [])];
    }

    /// <summary>From <paramref name="revision"/> up to its tip: no branch point (dependents counted) and no merge point.</summary>
    private bool LineAboveIsPlain(int revision)
    {
        for (int node = revision; ; node = Children[node][0])
        {
            if (AllNext[node].Length > 1 || Parents[node].Length > 1)
            {
                return false;
            }

            if (Children[node].Length == 0)
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
