using Retort.Configuration;
using Retort.Dialects;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Sets the version table to <paramref name="revisions"/> without running any migration. With
    /// <paramref name="purge"/>, empties the table first. With <paramref name="sql"/>, writes the SQL instead; each
    /// revision may then be <c>FROM:TO</c> (one start for all).
    /// </summary>
    public async Task<IReadOnlyList<string>> StampAsync(IReadOnlyList<string> revisions, bool purge = false, TextWriter? sql = null,
        CancellationToken cancellationToken = default)
    {
        var map = Scripts.Map;
        var (url, dialect, table, log) = Database();
        if (sql is not null)
        {
            if (purge)
                throw new RetortException("--purge cannot be used with --sql: the script cannot know what the table holds");
            var starts = revisions.Select(r => r.Contains(':') ? r[..r.IndexOf(':')] : null).Distinct().ToList();
            if (starts.Count > 1)
                throw new RetortException("stamp --sql takes one start for all revisions (FROM:TO), not several");
            var start = starts[0] is null or "base" ? [] : map.Resolve(starts[0]!).Select(r => r.Id).ToList();
            var targets = revisions.Select(r => r.Contains(':') ? r[(r.IndexOf(':') + 1)..] : r).ToList();
            var runner = Runner(map, dialect, new ScriptSink(sql, dialect), table, log);
            return await runner.RunAsync(StampSteps(map, start, targets), start, ScriptSetup(table, log, createVersionTable: start.Count == 0), cancellationToken);
        }
        await using var held = await LockAsync(url, dialect, cancellationToken);
        await using var connection = await OpenAsync(url, cancellationToken);
        var sink = new DatabaseSink(connection);
        var exists = await VersionTableExistsAsync(sink, table, cancellationToken);
        IReadOnlyList<string> heads = [];
        if (exists && purge)
        {
            await sink.ExecuteAsync(table.DeleteAll(), cancellationToken);
        }
        else if (exists)
            heads = await ReadHeadsAsync(sink, table, map, cancellationToken);
        var steps = StampSteps(map, heads, revisions);
        var logExists = log is not null && await LogExistsAsync(sink, log, cancellationToken);
        List<SqlStatement> setup = [.. exists ? [] : new[] { table.Create() }, .. log is null || logExists || steps.Count == 0 ? [] : log.Create()];
        return await Runner(map, dialect, sink, table, log).RunAsync(steps, heads, setup, cancellationToken);
    }

    /// <summary>
    /// The stamp steps from <paramref name="heads"/> to each target, as Alembic computes them: a target already
    /// held does nothing; one above or below held heads of its line replaces them in one step; one on a line
    /// with no held head starts a branch; <c>base</c> removes the heads of the named lines.
    /// </summary>
    internal static IReadOnlyList<MigrationStep> StampSteps(RevisionMap map, IReadOnlyList<string> heads, IReadOnlyList<string> targets)
    {
        var steps = new List<MigrationStep>();
        var lineage = new List<string>();
        foreach (var target in targets)
            lineage.AddRange(InLineage(map, heads, target));
        lineage = lineage.Distinct().ToList();
        var destinations = targets.SelectMany(t => map.Resolve(t)).Distinct().ToList();
        if (destinations.Count == 0)
        {
            steps.AddRange(lineage.Select(h => new StampStep([h], [], upgrade: false, branchMove: true)));
            return steps;
        }
        foreach (var destination in destinations)
        {
            if (lineage.Contains(destination.Id))
                continue;
            var below = map.Descendants([destination.Id]).Select(r => r.Id).ToHashSet();
            var above = map.Ancestors([destination.Id]).Select(r => r.Id).ToHashSet();
            if (lineage.Any(below.Contains))
                steps.Add(new StampStep(lineage, [destination.Id], upgrade: false, branchMove: false));
            else if (lineage.Any(above.Contains))
                steps.Add(new StampStep(lineage, [destination.Id], upgrade: true, branchMove: false));
            else
                steps.Add(new StampStep([], [destination.Id], upgrade: true, branchMove: true));
        }
        return steps;
    }

    /// <summary>The held heads on the line of <paramref name="target"/>: its ancestors and descendants.</summary>
    private static IEnumerable<string> InLineage(RevisionMap map, IReadOnlyList<string> heads, string target)
    {
        var revisions = map.Resolve(target);
        if (revisions.Count == 0)
            return heads;
        var line = map.Ancestors(revisions.Select(r => r.Id)).Concat(map.Descendants(revisions.Select(r => r.Id)))
            .Select(r => r.Id).ToHashSet();
        return heads.Where(line.Contains);
    }

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

    internal async Task<IReadOnlyList<Revision>> VersionHeadsAsync(bool missingIsEmpty, CancellationToken cancellationToken)
    {
        var map = Scripts.Map;
        var (url, dialect, table, _) = Database();
        await using var connection = await OpenAsync(url, cancellationToken, missingIsEmpty ? MissingFile.ReadAsEmpty : MissingFile.Refuse);
        var sink = new DatabaseSink(connection);
        if (!await VersionTableExistsAsync(sink, table, cancellationToken))
            return [];
        return [.. (await ReadHeadsAsync(sink, table, map, cancellationToken)).Select(h => map[h])];
    }

    /// <summary>Creates the version table when it is missing; with <paramref name="sql"/>, writes its CREATE TABLE.</summary>
    public async Task EnsureVersionAsync(TextWriter? sql = null, CancellationToken cancellationToken = default)
    {
        var (url, dialect, table, _) = Database();
        if (sql is not null)
        {
            await new ScriptSink(sql, dialect).ExecuteAsync(table.Create(), cancellationToken);
            return;
        }
        await using var held = await LockAsync(url, dialect, cancellationToken);
        await using var connection = await OpenAsync(url, cancellationToken);
        var sink = new DatabaseSink(connection);
        if (!await VersionTableExistsAsync(sink, table, cancellationToken))
            await sink.ExecuteAsync(table.Create(), cancellationToken);
    }
}
