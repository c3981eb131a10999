using Retort.Dialects;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>What <c>stamp</c> does to the version table, as steps that run no migration.</summary>
internal static class Stamps
{
    /// <summary>Stamps <paramref name="revisions"/>; see <c>Commands.StampAsync</c>.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(RunSession session, RevisionMap map, IReadOnlyList<string> revisions, bool purge,
        TextWriter? sql, CancellationToken cancellationToken)
    {
        if (sql is not null)
        {
            if (purge)
                throw new RetortException("--purge cannot be used with --sql: the script cannot know what the table holds");
            var starts = revisions.Select(r => r.Contains(':') ? r[..r.IndexOf(':')] : null).Distinct().ToList();
            if (starts.Count > 1)
                throw new RetortException("stamp --sql takes one start for all revisions (FROM:TO), not several");
            var start = session.ScriptStart(map, starts[0]);
            var targets = revisions.Select(r => r.Contains(':') ? r[(r.IndexOf(':') + 1)..] : r).ToList();
            session.WriteTo(sql);
            return await session.Runner(map, fenced: false)
                .RunAsync(For(map, start, targets), start, session.ScriptSetup(createVersionTable: start.Count == 0), cancellationToken);
        }
        await session.LockAsync(cancellationToken);
        var sink = await session.ConnectAsync(cancellationToken);
        var exists = await session.VersionTableExistsAsync(cancellationToken);
        IReadOnlyList<string> heads = [];
        if (exists && purge)
            await sink.ExecuteAsync(session.Table.DeleteAll(), cancellationToken);
        else if (exists)
            heads = await session.ReadHeadsAsync(map, cancellationToken);
        var steps = For(map, heads, revisions);
        var logExists = await session.LogExistsAsync(cancellationToken);
        var log = session.Log;
        List<SqlStatement> setup = [.. exists ? [] : new[] { session.Table.Create() }, .. log is null || logExists || steps.Count == 0 ? [] : log.Create()];
        return await session.Runner(map, fenced: false).RunAsync(steps, heads, setup, cancellationToken);
    }

    /// <summary>
    /// The stamp steps from <paramref name="heads"/> to each target, as Alembic computes them: a target already
    /// held does nothing; one above or below held heads of its line replaces them in one step; one on a line
    /// with no held head starts a branch; <c>base</c> removes the heads of the named lines.
    /// </summary>
    public static IReadOnlyList<MigrationStep> For(RevisionMap map, IReadOnlyList<string> heads, IReadOnlyList<string> targets)
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
}
