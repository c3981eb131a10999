using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>The revisions a symbol names (an id, a partial id, <c>head</c>, <c>LABEL@head</c>, ...).</summary>
    public IReadOnlyList<Revision> Show(string symbol, IReadOnlyCollection<string>? current = null)
    {
        var revisions = Scripts.Map.Resolve(symbol, current);
        if (revisions.Count == 0)
            throw new RetortException($"'{symbol}' names no revision file");
        return revisions;
    }
}
