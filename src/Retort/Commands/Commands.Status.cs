using Retort.Execution;
using Retort.Revisions;

namespace Retort;

/// <summary>What <see cref="Commands.StatusAsync"/> finds: the known revisions the database is at, and warnings.</summary>
/// <param name="Heads">The revisions of the version table that a script defines.</param>
/// <param name="Warnings">One line each, for a person to read.</param>
public sealed record DatabaseStatus(IReadOnlyList<Revision> Heads, IReadOnlyList<string> Warnings);

public sealed partial class Commands
{
    /// <summary>
    /// Where the database is, with warnings a person should read: a revision in the version table that no script
    /// defines, an applied revision whose script changed after it ran (by the checksum in the log), a revision left
    /// half applied. Unlike <see cref="CurrentAsync(CancellationToken)"/>, an unknown revision is a warning, not an error.
    /// </summary>
    public async Task<DatabaseStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var map = Scripts.Map;
        await using var session = Session();
        var sink = await session.ConnectAsync(cancellationToken, MissingFile.Refuse);
        if (!await session.VersionTableExistsAsync(cancellationToken))
            return new DatabaseStatus([], []);
        var heads = await sink.QueryStringsAsync(session.Table.Select(), cancellationToken);
        var warnings = heads.Where(h => map.Find(h) is null)
            .Select(h => $"The version table {session.Table.Name} holds {h}, which no revision file defines").ToList();
        if (await session.LogExistsAsync(cancellationToken))
        {
            warnings.AddRange(await ChangedScripts.FindAsync(sink, session.Log!, map, heads, Scripts.ChecksumOf, cancellationToken));
            if (await HalfApplied.FindAsync(sink, session.Log!, map, heads, session.Dialect, cancellationToken) is { } halted)
                warnings.Add(halted.Message);
        }
        return new DatabaseStatus(map.AllCurrent(heads.Where(h => map.Find(h) is not null)), warnings);
    }
}
