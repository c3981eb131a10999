using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Execution;
using Retort.Ops;
using Retort.Revisions;

namespace Retort;

public sealed partial class SchemaRevisions
{
    /// <summary>
    /// Adopts a database that has no migrations (<c>retort baseline --from-live</c>): reads its schema into a first
    /// revision whose upgrade creates it all (tables referenced-first, indexes, constraints, comments, views) and whose
    /// downgrade drops it all, proves the revision by running it on a scratch database and comparing the result with the
    /// live schema, and stamps the database at the revision only when they agree. The live schema is never changed: only
    /// the version table is created and stamped. With <see cref="BaselineRequest.ModelOut"/>, also writes model classes
    /// for the tables and views, and reports what <c>check</c> with them would still find.
    /// </summary>
    /// <exception cref="RetortException">The project has revisions already, the database is versioned already or holds
    /// nothing, or a model file exists (without <see cref="BaselineRequest.Force"/>); nothing was written.</exception>
    public async Task<BaselineReport> BaselineAsync(BaselineRequest? request = null, DateTimeOffset? now = null, CancellationToken cancellationToken = default)
    {
        request ??= new BaselineRequest();
        var map = _commands.Scripts.Map;
        if (map.All.Count > 0)
            throw new RetortException($"baseline writes a project's first revision, and this one has {map.All.Count} already (heads: {string.Join(", ", map.Heads.Select(h => h.Id))}); " +
                "baseline from a new project with no revisions ('retort init' in another folder, pointing at this database), or write the next revision with 'retort revision --autogenerate'");
        if (Config.Url is not { Length: > 0 } && Config.ConnectionString is not { Length: > 0 })
            throw new RetortException($"No database is configured to baseline: set \"url\" in {Config.FilePath ?? "the config"}, or RETORT_URL " +
                "(--url names the server of the proof's scratch database, not the database to baseline)");
        if (Config.Databases.Count > 0)
            throw new RetortException($"baseline reads one database, and this project's revisions serve several (databases: {string.Join(", ", Config.Databases)}); " +
                "baseline each database from a project of its own");
        var (live, unread, database, dialect, server) = await ReadUnversionedAsync(request, cancellationToken);
        var model = request.ModelOut is null ? null : ModelFiles(request, live, dialect);

        var diff = SchemaComparer.Compare(live, new DatabaseSchema([], []), dialect, CompareOptions.From(Config, VersionTable));
        var upgrade = diff.Upgrade;
        var header = _commands.WriteRevision(new RevisionRequest(request.Message, Head: "base", RevisionId: request.RevisionId), now,
            BaselineBody(upgrade, diff.Notes), "// Drops every table and view of the baseline, and their rows.\n" + CSharpWriter.Operations(SchemaComparer.Reversed(upgrade), ""));
        foreach (var file in model?.Files ?? [])
            await File.WriteAllTextAsync(file.Path, file.Text, cancellationToken);

        var scratchName = server is null ? "a temporary SQLite file" : "a scratch database on the server of " + Configuration.DatabaseUrl.Parse(server, Config.BaseDirectory).Display;
        string? failure;
        IReadOnlyList<string> differences = [];
        try
        {
            (scratchName, var built, var stopped) = await _commands.Scratch(server).TryReplayAsync(_commands.Scripts.Map, [header.Id], cancellationToken);
            failure = stopped?.Message;
            if (built is not null)
                differences = StrictDifferences(dialect, built, live);
        }
        catch (RetortException e)
        {
            // The scratch database could not be made (no right to create databases there: --url names another server).
            failure = e.Message;
        }
        var stamped = failure is null && differences.Count == 0 && request.Stamp;
        if (stamped)
            await _commands.StampAsync([header.Id], cancellationToken: cancellationToken);

        List<string> gaps = [.. model?.Gaps ?? []];
        if (model is not null)
            gaps.AddRange(await ModelCheckAsync(model.Files.Select(f => f.Path).ToList(), cancellationToken));
        return new BaselineReport(database, header, BaselineReport.ContentsOf(upgrade), scratchName, failure, differences, stamped,
            model?.Files.Select(f => f.Path).ToList() ?? [], gaps, [.. Unread(unread), .. OtherToolsTables(live), .. diff.Warnings]);
    }

    // What the inspector does not read is in neither the revision nor the proof's comparison.
    private static IEnumerable<string> Unread(IReadOnlyList<string> unread) => unread.Count == 0 ? [] :
        [$"not read, so not in the revision (add them to it with op.Execute, or to a revision of their own): {string.Join(", ", unread.Take(12))}" +
            (unread.Count > 12 ? $" and {unread.Count - 12} more" : "")];

    // Tables that other migration tools keep their history in, which the baseline carries as tables like any other.
    private static IEnumerable<string> OtherToolsTables(DatabaseSchema live) =>
        live.Tables.Select(t => t.Name.Name).Where(OtherTools.ContainsKey)
            .Select(name => $"table {name} looks like the migration history of {OtherTools[name]}; the revision creates it like any other table");

    private static readonly Dictionary<string, string> OtherTools = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alembic_version"] = "Alembic", ["__EFMigrationsHistory"] = "EF Core", ["flyway_schema_history"] = "Flyway",
        ["databasechangelog"] = "Liquibase", ["schema_migrations"] = "Rails or golang-migrate", ["VersionInfo"] = "FluentMigrator",
    };

    private TableName VersionTable => new(Config.VersionTable, Config.VersionTableSchema);

    // The live schema, once the database is known to have no revision in its version table and something to baseline;
    // and where the proof's scratch database is made.
    private async Task<(DatabaseSchema Live, IReadOnlyList<string> Unread, string Database, Dialect Dialect, string? Server)> ReadUnversionedAsync(BaselineRequest request,
        CancellationToken cancellationToken)
    {
        await using var session = _commands.Session();
        var server = ScratchServer(request.ScratchUrl, session.Url);
        var sink = await session.ConnectAsync(cancellationToken, MissingFile.Refuse);
        if (await session.VersionTableExistsAsync(cancellationToken)
            && await sink.QueryStringsAsync(session.Table.Select(), cancellationToken) is { Count: > 0 } rows)
            throw new RetortException($"{session.Url.Display} is versioned already: its version table {session.Table.Name} holds {string.Join(", ", rows)}; " +
                "baseline is for a database that no migrations have run on");
        var live = await session.Dialect.InspectAsync(sink.Connection, [.. session.OwnTables, .. request.Leave.Select(t => new TableName(t))], cancellationToken);
        if (live.Tables.Count == 0 && live.Views.Count == 0 && live.Sequences.Count == 0)
            throw new RetortException($"{session.Url.Display} has no tables or views (besides Retort's own), so there is nothing to baseline; start with 'retort revision' instead");
        var unread = session.Dialect.Bookkeeping.UnreadObjects is { } query ? await sink.QueryStringsAsync(query, cancellationToken) : [];
        return (live, unread, session.Url.Display, session.Dialect, server);
    }

    // verify's rule: the server the scratch database is made on, the live database's own by default (a temporary file for
    // SQLite); it must be the same kind of database, since the proof compares their schemas.
    private string? ScratchServer(string? scratchUrl, Configuration.DatabaseUrl live)
    {
        if (scratchUrl is null)
        {
            return live.Id == DialectId.Sqlite ? null
                : Config.Url ?? throw new RetortException("baseline proves its revision on a scratch database made on the database's server, which needs a URL (the config gives a connection string); pass --url with the server's");
        }
        if (live.Id == DialectId.Sqlite)
            throw new RetortException($"The database to baseline is a SQLite file ({live.Display}), so the proof runs on a temporary SQLite file; leave --url out " +
                "(it names the server of the proof's scratch database, not the database to baseline, which is the config's url or RETORT_URL)");
        var server = Configuration.DatabaseUrl.Parse(scratchUrl, Config.BaseDirectory);
        if (server.Id != live.Id)
            throw new RetortException($"--url names {server.Display}, a {server.Id.Name} server, and the database to baseline is {live.Display}: the proof must run on the same kind of database");
        return scratchUrl;
    }

    // The model files to write, refused before anything is written when one exists and may not be overwritten.
    private WrittenModel ModelFiles(BaselineRequest request, DatabaseSchema live, Dialect dialect)
    {
        var folder = Path.GetFullPath(request.ModelOut!, Config.BaseDirectory);
        if (File.Exists(folder))
            throw new RetortException($"--model-out {request.ModelOut} is a file; name a folder for the model classes");
        var model = ModelWriter.Write(live, folder, request.ModelNamespace ?? ModelWriter.NamespaceOf(folder), dialect);
        if (!request.Force && model.Files.FirstOrDefault(f => File.Exists(f.Path)) is { } existing)
            throw new RetortException($"{Path.GetRelativePath(Config.BaseDirectory, existing.Path)} exists already; pass --force to overwrite the model files, or choose another --model-out");
        Directory.CreateDirectory(folder);
        return model;
    }

    private static string BaselineBody(IReadOnlyList<MigrationOperation> upgrade, IReadOnlyDictionary<MigrationOperation, IReadOnlyList<string>> notes) =>
        "// Generated by retort baseline --from-live: the schema of the database it adopted, which was stamped at this\n" +
        "// revision instead of running it. On an empty database the upgrade builds the same schema.\n" +
        CSharpWriter.Operations(upgrade, "", notes);

    // The comparison of the proof: autogenerate's, with everything it can compare on, whatever retort.json turns off: the
    // revision must give back the database's types as declared, its defaults, and the names it gave its objects.
    private IReadOnlyList<string> StrictDifferences(Dialect dialect, DatabaseSchema from, DatabaseSchema to) =>
        SchemaComparer.Compare(to, from, dialect, new CompareOptions
        {
            CompareType = true, CompareServerDefault = true, CompareImplicitNames = true, CompareDeclaredTypes = true, VersionTable = VersionTable,
        }).Upgrade.Select(OperationSummary.Describe).ToList();

    // What check reports with the model classes written, against the live database: what they could not say.
    private async Task<IReadOnlyList<string>> ModelCheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var commands = _commands.With(Config with { Model = Config.Model with { Sources = files, Assemblies = [], Types = [] } });
        await using var session = commands.Session();
        var diff = await ModelComparison.CompareAsync(commands.Config, session.Dialect, session.Table.Name, async token =>
        {
            var connection = await session.OpenAsync(token, MissingFile.Refuse);
            return new LiveSchema(await session.Dialect.InspectAsync(connection, session.OwnTables, token), [], connection, session.OwnTables);
        }, commands.LoadModelAsync, graphIsEmpty: false, cancellationToken);
        return [.. diff.Upgrade.Select(o => "check with these classes reports: " + OperationSummary.Describe(o)),
            .. diff.Warnings.Select(w => "check with these classes warns: " + w)];
    }
}
