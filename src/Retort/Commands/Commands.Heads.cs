using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// The heads. With <paramref name="resolveDependencies"/>, only the real heads (heads that nothing depends
    /// on), as <c>upgrade heads</c> targets them.
    /// </summary>
    public IReadOnlyList<Revision> Heads(bool resolveDependencies = false) =>
        resolveDependencies ? Scripts.Map.RealHeads : Scripts.Map.Heads;
}
