namespace Retort.Revisions;

/// <summary>
/// Draws a revision listing as a graph in the manner of <c>git log --graph</c>: one lane per line of
/// descent, <c>*</c> for a revision, <c>|\</c> where a merge's parents part, <c>|/</c> where branches
/// meet at their branch point.
/// </summary>
public static class HistoryGraph
{
    /// <summary>
    /// The lines of the graph for <paramref name="revisions"/> (newest first, parents after children), each
    /// revision's line ending with <paramref name="describe"/>'s text.
    /// </summary>
    public static IReadOnlyList<string> Draw(IReadOnlyList<Revision> revisions, Func<Revision, string> describe)
    {
        var listed = revisions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var lanes = new List<string>();
        var lines = new List<string>();
        foreach (var revision in revisions)
        {
            var column = lanes.IndexOf(revision.Id);
            if (column < 0)
            {
                lanes.Add(revision.Id);
                column = lanes.Count - 1;
            }
            else if (lanes.LastIndexOf(revision.Id) != column)
                lines.Add(Join(lanes, revision.Id, column));

            var row = new char[lanes.Count * 2 - 1];
            Array.Fill(row, ' ');
            for (var i = 0; i < lanes.Count; i++)
                row[i * 2] = i == column ? '*' : '|';
            lines.Add(new string(row) + "  " + describe(revision));

            var parents = revision.DownRevisions.Where(listed.Contains).ToList();
            if (parents.Count == 0)
            {
                lanes.RemoveAt(column);
                if (column < lanes.Count)
                    lines.Add(Shift(lanes.Count + 1, column));
            }
            else
            {
                lanes[column] = parents[0];
                lanes.InsertRange(column + 1, parents.Skip(1));
                if (parents.Count > 1)
                    lines.Add(Part(lanes.Count, column, parents.Count - 1));
            }
        }
        return lines;
    }

    /// <summary>Lanes waiting for the same revision meet in the first of them: <c>|/</c>.</summary>
    private static string Join(List<string> lanes, string id, int column)
    {
        var row = Row(lanes.Count);
        var removed = 0;
        for (var i = 0; i < lanes.Count; i++)
        {
            if (i > column && lanes[i] == id)
            {
                row[i * 2 - 1] = '/';
                removed++;
            }
            else if (removed > 0)
                row[i * 2 - 1] = '/';
            else
                row[i * 2] = '|';
        }
        for (var i = lanes.Count - 1; i > column; i--)
            if (lanes[i] == id)
                lanes.RemoveAt(i);
        return new string(row).TrimEnd();
    }

    /// <summary>A lane that ended at a base: the lanes right of it move left.</summary>
    private static string Shift(int oldCount, int column)
    {
        var row = Row(oldCount);
        for (var i = 0; i < oldCount; i++)
        {
            if (i < column) row[i * 2] = '|';
            else if (i > column) row[i * 2 - 1] = '/';
        }
        return new string(row).TrimEnd();
    }

    /// <summary>A merge's further parents open lanes to its right: <c>|\</c>.</summary>
    private static string Part(int newCount, int column, int extra)
    {
        var row = Row(newCount);
        for (var i = 0; i < newCount; i++)
        {
            if (i <= column) row[i * 2] = '|';
            else if (i <= column + extra) row[i * 2 - 1] = '\\';
            else row[(i - extra) * 2 + 1] = '\\';
        }
        return new string(row).TrimEnd();
    }

    private static char[] Row(int lanes)
    {
        var row = new char[Math.Max(1, lanes * 2)];
        Array.Fill(row, ' ');
        return row;
    }
}
