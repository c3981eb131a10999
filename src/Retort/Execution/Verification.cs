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
    /// <remarks>
    /// Where the dialect has a schema fingerprint (SQLite's DDL text), the states are told apart by it, and schemas are
    /// read only when a downgrade does not give back the fingerprint before it: reading a schema of hundreds of tables
    /// after every move is most of the time of a long chain otherwise. The schema before the failing revision is then
    /// gone from this database, and <paramref name="schemaAt"/> rebuilds it.
    /// </remarks>
    /// <param name="session">The session of the scratch database, not yet connected.</param>
    /// <param name="map">The revision graph.</param>
    /// <param name="verified">Which revisions to check (the range asked for).</param>
    /// <param name="differences">The changes that lead from the first schema to the second, one line each; none when they are the same.</param>
    /// <param name="schemaAt">The schema the revisions up to the given ones make of an empty database.</param>
    /// <param name="cancellationToken">Stops the run between statements.</param>
    public static async Task<(IReadOnlyList<RevisionVerdict> Verdicts, DatabaseSchema Last)> RunAsync(RunSession session, RevisionMap map,
        IReadOnlySet<string> verified, Func<DatabaseSchema, DatabaseSchema, IReadOnlyList<string>> differences,
        Func<IReadOnlyList<string>, CancellationToken, Task<DatabaseSchema>> schemaAt, CancellationToken cancellationToken)
    {
        var sink = await StartAsync(session, cancellationToken);
        // The version table first, so that the first state compared already has it.
        foreach (var statement in Setup(session))
            await statement.ScalarAsync(sink.Connection, null, cancellationToken);
        List<Dialects.SqlStatement> setup = [];
        IReadOnlyList<string> heads = [];
        var verdicts = new List<RevisionVerdict>();
        var fingerprint = session.Dialect.Bookkeeping.SchemaFingerprint;
        async Task<DatabaseSchema> InspectAsync() => await session.Dialect.InspectAsync(sink.Connection, session.OwnTables, cancellationToken);
        // The state of the database: its fingerprint where the dialect has one, else its schema, read now.
        async Task<State> StateAsync() => fingerprint is null
            ? new State(null, await InspectAsync())
            : new State(Convert.ToString(await fingerprint.ScalarAsync(sink.Connection, null, cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "", null);
        bool Same(State a, State b) => a.Schema is null ? a.Fingerprint == b.Fingerprint : differences(a.Schema, b.Schema!).Count == 0;
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

        var before = await StateAsync();
        foreach (var revision in map.UpgradeSteps([], "heads"))
        {
            var headsBefore = heads;
            var fixture = verified.Contains(revision.Id) ? session.FixtureOf(revision) : null;
            if (fixture is not null && await Fixtures.InsertAsync(session.Dialect, sink.Connection, fixture, cancellationToken) is { } notInserted)
                return (Add(revision, notInserted, []), await InspectAsync());
            if (await MoveAsync(revision, upgrade: true, "its upgrade") is { } upFailed)
                return (Add(revision, upFailed, []), await InspectAsync());
            if (fixture is not null && await Fixtures.MissingAsync(session.Dialect, sink.Connection, fixture, cancellationToken) is { Count: > 0 } missing)
                return (Add(revision, "its upgrade does not leave the rows its fixture expects", missing), await InspectAsync());
            var after = await StateAsync();
            if (!verified.Contains(revision.Id))
            {
                before = after;
                continue;
            }
            if (await MoveAsync(revision, upgrade: false, "its downgrade") is { } downFailed)
                return (Add(revision, downFailed, []), await InspectAsync());
            var back = await StateAsync();
            if (!Same(before, back))
            {
                // Told apart by their fingerprints, or read: what autogenerate sees decides (a fingerprint can differ
                // where the schemas do not, such as a table's DDL text written otherwise).
                var backSchema = back.Schema ?? await InspectAsync();
                var left = differences(before.Schema ?? await schemaAt(headsBefore, cancellationToken), backSchema);
                if (left.Count > 0)
                {
                    var nothing = after.Schema is null ? after.Fingerprint == back.Fingerprint : differences(after.Schema, backSchema).Count == 0;
                    return (Add(revision, nothing ? "its downgrade changes nothing, so the upgrade's changes stay"
                        : "its downgrade does not give back the schema before the upgrade", left), backSchema);
                }
            }
            if (await MoveAsync(revision, upgrade: true, "its upgrade after its downgrade") is { } againFailed)
                return (Add(revision, againFailed, []), await InspectAsync());
            verdicts.Add(new RevisionVerdict(revision, null, []));
            before = after;
        }
        return (verdicts, before.Schema ?? await InspectAsync());

        List<RevisionVerdict> Add(Revision revision, string failure, IReadOnlyList<string> left)
        {
            verdicts.Add(new RevisionVerdict(revision, failure, left));
            return verdicts;
        }
    }

    // A state of the scratch database: a fingerprint that is equal exactly when the schemas are, or the schema itself.
    private sealed record State(string? Fingerprint, DatabaseSchema? Schema);

    /// <summary>
    /// Upgrades the scratch database to each stage's heads in turn and reads its schema after each: what the revisions
    /// make of an empty database, for a comparison with one that says it is at those revisions. With
    /// <paramref name="thenDowngrade"/>, that revision is then downgraded and the schema read once more.
    /// </summary>
    public static async Task<IReadOnlyList<DatabaseSchema>> ReplayAsync(RunSession session, RevisionMap map,
        IReadOnlyList<IReadOnlyList<string>> stages, Revision? thenDowngrade, CancellationToken cancellationToken)
    {
        var sink = await StartAsync(session, cancellationToken);
        var setup = Setup(session);
        IReadOnlyList<string> current = [];
        var schemas = new List<DatabaseSchema>();
        async Task RunAsync(IReadOnlyList<MigrationStep> steps)
        {
            current = await session.Runner(map, fenced: false).RunAsync(steps, current, setup, cancellationToken);
            setup = [];
        }
        foreach (var stage in stages)
        {
            foreach (var head in stage)
            {
                var steps = map.UpgradeSteps(current, head).Select(r => (MigrationStep)new RevisionStep(map, r, upgrade: true)).ToList();
                if (steps.Count > 0)
                    await RunAsync(steps);
            }
            schemas.Add(await session.Dialect.InspectAsync(sink.Connection, session.OwnTables, cancellationToken));
        }
        if (thenDowngrade is not null)
        {
            await RunAsync([new RevisionStep(map, thenDowngrade, upgrade: false)]);
            schemas.Add(await session.Dialect.InspectAsync(sink.Connection, session.OwnTables, cancellationToken));
        }
        return schemas;
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
