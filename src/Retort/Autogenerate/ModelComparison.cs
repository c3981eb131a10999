using System.Data.Common;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Model;

namespace Retort.Autogenerate;

/// <summary>The live side of a comparison: the schema read, warnings about it, and the connection, still open for the comparer's questions.</summary>
/// <param name="Schema">What the database holds, Retort's own tables left out.</param>
/// <param name="Warnings">Lines for a person, shown before the comparison's own.</param>
/// <param name="Connection">Open; the comparison closes it.</param>
/// <param name="Own">
/// Retort's own tables, left out; when given, the comparison also reads, on <paramref name="Connection"/>, the schemas
/// other than the current one that the model names (see <see cref="OtherSchemas"/>).
/// </param>
internal sealed record LiveSchema(DatabaseSchema Schema, IReadOnlyList<string> Warnings, DbConnection Connection, IReadOnlyCollection<TableName>? Own = null);

/// <summary>The model side: the model classes (or a schema read elsewhere, such as an EF Core model) and the project's environment, if it has one.</summary>
internal sealed record ModelCode(IReadOnlyList<Type> Types, MigrationEnvironment? Environment, DatabaseSchema? Schema = null);

/// <summary>
/// Autogenerate's pipeline: the model (classes reflected into a schema, shaped by the project's environment) against the
/// live database, giving the operations that bring the database to the model.
/// </summary>
internal static class ModelComparison
{
    /// <summary>EF Core's migrations history table, never compared when the model is an EF Core model.</summary>
    public const string EfMigrationsHistory = "__EFMigrationsHistory";

    /// <param name="config">The project's settings (model naming and types, comparison switches).</param>
    /// <param name="dialect">The database's dialect.</param>
    /// <param name="versionTable">The version table, which the comparison leaves alone.</param>
    /// <param name="readLive">Reads the database; runs while the model is compiled and reflected.</param>
    /// <param name="loadModel">Loads the model's code (compiling it where it is source).</param>
    /// <param name="graphIsEmpty">Whether the project has no revision yet.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    public static async Task<SchemaDiff> CompareAsync(RetortConfig config, Dialect dialect, TableName versionTable,
        Func<CancellationToken, Task<LiveSchema>> readLive, Func<CancellationToken, Task<ModelCode>> loadModel, bool graphIsEmpty, CancellationToken cancellationToken)
    {
        // The database is read while the model is compiled and reflected: neither needs the other, and connecting
        // (TLS, authentication, the provider's own start-up) costs about as much as the model.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => readLive(stop.Token), stop.Token);
        try
        {
            var code = await loadModel(stop.Token);
            var environment = code.Environment;
            if (environment is not null)
                environment.XArguments = config.XArguments;
            var model = code.Schema ?? SchemaModel.FromTypes(FilterModelTypes(config, code.Types),
                new ModelOptions { Naming = config.Model.Naming == "snake_case" ? NamingConvention.SnakeCase : NamingConvention.AsIs });
            var wanted = environment?.TargetSchema(model) ?? model;
            if (wanted.Tables.Count == 0 && wanted.Views.Count == 0 && wanted.Sequences.Count == 0 && graphIsEmpty)
                throw new RetortException($"No model classes were found: set \"model\": {{ \"sources\": [\"Models/**/*.cs\"] }} in {config.FilePath ?? "the config"} (or model.assemblies / model.types), or return the schema from Env.TargetSchema");

            var (live, liveWarnings, connection, own) = await reading;
            // A model's table in another schema is compared with that schema's table, and only the schemas the model
            // names are read: a schema it does not name is not the model's to empty.
            if (own is not null && wanted.Tables.Select(t => t.Name.Schema).OfType<string>().ToList() is { Count: > 0 } schemas)
                live = await OtherSchemas.AddAsync(live, schemas, dialect, connection, own, stop.Token);
            // EF Core's history table stays as EF left it: a database adopted from EF migrations keeps it.
            if (code.Schema is not null)
                live = live with { Tables = [.. live.Tables.Where(t => t.Name.Name != EfMigrationsHistory)] };
            await using var open = connection;
            if (ReferenceEquals(wanted, model) && model.Tables.Count == 0 && live.Tables.Count > 0)
                throw new RetortException($"The model has no tables and the database has {live.Tables.Count} ({string.Join(", ", live.Tables.Take(5).Select(t => t.Name))}" +
                    $"{(live.Tables.Count > 5 ? ", ..." : "")}): autogenerate would drop them all. Check model.sources in {config.FilePath ?? "the config"} " +
                    "(or model.assemblies / model.types); if every table is to go, return new DatabaseSchema([], []) from Env.TargetSchema");
            var options = CompareOptions.From(config, versionTable) with { Include = environment is null ? null : environment.Include };
            var diff = await SchemaComparer.CompareAsync(wanted, live, dialect, environment?.Comparison(options) ?? options, connection, cancellationToken);
            return liveWarnings.Count == 0 ? diff : diff with { Warnings = [.. liveWarnings, .. diff.Warnings] };
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

    private static IEnumerable<Type> FilterModelTypes(RetortConfig config, IReadOnlyList<Type> types) =>
        config.Model.Types.Count == 0
            ? types
            : config.Model.Types.Select(name => types.FirstOrDefault(t => t.FullName == name || t.Name == name)
                ?? throw new RetortException($"model.types names '{name}', which no model source or assembly declares"));
}
