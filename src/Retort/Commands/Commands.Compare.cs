using Retort.Autogenerate;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Compares the model with the live database: the operations that would bring the database to the model, their
    /// reverses, and warnings. The database must be at its heads (otherwise the comparison would re-propose what
    /// unapplied revisions already do).
    /// </summary>
    public Task<SchemaDiff> CompareAsync(CancellationToken cancellationToken = default) =>
        InSessionAsync((session, map) => ModelComparison.CompareAsync(Config, session.Dialect, session.Table.Name,
            token => ReadLiveAsync(session, map, token), LoadModelAsync, graphIsEmpty: map.All.Count == 0, cancellationToken));

    // The model's classes (or its schema, read elsewhere) and the project's environment, from the revisions' code.
    internal async Task<ModelCode> LoadModelAsync(CancellationToken cancellationToken)
    {
        var source = LoadMigrations();
        return new ModelCode(source.ModelTypes, source.CreateEnvironment(), await source.ModelSchemaAsync(cancellationToken));
    }

    // The live schema, once the database is known to be at its heads, with the log's warnings about applied scripts
    // edited since. A SQLite file not made yet reads as an empty database, and stays unmade.
    private async Task<LiveSchema> ReadLiveAsync(RunSession session, RevisionMap map, CancellationToken cancellationToken)
    {
        var sink = await session.ConnectAsync(cancellationToken, MissingFile.ReadAsEmpty);
        var heads = await session.HeadsIfAnyAsync(map, cancellationToken);
        var expected = map.RealHeads.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        if (!heads.Order(StringComparer.Ordinal).SequenceEqual(expected))
            throw new RetortException($"The database is not up to date (it is at {Describe(heads)}; the heads are {Describe(expected)}); run 'retort upgrade heads' first, so that autogenerate does not propose again what revisions already do");
        var warnings = await session.LogExistsAsync(cancellationToken)
            ? await ChangedScripts.FindAsync(sink, session.Log!, map, heads, Scripts.ChecksumOf, cancellationToken)
            : [];
        return new LiveSchema(await session.Dialect.InspectAsync(sink.Connection, session.OwnTables, cancellationToken), warnings, sink.Connection, session.OwnTables);
    }
}
