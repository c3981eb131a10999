using Retort.Dialects;

namespace Retort.Execution;

/// <summary>
/// The heads the version table holds during a run, and the statements that move them step by step
/// (Alembic's head maintenance: insert a new branch, update along a line, delete and update at a merge,
/// update and insert at an unmerge, delete a branch).
/// </summary>
internal sealed class VersionHeads(VersionTable table, IEnumerable<string> heads)
{
    private readonly List<string> _heads = heads.Distinct().ToList();

    public IReadOnlyList<string> Heads => _heads;

    /// <summary>The statements for one step; each with whether exactly one row must change (checked online).</summary>
    public IReadOnlyList<(SqlStatement Statement, bool ExpectOneRow)> Move(MigrationStep step)
    {
        var moves = new List<(SqlStatement, bool)>();
        if (step.ShouldDeleteBranch(_heads))
            moves.Add(Delete(step.DeleteVersion));
        else if (step.ShouldCreateBranch(_heads))
            moves.Add(Insert(step.InsertVersion));
        else if (step.ShouldMergeBranches(_heads))
        {
            var (delete, from, to) = step.MergeIdents(_heads);
            moves.AddRange(delete.Select(Delete));
            moves.Add(Update(from, to));
        }
        else if (step.ShouldUnmergeBranches(_heads))
        {
            var (from, to, insert) = step.UnmergeIdents(_heads);
            moves.AddRange(insert.Select(Insert));
            moves.Add(Update(from, to));
        }
        else
        {
            var (from, to) = step.UpdateIdents(_heads);
            moves.Add(Update(from, to));
        }
        return moves;
    }

    private (SqlStatement, bool) Insert(string revision)
    {
        if (_heads.Contains(revision))
            throw new RetortException($"Revision {revision} is already in the version table");
        _heads.Add(revision);
        return (table.Insert(revision), true);
    }

    private (SqlStatement, bool) Delete(string revision)
    {
        _heads.Remove(revision);
        return (table.Delete(revision), true);
    }

    private (SqlStatement, bool) Update(string from, string to)
    {
        var at = _heads.IndexOf(from);
        if (at < 0)
            _heads.Add(to);
        else
            _heads[at] = to;
        return (table.Update(from, to), true);
    }
}
