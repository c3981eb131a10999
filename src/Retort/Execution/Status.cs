using Retort.Revisions;

namespace Retort.Execution;

/// <summary><c>current -v</c>'s reading: where the database is, and what a person should know about it.</summary>
internal static class Status
{
    /// <summary>The known revisions the database is at, and warnings; see <c>Commands.StatusAsync</c>.</summary>
    public static async Task<DatabaseStatus> ReadAsync(RunSession session, RevisionMap map, Func<string, string?> checksumOf,
        CancellationToken cancellationToken)
    {
        var sink = await session.ConnectAsync(cancellationToken, MissingFile.Refuse);
        if (!await session.VersionTableExistsAsync(cancellationToken))
            return new DatabaseStatus([], []);
        var (heads, unknown) = session.StandFor(map, await sink.QueryStringsAsync(session.Table.Select(), cancellationToken));
        var warnings = unknown.Select(h => $"The version table {session.Table.Name} holds {h}, which no revision file defines").ToList();
        if (await session.LogExistsAsync(cancellationToken))
        {
            warnings.AddRange(await ChangedScripts.FindAsync(sink, session.Log!, map, heads, checksumOf, cancellationToken));
            if (await HalfApplied.FindAsync(sink, session.Log!, map, heads, session.Dialect, cancellationToken) is { } halted)
                warnings.Add(halted.Message);
        }
        return new DatabaseStatus(map.AllCurrent(heads), warnings);
    }
}
