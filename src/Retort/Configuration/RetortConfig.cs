namespace Retort.Configuration;

/// <summary>
/// The settings of one Retort project, read from <c>retort.json</c> (see <see cref="ConfigFile"/>), with
/// every path made absolute. The defaults are those the settings' declarations give.
/// </summary>
public sealed record RetortConfig
{
    /// <summary>The file the settings came from, or null for settings built in code.</summary>
    public string? FilePath { get; init; }

    /// <summary>The folder relative paths are resolved against: the config file's folder.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The migration environment folder (Env.cs, script.cs.template, versions/).</summary>
    public required string ScriptLocation { get; init; }

    /// <summary>Folders holding revision files; by default <c>versions/</c> under <see cref="ScriptLocation"/>.</summary>
    public required IReadOnlyList<string> VersionLocations { get; init; }

    /// <summary>Also read revision files in subfolders of the version locations.</summary>
    public bool RecursiveVersionLocations { get; init; } = ConfigSettings.RecursiveVersionLocations.Default;

    /// <summary>The database URL (<c>sqlite:///app.db</c>, <c>postgresql://…</c>, <c>mysql://…</c>, <c>sqlserver://…</c>).</summary>
    public string? Url { get; init; } = ConfigSettings.Url.Default;

    /// <summary>The ADO.NET provider name, when given with <see cref="ConnectionString"/> instead of a URL.</summary>
    public string? Provider { get; init; } = ConfigSettings.Provider.Default;

    /// <summary>The provider's connection string, when given instead of a URL.</summary>
    public string? ConnectionString { get; init; } = ConfigSettings.ConnectionString.Default;

    /// <summary>Where the wanted schema comes from, for autogenerate.</summary>
    public ModelSettings Model { get; init; } = ConfigSettings.Model.Default;

    /// <summary>What lint findings stop a run.</summary>
    public LintSettings Lint { get; init; } = ConfigSettings.Lint.Default;

    /// <summary>The version table's name.</summary>
    public string VersionTable { get; init; } = ConfigSettings.VersionTable.Default;

    /// <summary>The version table's schema, or null for the default one.</summary>
    public string? VersionTableSchema { get; init; } = ConfigSettings.VersionTableSchema.Default;

    /// <summary>
    /// Keep the log of applied steps (revision, direction, script checksum, when, how long, by whom, Retort's
    /// version) beside the version table; on by default.
    /// </summary>
    public bool Log { get; init; } = ConfigSettings.Log.Default;

    /// <summary>The log's table, in the version table's schema; <c>VERSIONTABLE_log</c> unless set.</summary>
    public string LogTable { get; init; } = ConfigSettings.LogTableOf(ConfigSettings.VersionTable.Default);

    /// <summary>New revision file names: tokens <c>{rev}</c>, <c>{slug}</c>, <c>{epoch}</c>, <c>{year}</c>, <c>{month}</c>, <c>{day}</c>, <c>{hour}</c>, <c>{minute}</c>, <c>{second}</c>.</summary>
    public string FileTemplate { get; init; } = ConfigSettings.FileTemplate.Default;

    /// <summary>The longest slug in a file name; longer ones are cut at a word boundary.</summary>
    public int TruncateSlugLength { get; init; } = ConfigSettings.TruncateSlugLength.Default;

    /// <summary>The time zone of <c>CreateDate</c> (an IANA name such as <c>UTC</c>); local time when null.</summary>
    public string? Timezone { get; init; } = ConfigSettings.Timezone.Default;

    /// <summary>Commit after each revision instead of once for the whole run.</summary>
    public bool TransactionPerMigration { get; init; } = ConfigSettings.TransactionPerMigration.Default;

    /// <summary>
    /// On SQLite, run the operations it cannot do in place (type, nullability and default changes, constraints,
    /// dropped columns) as batches that rebuild the table, instead of refusing them and pointing to
    /// <c>op.BatchAlterTable</c>.
    /// </summary>
    public bool SqliteAutoBatch { get; init; } = ConfigSettings.SqliteAutoBatch.Default;

    /// <summary>
    /// How runs that change the database keep each other out: <c>session</c> (the database's session lock, or a
    /// file lock beside a SQLite database), <c>table</c> (a lease row in <c>VERSIONTABLE_lock</c> that expires
    /// after a crash, for PgBouncer in transaction mode) or <c>none</c>.
    /// </summary>
    public string Lock { get; init; } = ConfigSettings.Lock.Default;

    /// <summary>How many seconds a run waits for another run's migration lock before giving up.</summary>
    public int LockTimeout { get; init; } = ConfigSettings.LockTimeout.Default;

    /// <summary>
    /// How many seconds a lease of the lock table (<c>"lock": "table"</c>) lasts without renewal; the run renews it every
    /// third of that, and stops before its next statement once it finds the lease taken over.
    /// </summary>
    public int LockLease { get; init; } = ConfigSettings.LockLease.Default;

    /// <summary>Autogenerate compares column types.</summary>
    public bool CompareType { get; init; } = ConfigSettings.CompareType.Default;

    /// <summary>Autogenerate compares server defaults.</summary>
    public bool CompareServerDefault { get; init; } = ConfigSettings.CompareServerDefault.Default;

    /// <summary>Autogenerate compares the names the model leaves to convention (see <c>CompareOptions.CompareImplicitNames</c>).</summary>
    public bool CompareImplicitNames { get; init; } = ConfigSettings.CompareImplicitNames.Default;

    /// <summary>Autogenerate compares SQLite's declared types by their text, not only by affinity.</summary>
    public bool CompareDeclaredTypes { get; init; } = ConfigSettings.CompareDeclaredTypes.Default;

    /// <summary>The databases one revision serves (the <c>multidb</c> template), else empty.</summary>
    public IReadOnlyList<string> Databases { get; init; } = ConfigSettings.Databases.Default;

    /// <summary>Names that choose this section among the fleet (<c>--where tag=NAME</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = ConfigSettings.Tags.Default;

    /// <summary>The databases a section stands for, read at run time (<c>--all</c>); <see cref="TargetSetSettings.IsSet"/> is false for one database.</summary>
    public TargetSetSettings Targets { get; init; } = ConfigSettings.Targets.Default;

    /// <summary>Key/value pairs from <c>-x KEY=VALUE</c>, for Env.cs.</summary>
    public IReadOnlyDictionary<string, string> XArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The PostgreSQL schema each connection is put in once open (<c>SET search_path</c>), for a member of a schema set:
    /// set per connection rather than in the connection string, so that every schema of a server shares one pool.
    /// </summary>
    internal string? SessionSchema { get; init; }

    /// <summary>The folder of Retort's own cache (compiled scripts), beside the config file.</summary>
    public string CacheDirectory => Path.Combine(BaseDirectory, ".retort", "cache");
}

/// <summary>Where autogenerate finds the wanted schema.</summary>
public sealed record ModelSettings
{
    /// <summary>Globs of C# model source files, compiled with the revisions.</summary>
    public IReadOnlyList<string> Sources { get; init; } = ConfigSettings.ModelSources.Default;

    /// <summary>Compiled assemblies that hold model classes.</summary>
    public IReadOnlyList<string> Assemblies { get; init; } = ConfigSettings.ModelAssemblies.Default;

    /// <summary>Full names of model classes, when not every class of the sources is one.</summary>
    public IReadOnlyList<string> Types { get; init; } = ConfigSettings.ModelTypes.Default;

    /// <summary>How column and table names follow from C# names: <c>asIs</c> (default) or <c>snake_case</c>.</summary>
    public string Naming { get; init; } = ConfigSettings.ModelNaming.Default;

    /// <summary>An EF Core DbContext as the model, when <see cref="EfCoreSettings.IsSet"/>.</summary>
    public EfCoreSettings EfCore { get; init; } = ConfigSettings.ModelEfCore.Default;
}

/// <summary>An EF Core DbContext as autogenerate's model (read by the Retort.EntityFrameworkCore package).</summary>
public sealed record EfCoreSettings
{
    /// <summary>The folder or .csproj of the application; built before its model is read. Relative to the config file.</summary>
    public string? Project { get; init; } = ConfigSettings.EfCoreProject.Default;

    /// <summary>Instead of <see cref="Project"/>: the application's built assembly.</summary>
    public string? Assembly { get; init; } = ConfigSettings.EfCoreAssembly.Default;

    /// <summary>The DbContext's name or full name; required when the application has more than one.</summary>
    public string? Context { get; init; } = ConfigSettings.EfCoreContext.Default;

    /// <summary>The build configuration of <see cref="Project"/>.</summary>
    public string Configuration { get; init; } = ConfigSettings.EfCoreConfiguration.Default;

    /// <summary>
    /// Environment variables (<c>NAME</c>, or <c>PREFIX*</c>) whose values the context's model depends on, besides the host's
    /// environment and connection strings: a change of one reads the model again instead of using the cached one.
    /// </summary>
    public IReadOnlyList<string> Environment { get; init; } = ConfigSettings.EfCoreEnvironment.Default;

    /// <summary>Whether an EF Core model is configured.</summary>
    public bool IsSet => Project is not null || Assembly is not null;
}

/// <summary>
/// A section's set of databases, listed at run time: the rows of <see cref="Query"/> on the section's database, or the
/// lines of <see cref="File"/>; each a database URL or, with <see cref="Each"/> <c>schema</c>, a PostgreSQL schema.
/// </summary>
public sealed record TargetSetSettings
{
    /// <summary>SQL whose first column lists the targets, run on the section's database.</summary>
    public string? Query { get; init; } = ConfigSettings.TargetsQuery.Default;

    /// <summary>A file listing the targets, one a line (absolute once read).</summary>
    public string? File { get; init; } = ConfigSettings.TargetsFile.Default;

    /// <summary>What each listed value is: <c>url</c> or <c>schema</c>.</summary>
    public string Each { get; init; } = ConfigSettings.TargetsEach.Default;

    /// <summary>Whether the section stands for a set of databases rather than one.</summary>
    public bool IsSet => Query is not null || File is not null;
}

/// <summary>What lint findings stop a run.</summary>
public sealed record LintSettings
{
    /// <summary>
    /// Lint categories (<c>destructive</c>, <c>data</c>, <c>locking</c>, <c>breaking</c>, <c>hygiene</c>) or rule codes whose
    /// unsuppressed findings in the revisions an <c>upgrade</c> is about to apply (or <c>check</c> finds pending) stop it.
    /// </summary>
    public IReadOnlyList<string> FailOn { get; init; } = ConfigSettings.LintFailOn.Default;
}
