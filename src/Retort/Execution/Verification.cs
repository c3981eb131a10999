using Retort.Revisions;

namespace Retort.Execution;

/// <summary>What verify found for one revision: nothing (it reverses), or the failure and the differences it left.</summary>
/// <param name="Revision">The revision.</param>
/// <param name="Failure">Null when the revision's downgrade restored the schema before it; otherwise one line saying what went wrong.</param>
/// <param name="Differences">What the upgrade and the downgrade together leave changed, one line each.</param>
internal sealed record RevisionVerdict(Revision Revision, string? Failure, IReadOnlyList<string> Differences);

/// <summary>
/// Runs every revision up, down and up again on a database of its own (a scratch one, empty at the start) and checks
/// that each downgrade gives back exactly the schema its upgrade found. Each move is a normal run, with the version
/// table and log, so a revision is verified as it will run; the schemas are read with the dialect's inspector and told
/// apart by the comparison the caller gives (autogenerate's, which Execution may not use itself).
/// </summary>
internal static class Verification
{
    /// <summary>
    /// Verifies the revisions of <paramref name="verified"/> in upgrade order, applying the others on the way without
    /// checking them; stops at the first failure, since the revisions after it would run on a schema they were not
    /// written for. Returns the verdicts and the schema the database has at the end.
    /// </summary>
    /// <param name="session">The session of the scratch database, not yet connected.</param>
    /// <param name="map">The revision graph.</param>
    /// <param name="verified">Which revisions to check (the range asked for).</param>
    /// <param name="differences">The changes that lead from the first schema to the second, one line each; none when they are the same.</param>
    /// <param name="cancellationToken">Stops the run between statements.</param>
    public static async Task<(IReadOnlyList<RevisionVerdict> Verdicts, DatabaseSchema Last)> RunAsync(RunSession session, RevisionMap map,
        IReadOnlySet<string> verified, Func<DatabaseSchema, DatabaseSchema, IReadOnlyList<string>> differences, CancellationToken cancellationToken)
    {
        var sink = await StartAsync(session, cancellationToken);
        var setup = Setup(session);
        IReadOnlyList<string> heads = [];
        var verdicts = new List<RevisionVerdict>();
        async Task<DatabaseSchema> InspectAsync() => await session.Dialect.InspectAsync(sink.Connection, session.OwnTables, cancellationToken);
        async Task<string?> MoveAsync(Revision revision, bool upgrade, string what)
        {
            try
            {
                heads = await session.Runner(map, fenced: false).RunAsync([new RevisionStep(map, revision, upgrade)], heads, setup, cancellationToken);
                setup = [];
                return null;
            }
            catch (RetortException e)
            {
                return $"{what} failed: {e.Message}";
            }
        }

        var before = await InspectAsync();
        foreach (var revision in map.UpgradeSteps([], "heads"))
        {
            if (await MoveAsync(revision, upgrade: true, "its upgrade") is { } upFailed)
                return (Add(revision, upFailed, []), before);
            if (!verified.Contains(revision.Id))
            {
                before = await InspectAsync();
                continue;
            }
            var after = await InspectAsync();
            if (await MoveAsync(revision, upgrade: false, "its downgrade") is { } downFailed)
                return (Add(revision, downFailed, []), after);
            var back = await InspectAsync();
            if (differences(before, back) is { Count: > 0 } left)
            {
                var nothing = differences(after, back).Count == 0;
                return (Add(revision, nothing ? "its downgrade changes nothing, so the upgrade's changes stay"
                    : "its downgrade does not give back the schema before the upgrade", left), back);
            }
            if (await MoveAsync(revision, upgrade: true, "its upgrade after its downgrade") is { } againFailed)
                return (Add(revision, againFailed, []), back);
            verdicts.Add(new RevisionVerdict(revision, null, []));
            before = after;
        }
        return (verdicts, before);

        List<RevisionVerdict> Add(Revision revision, string failure, IReadOnlyList<string> left)
        {
            verdicts.Add(new RevisionVerdict(revision, failure, left));
            return verdicts;
        }
    }

    /// <summary>
    /// Upgrades the scratch database to <paramref name="heads"/> and reads its schema: what the revisions make of an
    /// empty database, for a comparison with one that says it is at those revisions.
    /// </summary>
    public static async Task<DatabaseSchema> ReplayAsync(RunSession session, RevisionMap map, IReadOnlyList<string> heads,
        CancellationToken cancellationToken)
    {
        var sink = await StartAsync(session, cancellationToken);
        var setup = Setup(session);
        IReadOnlyList<string> current = [];
        foreach (var head in heads)
        {
            var steps = map.UpgradeSteps(current, head).Select(r => (MigrationStep)new RevisionStep(map, r, upgrade: true)).ToList();
            if (steps.Count == 0)
                continue;
            current = await session.Runner(map, fenced: false).RunAsync(steps, current, setup, cancellationToken);
            setup = [];
        }
        return await session.Dialect.InspectAsync(sink.Connection, session.OwnTables, cancellationToken);
    }

    // Connects to the scratch database, which must be empty, with the settings a throwaway database can afford.
    private static async Task<DatabaseSink> StartAsync(RunSession session, CancellationToken cancellationToken)
    {
        var sink = await session.ConnectAsync(cancellationToken);
        foreach (var setting in session.Dialect.Bookkeeping.ScratchSession)
            await setting.ScalarAsync(sink.Connection, null, cancellationToken);
        if (await session.VersionTableExistsAsync(cancellationToken))
            throw new RetortException($"{session.Url} has a version table already; the revisions are run on an empty scratch database");
        return sink;
    }

    private static List<Dialects.SqlStatement> Setup(RunSession session) => [session.Table.Create(), .. session.Log?.Create() ?? []];
}
