using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>The branch points, newest first.</summary>
    public IReadOnlyList<Revision> Branches() =>
        Scripts.Map.Walk(null, null).Where(r => r.IsBranchPoint).ToList();
}
