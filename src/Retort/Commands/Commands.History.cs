using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// The revisions of <c>history -r RANGE</c>, newest first. RANGE is <c>[start]:[end]</c> (either side may be
    /// empty), or null for the whole graph.
    /// </summary>
    public IReadOnlyList<Revision> History(string? range = null, IReadOnlyCollection<string>? current = null)
    {
        string? lower = null, upper = null;
        if (range is not null)
        {
            var colon = range.IndexOf(':');
            if (colon < 0)
                throw new RetortException($"History range '{range}' needs a colon: [start]:[end], [start]:, or :[end]");
            lower = colon == 0 ? null : range[..colon];
            upper = colon == range.Length - 1 ? null : range[(colon + 1)..];
        }
        return Scripts.Map.Walk(lower, upper, current);
    }
}
