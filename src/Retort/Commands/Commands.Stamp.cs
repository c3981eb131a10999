using Retort.Dialects;
using Retort.Execution;

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
        await using var session = Session();
        if (sql is not null)
        {
            if (purge)
                throw new RetortException("--purge cannot be used with --sql: the script cannot know what the table holds");
            var starts = revisions.Select(r => r.Contains(':') ? r[..r.IndexOf(':')] : null).Distinct().ToList();
            if (starts.Count > 1)
                throw new RetortException("stamp --sql takes one start for all revisions (FROM:TO), not several");
            var start = starts[0] is null or "base" ? [] : map.Resolve(starts[0]!).Select(r => r.Id).ToList();
            var targets = revisions.Select(r => r.Contains(':') ? r[(r.IndexOf(':') + 1)..] : r).ToList();
            session.WriteTo(sql);
            return await session.Runner(map, LoadMigrations, Scripts.ChecksumOf, fenced: false)
                .RunAsync(StampSteps.For(map, start, targets), start, session.ScriptSetup(createVersionTable: start.Count == 0), cancellationToken);
        }
        await session.LockAsync(cancellationToken);
        var sink = await session.ConnectAsync(cancellationToken);
        var exists = await session.VersionTableExistsAsync(cancellationToken);
        IReadOnlyList<string> heads = [];
        if (exists && purge)
            await sink.ExecuteAsync(session.Table.DeleteAll(), cancellationToken);
        else if (exists)
            heads = await session.ReadHeadsAsync(map, cancellationToken);
        var steps = StampSteps.For(map, heads, revisions);
        var logExists = await session.LogExistsAsync(cancellationToken);
        var log = session.Log;
        List<SqlStatement> setup = [.. exists ? [] : new[] { session.Table.Create() }, .. log is null || logExists || steps.Count == 0 ? [] : log.Create()];
        return await session.Runner(map, LoadMigrations, Scripts.ChecksumOf, fenced: false).RunAsync(steps, heads, setup, cancellationToken);
    }
}
