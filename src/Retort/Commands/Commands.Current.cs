using Retort.Execution;
using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// The revisions the database is at, as Alembic's <c>current</c> shows them: the version table's rows, and the
    /// revisions they depend on that nothing else revises (effective heads); empty when it has none or no version
    /// table. A SQLite URL whose file does not exist is an error (a typo must not pass for a database at base), and no
    /// file is made.
    /// </summary>
    public Task<IReadOnlyList<Revision>> CurrentAsync(CancellationToken cancellationToken = default) =>
        CurrentAsync(missingIsEmpty: false, cancellationToken);

    /// <summary>
    /// <see cref="CurrentAsync(CancellationToken)"/>, where <paramref name="missingIsEmpty"/> reads a SQLite file not made
    /// yet as an empty database (an application's own database before its first upgrade).
    /// </summary>
    internal async Task<IReadOnlyList<Revision>> CurrentAsync(bool missingIsEmpty, CancellationToken cancellationToken) =>
        Scripts.Map.AllCurrent((await VersionHeadsAsync(missingIsEmpty, cancellationToken)).Select(r => r.Id));

    /// <summary>
    /// The version table's rows, in the table's order: what <c>current</c> means in a range (<c>history -r current:</c>)
    /// and where relative targets start. Errors as <see cref="CurrentAsync(CancellationToken)"/>.
    /// </summary>
    public Task<IReadOnlyList<Revision>> VersionHeadsAsync(CancellationToken cancellationToken = default) =>
        VersionHeadsAsync(missingIsEmpty: false, cancellationToken);

    internal Task<IReadOnlyList<Revision>> VersionHeadsAsync(bool missingIsEmpty, CancellationToken cancellationToken) =>
        InSessionAsync<IReadOnlyList<Revision>>(async (session, map) =>
        {
            await session.ConnectAsync(cancellationToken, missingIsEmpty ? MissingFile.ReadAsEmpty : MissingFile.Refuse);
            return [.. (await session.HeadsIfAnyAsync(map, cancellationToken)).Select(h => map[h])];
        });
}
