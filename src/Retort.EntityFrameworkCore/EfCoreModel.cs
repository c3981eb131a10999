using System.Text.Json;
using Retort.Configuration;
using Retort.Dialects;
using Retort.EntityFrameworkCore.Probe;

namespace Retort.EntityFrameworkCore;

/// <summary>
/// An EF Core DbContext's design-time model as Retort's wanted schema: the application is built (unless nothing
/// changed), a probe runs inside the application's own dependencies the way <c>dotnet ef</c> runs, and the tables EF's
/// <c>EnsureCreated</c> would create become a <see cref="DatabaseSchema"/> with EF's names.
/// </summary>
/// <example>
/// <code>
/// var commands = new Commands(config, connect, async (scripts, ct) =&gt; (await load(scripts, ct)).WithEfCoreModel(scripts.Config));
/// </code>
/// </example>
public static class EfCoreModel
{
    /// <summary>
    /// The wanted schema of <paramref name="config"/>'s <c>model.efCore</c> setting, for the dialect of its URL. The
    /// probe's output is cached under the project's <c>.retort/cache/efcore</c> by the assembly, the context, the dialect
    /// and the environment variables the model may read (the host's environment and connection strings, and those
    /// <c>efCore.environment</c> names).
    /// </summary>
    /// <exception cref="RetortException">No project or assembly, a failed build, an unknown or ambiguous context, a failed probe, or a provider that does not match the URL.</exception>
    public static async Task<DatabaseSchema> ReadAsync(RetortConfig config, CancellationToken cancellationToken = default)
    {
        var dialect = DatabaseUrl.From(config).Id;
        var model = await ReadProbeAsync(config, dialect, cancellationToken);
        return SchemaConversion.ToSchema(model, dialect);
    }

    /// <summary>The probe's description of the context, from the cache when the assembly, context and dialect are unchanged.</summary>
    internal static async Task<ProbeModel> ReadProbeAsync(RetortConfig config, DialectId dialect, CancellationToken cancellationToken)
    {
        var settings = config.Model.EfCore;
        if (!settings.IsSet)
            throw new RetortException($"model.efCore is not set in {config.FilePath ?? "the config"}: name the application's project or assembly");
        var cache = Path.Combine(config.CacheDirectory, "efcore");
        var assembly = settings.Assembly is { } path
            ? Existing(Path.GetFullPath(path, config.BaseDirectory))
            : await ProjectBuild.BuildAsync(ProjectBuild.ProjectFile(Path.GetFullPath(settings.Project!, config.BaseDirectory)),
                settings.Configuration, cache, cancellationToken);
        var model = await ProbeRun.RunAsync(assembly, settings.Context, dialect, cache, settings.Environment, cancellationToken);
        if (!Matches(model.Provider, dialect))
            throw new RetortException($"The DbContext {model.Context} uses {model.Provider}, but the database URL is {dialect.Name}: point the context at {dialect.Name} (its factory or configuration), or the URL at its database");
        return model;
    }

    /// <summary>
    /// <paramref name="source"/> with the EF Core model of <paramref name="config"/> as its <see cref="MigrationSource.ModelSchemaAsync"/>
    /// when <c>model.efCore</c> is set; otherwise <paramref name="source"/> itself.
    /// </summary>
    public static MigrationSource WithEfCoreModel(this MigrationSource source, RetortConfig config) =>
        config.Model.EfCore.IsSet ? new EfCoreMigrationSource(source, config) : source;

    private static string Existing(string assembly) =>
        File.Exists(assembly) ? assembly : throw new RetortException($"efCore.assembly: {assembly} does not exist; build the application first, or name its project instead");

    private static bool Matches(string provider, DialectId dialect) => provider switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => dialect == DialectId.Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => dialect == DialectId.Postgres,
        "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" => dialect == DialectId.MySql || dialect == DialectId.MariaDb,
        "Microsoft.EntityFrameworkCore.SqlServer" => dialect == DialectId.SqlServer,
        _ => true,
    };

    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private sealed class EfCoreMigrationSource(MigrationSource inner, RetortConfig config) : MigrationSource
    {
        public override Migration Create(Revisions.Revision revision) => inner.Create(revision);

        public override Type? TypeOf(Revisions.Revision revision) => inner.TypeOf(revision);

        public override IReadOnlyList<Type> ModelTypes => [];

        public override MigrationEnvironment? CreateEnvironment() => inner.CreateEnvironment();

        public override async Task<DatabaseSchema?> ModelSchemaAsync(CancellationToken cancellationToken) => await ReadAsync(config, cancellationToken);
    }
}
