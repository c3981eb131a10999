using Retort.Autogenerate;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Execution;
using Retort.Model;
using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Compares the model with the live database: the operations that would bring the database to the model, their
    /// reverses, and warnings. The database must be at its heads (otherwise the comparison would re-propose what
    /// unapplied revisions already do).
    /// </summary>
    public async Task<SchemaDiff> CompareAsync(CancellationToken cancellationToken = default)
    {
        var map = Scripts.Map;
        var (url, dialect, table, _) = Database();
        // The database is read while the model is compiled and reflected: neither needs the other, and connecting
        // (TLS, authentication, the provider's own start-up) costs about as much as the model.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadLiveAsync(url, dialect, table, map, stop.Token), stop.Token);
        try
        {
            var source = LoadMigrations();
            var environment = source.CreateEnvironment();
            if (environment is not null)
                environment.XArguments = Config.XArguments;
            var model = SchemaModel.FromTypes(FilterModelTypes(source.ModelTypes),
                new ModelOptions { Naming = Config.Model.Naming == "snake_case" ? NamingConvention.SnakeCase : NamingConvention.AsIs });
            var wanted = environment?.TargetSchema(model) ?? model;
            if (wanted.Tables.Count == 0 && wanted.Views.Count == 0 && map.All.Count == 0)
                throw new RetortException($"No model classes were found: set \"model\": {{ \"sources\": [\"Models/**/*.cs\"] }} in {Config.FilePath ?? "the config"} (or model.assemblies / model.types), or return the schema from Env.TargetSchema");

            var (live, logWarnings, connection) = await reading;
            await using var open = connection;
            if (ReferenceEquals(wanted, model) && model.Tables.Count == 0 && live.Tables.Count > 0)
                throw new RetortException($"The model has no tables and the database has {live.Tables.Count} ({string.Join(", ", live.Tables.Take(5).Select(t => t.Name))}" +
                    $"{(live.Tables.Count > 5 ? ", ..." : "")}): autogenerate would drop them all. Check model.sources in {Config.FilePath ?? "the config"} " +
                    "(or model.assemblies / model.types); if every table is to go, return new DatabaseSchema([], []) from Env.TargetSchema");
            var options = new CompareOptions
            {
                CompareType = Config.CompareType,
                CompareServerDefault = Config.CompareServerDefault,
                CompareImplicitNames = Config.CompareImplicitNames,
                CompareDeclaredTypes = Config.CompareDeclaredTypes,
                Include = environment is null ? null : environment.Include,
                VersionTable = table.Name,
            };
            var diff = await SchemaComparer.CompareAsync(wanted, live, dialect, environment?.Comparison(options) ?? options, connection, cancellationToken);
            return logWarnings.Count == 0 ? diff : diff with { Warnings = [.. logWarnings, .. diff.Warnings] };
        }
        catch (Exception)
        {
            // The model's error, when there is one, is what the user sees: the database read is stopped, and its own
            // failure (a cancellation, most likely) observed and dropped.
            await stop.CancelAsync();
            await reading.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.Connection.DisposeAsync().AsTask() : Task.CompletedTask,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
            throw;
        }
    }

    // The live schema, once the database is known to be at its heads (otherwise the comparison would re-propose what
    // unapplied revisions already do), the log's warnings about applied scripts edited since, and the connection, still
    // open for the comparison's questions to the database (the caller closes it).
    private async Task<(DatabaseSchema Live, List<string> LogWarnings, System.Data.Common.DbConnection Connection)> ReadLiveAsync(DatabaseUrl url, Dialect dialect,
        VersionTable table, RevisionMap map, CancellationToken cancellationToken)
    {
        // A SQLite file not made yet reads as an empty database, and stays unmade.
        var connection = await OpenAsync(url, cancellationToken, MissingFile.ReadAsEmpty);
        try
        {
            var (live, warnings) = await ReadLiveAsync(connection, dialect, table, map, cancellationToken);
            return (live, warnings, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<(DatabaseSchema Live, List<string> LogWarnings)> ReadLiveAsync(System.Data.Common.DbConnection connection, Dialect dialect,
        VersionTable table, RevisionMap map, CancellationToken cancellationToken)
    {
        var sink = new DatabaseSink(connection);
        var heads = await VersionTableExistsAsync(sink, table, cancellationToken)
            ? await ReadHeadsAsync(sink, table, map, cancellationToken)
            : [];
        var expected = map.RealHeads.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        if (!heads.Order(StringComparer.Ordinal).SequenceEqual(expected))
            throw new RetortException($"The database is not up to date (it is at {Describe(heads)}; the heads are {Describe(expected)}); run 'retort upgrade heads' first, so that autogenerate does not propose again what revisions already do");
        var log = LogFor(dialect);
        var logWarnings = log is not null && await LogExistsAsync(sink, log, cancellationToken)
            ? await ChangedScriptsAsync(sink, log, map, heads, cancellationToken)
            : [];
        // Retort's own tables are not the model's business.
        TableName[] ownTables = [table.Name, new(Config.LogTable, Config.VersionTableSchema), new(Config.VersionTable + "_lock", Config.VersionTableSchema)];
        return (await dialect.InspectAsync(connection, ownTables, cancellationToken), logWarnings);
    }

    /// <summary>
    /// Writes a revision whose upgrade and downgrade are what <see cref="CompareAsync"/> finds (<c>revision
    /// --autogenerate</c>); its warnings go to the log. The file carries a comment asking for review.
    /// </summary>
    public async Task<(RevisionHeader Header, SchemaDiff Diff)> AutogenerateAsync(RevisionRequest request, DateTimeOffset? now = null,
        CancellationToken cancellationToken = default)
    {
        var diff = await CompareAsync(cancellationToken);
        foreach (var warning in diff.Warnings)
            Log.WriteLine($"warning: {warning}");
        var map = Scripts.Map;
        var parents = ParentsFor(map, request.Head ?? "head", request.Splice);
        var dependsOn = (request.DependsOn ?? []).Select(d => ResolveDependency(map, d)).ToList();
        var header = Write(request.Message, parents, request.BranchLabels ?? [], dependsOn, request.RevisionId,
            request.VersionPath, now, Body(diff.Upgrade, diff.Notes), Body(diff.Downgrade, null));
        return (header, diff);
    }

    private static string Body(IReadOnlyList<Ops.MigrationOperation> operations, IReadOnlyDictionary<Ops.MigrationOperation, IReadOnlyList<string>>? notes) =>
        operations.Count == 0 ? "" :
            "// Generated by retort revision --autogenerate: review before you apply it.\n" +
            CSharpWriter.Operations(operations, "", notes);

    private IEnumerable<Type> FilterModelTypes(IReadOnlyList<Type> types) =>
        Config.Model.Types.Count == 0
            ? types
            : Config.Model.Types.Select(name => types.FirstOrDefault(t => t.FullName == name || t.Name == name)
                ?? throw new RetortException($"model.types names '{name}', which no model source or assembly declares"));

    private static string Describe(IReadOnlyList<string> revisions) => revisions.Count == 0 ? "base" : string.Join(", ", revisions);
}
