using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>The files of the revisions a symbol names, for <c>edit</c>.</summary>
    public IReadOnlyList<string> Edit(string symbol, IReadOnlyCollection<string>? current = null) =>
        Show(symbol, current).Select(r => r.Header.Path
            ?? throw new RetortException($"Revision {r.Id} was not read from a file")).ToList();
}
