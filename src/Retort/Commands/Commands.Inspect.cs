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

    /// <summary>
    /// The heads. With <paramref name="resolveDependencies"/>, only the real heads (heads that nothing depends
    /// on), as <c>upgrade heads</c> targets them.
    /// </summary>
    public IReadOnlyList<Revision> Heads(bool resolveDependencies = false) =>
        resolveDependencies ? Scripts.Map.RealHeads : Scripts.Map.Heads;

    /// <summary>The branch points, newest first.</summary>
    public IReadOnlyList<Revision> Branches() =>
        Scripts.Map.Walk(null, null).Where(r => r.IsBranchPoint).ToList();

    /// <summary>The revisions a symbol names (an id, a partial id, <c>head</c>, <c>LABEL@head</c>, ...).</summary>
    public IReadOnlyList<Revision> Show(string symbol, IReadOnlyCollection<string>? current = null)
    {
        var revisions = Scripts.Map.Resolve(symbol, current);
        if (revisions.Count == 0)
            throw new RetortException($"'{symbol}' names no revision file");
        return revisions;
    }

    /// <summary>The files of the revisions a symbol names, for <c>edit</c>.</summary>
    public IReadOnlyList<string> Edit(string symbol, IReadOnlyCollection<string>? current = null) =>
        Show(symbol, current).Select(r => r.Header.Path
            ?? throw new RetortException($"Revision {r.Id} was not read from a file")).ToList();
}
