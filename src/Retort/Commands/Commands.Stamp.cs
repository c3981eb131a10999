using Retort.Execution;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Sets the version table to <paramref name="revisions"/> without running any migration. With
    /// <paramref name="purge"/>, empties the table first. With <paramref name="sql"/>, writes the SQL instead; each
    /// revision may then be <c>FROM:TO</c> (one start for all).
    /// </summary>
    public Task<IReadOnlyList<string>> StampAsync(IReadOnlyList<string> revisions, bool purge = false, TextWriter? sql = null,
        CancellationToken cancellationToken = default) =>
        InSessionAsync((session, map) => Stamps.RunAsync(session, map, revisions, purge, sql, cancellationToken));
}
