using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Writes a merge revision: one whose parents are <paramref name="revisions"/> (ids, labels, or
    /// <c>heads</c>), so that their branches become one again.
    /// </summary>
    public RevisionHeader Merge(IReadOnlyList<string> revisions, string message, string? branchLabel = null,
        string? revisionId = null, DateTimeOffset? now = null)
    {
        var map = Scripts.Map;
        var parents = revisions.SelectMany(r => map.Resolve(r)).Select(r => r.Id).Distinct().ToList();
        if (parents.Count < 2)
            throw new RetortException(parents.Count == 0
                ? "Nothing to merge: name two or more revisions, or 'heads'"
                : $"Nothing to merge: '{string.Join(" ", revisions)}' names only {parents[0]}; a merge needs two or more revisions");
        return Write(file => file.Write(message, parents, branchLabel is null ? [] : [branchLabel], [], revisionId, null, now));
    }
}
