using Retort.Execution;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Settles a revision left half applied (see <see cref="UpgradeAsync"/>) after a person has dealt with it by
    /// hand: <paramref name="applied"/> when its step was finished by hand (the version table then moves as the
    /// step would have moved it), otherwise when what ran was undone (the next run runs it from the start).
    /// </summary>
    public Task ResolveAsync(string revision, bool applied, CancellationToken cancellationToken = default) =>
        InSessionAsync((session, map) => Resolutions.ResolveAsync(session, map, revision, applied, cancellationToken));

    /// <summary>
    /// Settles the statement of <paramref name="revision"/> that was in flight when its run stopped, after a person has
    /// looked at the database: <paramref name="ran"/> when it took effect (the resume goes on after it), otherwise when it
    /// did not (the resume runs it). For statements whose effect Retort cannot read from their text.
    /// </summary>
    public Task ResolveStatementAsync(string revision, bool ran, CancellationToken cancellationToken = default) =>
        InSessionAsync((session, map) => Resolutions.ResolveStatementAsync(session, map, revision, ran, cancellationToken));
}
