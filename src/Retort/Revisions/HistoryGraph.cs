namespace Retort.Revisions;

/// <summary>
/// Draws a revision listing as a graph in the manner of <c>git log --graph</c>: one lane per line of
/// descent, <c>*</c> for a revision, <c>|\</c> where a merge's parents part, <c>|/</c> where branches
/// meet at their branch point, <c>&#160;/</c> where lanes move left past a base. Dependencies are not lanes: the
/// describing text names them (Alembic's <c>parent (dependency) -> id</c>).
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
            else
            {
                while (lanes.LastIndexOf(revision.Id) != column)
                    lines.AddRange(Join(lanes, revision.Id, column));
            }

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

    /// <summary>
    /// The first other lane waiting for the same revision meets the revision's lane: <c>|/</c>, the lanes right of it
    /// moving left with it (<c>|/ /</c>). Several such lanes meet one row each. A lane that must pass others on its way
    /// runs below them (<c>|_|/</c>) and turns in on the next row (<c>|/|</c>), as git draws it.
    /// </summary>
    private static IEnumerable<string> Join(List<string> lanes, string id, int column)
    {
        var merging = lanes.IndexOf(id, column + 1);
        var row = Row(lanes.Count);
        for (var i = 0; i < lanes.Count; i++)
        {
            if (i < merging)
                row[i * 2] = '|';
            else
                row[i * 2 - 1] = '/';
        }
        var passes = merging - column > 1;
        if (passes)
            for (var at = column * 2 + 1; at < merging * 2 - 1; at += 2)
                row[at] = '_';
        lanes.RemoveAt(merging);
        yield return new string(row).TrimEnd();
        if (!passes)
            yield break;
        var turn = Row(lanes.Count);
        for (var i = 0; i < lanes.Count; i++)
            turn[i * 2] = '|';
        turn[column * 2 + 1] = '/';
        yield return new string(turn).TrimEnd();
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
