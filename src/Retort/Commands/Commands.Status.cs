using Retort.Execution;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Where the database is, with warnings a person should read: a revision in the version table that no script
    /// defines, an applied revision whose script changed after it ran (by the checksum in the log), a revision left
    /// half applied. Unlike <see cref="CurrentAsync(CancellationToken)"/>, an unknown revision is a warning, not an error.
    /// </summary>
    public Task<DatabaseStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        InSessionAsync((session, map) => Status.ReadAsync(session, map, Scripts.ChecksumOf, cancellationToken));
}
