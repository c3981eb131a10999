using System.Text;

namespace Retort.Configuration;

/// <summary>
/// Every setting of <c>retort.json</c>, each declared once: its name, its type (the factory that declares it), its
/// default, what its value must satisfy, where it lands in <see cref="RetortConfig"/>, and its line in the README.
/// Reading, checking, the "did you mean" suggestion, <see cref="RetortConfig"/>'s defaults and the README's settings
/// table all follow from these declarations.
/// </summary>
internal static class ConfigSettings
{
    // Static fields are set in textual order. The lists come first, so that every declaration can join one; the
    // model's parts come before the model, whose default ModelSettings reads their defaults; and the top-level settings
    // are in the README's order, which is also the order they are checked and applied in: scriptLocation before
    // versionLocations and versionTable before logTable, whose defaults follow from those.
    private static readonly List<ConfigSetting<RetortConfig>> top = [];
    private static readonly List<ConfigSetting<ModelSettings>> model = [];
    private static readonly List<ConfigSetting<LintSettings>> lint = [];
    private static readonly List<ConfigSetting<EfCoreSettings>> efCore = [];
    private static readonly List<ConfigSetting<TargetSetSettings>> targetSet = [];

    /// <summary>The top-level settings, in the README's order.</summary>
    public static IReadOnlyList<ConfigSetting<RetortConfig>> All => top;

    public static readonly ConfigSetting<ModelSettings, IReadOnlyList<string>> ModelSources = Texts(model, "sources",
        "globs of C# model source files, compiled with the revisions", (m, v) => m with { Sources = v });

    public static readonly ConfigSetting<ModelSettings, IReadOnlyList<string>> ModelAssemblies = Texts(model, "assemblies",
        "compiled assemblies that hold model classes", (m, v) => m with { Assemblies = v });

    public static readonly ConfigSetting<ModelSettings, IReadOnlyList<string>> ModelTypes = Texts(model, "types",
        "full names of model classes, when not every class of the sources is one", (m, v) => m with { Types = v });

    public static readonly ConfigSetting<ModelSettings, string> ModelNaming = OneOf(model, "naming", ["asIs", "snake_case"],
        "how table and column names follow from C# names: `asIs` or `snake_case`", (m, v) => m with { Naming = v });

    public static readonly ConfigSetting<EfCoreSettings, string?> EfCoreProject = OptionalText(efCore, "project",
        "the folder or .csproj of the application whose DbContext is the model; built before it is read", (e, v) => e with { Project = v });

    public static readonly ConfigSetting<EfCoreSettings, string?> EfCoreAssembly = OptionalText(efCore, "assembly",
        "instead of `project`: the application's built assembly (its .deps.json and .runtimeconfig.json beside it)", (e, v) => e with { Assembly = v });

    public static readonly ConfigSetting<EfCoreSettings, string?> EfCoreContext = OptionalText(efCore, "context",
        "the DbContext's name or full name, when the application has more than one", (e, v) => e with { Context = v });

    public static readonly ConfigSetting<EfCoreSettings, string> EfCoreConfiguration = Text(efCore, "configuration", "Debug",
        "the build configuration of `project`", (e, v) => e with { Configuration = v });

    public static readonly ConfigSetting<EfCoreSettings, IReadOnlyList<string>> EfCoreEnvironment = Texts(efCore, "environment",
        "environment variables the context's model depends on (`NAME`, or `PREFIX*`), besides `ASPNETCORE_ENVIRONMENT`, `DOTNET_ENVIRONMENT` " +
        "and `ConnectionStrings__*`: a change of their values reads the model again", (e, v) => e with { Environment = v });

    public static readonly ConfigSetting<ModelSettings, EfCoreSettings> ModelEfCore = Group(model, "efCore", efCore, new EfCoreSettings(),
        "an EF Core DbContext as the model (`project` or `assembly`, `context`, `configuration`, `environment`); `sources`, `assemblies` and `types` are then not used",
        (m, v) => m with { EfCore = v });

    public static readonly ConfigSetting<LintSettings, IReadOnlyList<string>> LintFailOn = Texts(lint, "failOn",
        "lint categories (`destructive`, `data`, `locking`, `breaking`, `hygiene`) or rule codes (`RT301`) whose findings make `upgrade` " +
        "refuse the revisions it would apply; `check` and `revision --autogenerate` name them", (l, v) => l with { FailOn = v });

    public static readonly ConfigSetting<TargetSetSettings, string?> TargetsQuery = OptionalText(targetSet, "query",
        "SQL run on the section's database whose first column lists the targets", (t, v) => t with { Query = v });

    public static readonly ConfigSetting<TargetSetSettings, string?> TargetsFile = OptionalText(targetSet, "file",
        "instead of `query`: a file listing the targets, one a line (blank lines and `#` comments skipped); relative to the config file",
        (t, v) => t with { File = v });

    public static readonly ConfigSetting<TargetSetSettings, string> TargetsEach = OneOf(targetSet, "each", ["url", "schema"],
        "what each listed value is: `url` (a database URL) or `schema` (a PostgreSQL schema of the section's database, which becomes " +
        "the target's `search_path` and `versionTableSchema`)", (t, v) => t with { Each = v });

    public static readonly ConfigSetting<RetortConfig, string> ScriptLocation = Text(top, "scriptLocation", "migrations",
        "folder with `Env.cs`, `script.cs.template`, `versions/`",
        (c, v) => c with { ScriptLocation = Path.GetFullPath(v, c.BaseDirectory) });

    public static readonly ConfigSetting<RetortConfig, IReadOnlyList<string>> VersionLocations = Texts(top, "versionLocations",
        "several folders may hold revisions of one graph",
        (c, v) => c with
        {
            VersionLocations = v.Count > 0 ? [.. v.Select(p => Path.GetFullPath(p, c.BaseDirectory))] : [Path.Combine(c.ScriptLocation, "versions")],
        },
        shown: "`[<scriptLocation>/versions]`");

    public static readonly ConfigSetting<RetortConfig, bool> RecursiveVersionLocations = Flag(top, "recursiveVersionLocations", false,
        "also read subfolders", (c, v) => c with { RecursiveVersionLocations = v });

    public static readonly ConfigSetting<RetortConfig, string?> Url = OptionalText(top, "url",
        "`sqlite:///app.db`, `postgresql://…`, `mysql://…`, `mariadb://…`, `sqlserver://…`", (c, v) => c with { Url = v });

    public static readonly ConfigSetting<RetortConfig, string?> Provider = OptionalText(top, "provider",
        "with `connectionString`, instead of `url`: `sqlite`, `postgresql`, `mysql`, `mariadb`, `sqlserver` or an ADO.NET provider's name",
        (c, v) => c with { Provider = v });

    public static readonly ConfigSetting<RetortConfig, string?> ConnectionString = OptionalText(top, "connectionString",
        "with `provider`, instead of `url`", (c, v) => c with { ConnectionString = v });

    public static readonly ConfigSetting<RetortConfig, ModelSettings> Model = Group(top, "model", model, new ModelSettings(),
        "the model for autogenerate, in the `model.…` settings below", (c, v) => c with { Model = v },
        check: (v, _) => v.EfCore switch
        {
            { Project: not null, Assembly: not null } => "name efCore.project or efCore.assembly, not both",
            { Project: null, Assembly: null } and ({ Context: not null } or { Configuration: not "Debug" }) => "name efCore.project or efCore.assembly",
            _ => null,
        });

    public static readonly ConfigSetting<RetortConfig, string> VersionTable = Text(top, "versionTable", "retort_version",
        "`alembic_version` adopts an Alembic database", (c, v) => c with { VersionTable = v },
        (v, _) => v.Length == 0 ? "not be empty" : null);

    public static readonly ConfigSetting<RetortConfig, string?> VersionTableSchema = OptionalText(top, "versionTableSchema",
        "the version table's schema, when not the default one", (c, v) => c with { VersionTableSchema = v });

    public static readonly ConfigSetting<RetortConfig, bool> Log = Flag(top, "log", true,
        "keep the log of applied steps beside the version table (see below); `\"log\": false` keeps none", (c, v) => c with { Log = v });

    public static readonly ConfigSetting<RetortConfig, string?> LogTable = OptionalText(top, "logTable",
        "the log's table, in the version table's schema", (c, v) => c with { LogTable = v ?? LogTableOf(c.VersionTable) },
        shown: "`VERSIONTABLE_log`",
        check: (v, values) => v switch
        {
            { Length: 0 } => "not be empty; set \"log\": false to keep no log",
            _ when string.Equals(v, values.Get(VersionTable), StringComparison.OrdinalIgnoreCase) => $"differ from '{VersionTable.Name}' ({values.Get(VersionTable)})",
            _ => null,
        });

    public static readonly ConfigSetting<RetortConfig, string> FileTemplate = Text(top, "fileTemplate", "{rev}_{slug}",
        "tokens `{rev} {slug} {epoch} {year} {month} {day} {hour} {minute} {second}`", (c, v) => c with { FileTemplate = v },
        (v, _) => v.Contains("{rev}", StringComparison.Ordinal) ? null : "contain {rev} so that every revision gets its own file");

    public static readonly ConfigSetting<RetortConfig, int> TruncateSlugLength = Number(top, "truncateSlugLength", 40,
        "the longest slug in a file name; a longer one is cut at a word boundary", (c, v) => c with { TruncateSlugLength = v },
        (v, _) => v < 1 ? "be at least 1" : null);

    public static readonly ConfigSetting<RetortConfig, string?> Timezone = OptionalText(top, "timezone",
        "time zone of `CreateDate`, e.g. `UTC`", (c, v) => c with { Timezone = v }, shown: "local time");

    public static readonly ConfigSetting<RetortConfig, bool> TransactionPerMigration = Flag(top, "transactionPerMigration", false,
        "commit after each revision instead of once for the whole run", (c, v) => c with { TransactionPerMigration = v });

    public static readonly ConfigSetting<RetortConfig, bool> CompareType = Flag(top, "compareType", true,
        "autogenerate compares column types", (c, v) => c with { CompareType = v });

    public static readonly ConfigSetting<RetortConfig, bool> CompareServerDefault = Flag(top, "compareServerDefault", false,
        "autogenerate compares server defaults", (c, v) => c with { CompareServerDefault = v });

    public static readonly ConfigSetting<RetortConfig, bool> CompareImplicitNames = Flag(top, "compareImplicitNames", false,
        "autogenerate renames indexes and constraints whose names the model leaves to convention when the database chose others",
        (c, v) => c with { CompareImplicitNames = v });

    public static readonly ConfigSetting<RetortConfig, bool> CompareDeclaredTypes = Flag(top, "compareDeclaredTypes", false,
        "on SQLite, autogenerate compares declared types by their text, not only by affinity", (c, v) => c with { CompareDeclaredTypes = v });

    public static readonly ConfigSetting<RetortConfig, bool> SqliteAutoBatch = Flag(top, "sqliteAutoBatch", false,
        "on SQLite, run operations that need the table rebuilt as batches instead of refusing them", (c, v) => c with { SqliteAutoBatch = v });

    public static readonly ConfigSetting<RetortConfig, string> Lock = OneOf(top, "lock", ["session", "table", "none"],
        "how runs changing one database keep apart: `session` (PostgreSQL advisory lock, MySQL/MariaDB `GET_LOCK`, SQL Server " +
        "`sp_getapplock`, on a connection of their own; a file lock `DB.retort-lock` beside a SQLite database; the lease below on a Galera, " +
        "CockroachDB or YugabyteDB cluster, where a session lock holds on one node only), `table` (a lease " +
        "row in `VERSIONTABLE_lock`, renewed every third of `lockLease`, taken over once it expires: for PgBouncer in transaction " +
        "mode), `none`",
        (c, v) => c with { Lock = v });

    public static readonly ConfigSetting<RetortConfig, int> LockTimeout = Number(top, "lockTimeout", 300,
        "seconds a run waits for another run's lock before giving up", (c, v) => c with { LockTimeout = v },
        (v, _) => v < 0 ? "be 0 or more seconds" : null);

    public static readonly ConfigSetting<RetortConfig, int> LockLease = Number(top, "lockLease", 30,
        "seconds a lease of the lock table lasts unrenewed (at least 3); a run that finds its lease taken over (it was paused " +
        "past it: SIGSTOP, a long GC, a VM pause) stops before its next statement",
        (c, v) => c with { LockLease = v },
        (v, _) => v < 3 ? "be at least 3 seconds" : null);

    public static readonly ConfigSetting<RetortConfig, LintSettings> Lint = Group(top, "lint", lint, new LintSettings(),
        "what lint findings stop a run, in the `lint.…` settings below", (c, v) => c with { Lint = v });

    public static readonly ConfigSetting<RetortConfig, IReadOnlyList<string>> Databases = Texts(top, "databases",
        "several databases that one revision serves (the `multidb` template)", (c, v) => c with { Databases = v });

    public static readonly ConfigSetting<RetortConfig, IReadOnlyList<string>> Tags = Texts(top, "tags",
        "names that choose this section among the fleet: `--where tag=NAME`", (c, v) => c with { Tags = v });

    public static readonly ConfigSetting<RetortConfig, TargetSetSettings> Targets = Group(top, "targets", targetSet, new TargetSetSettings(),
        "in a section: the databases it stands for, read at run time (`query` or `file`, and `each`); `--all` runs each of them",
        (c, v) => c with { Targets = v.File is null ? v : v with { File = Path.GetFullPath(v.File, c.BaseDirectory) } },
        check: (v, _) => v is { Query: not null, File: not null } ? "name targets.query or targets.file, not both" : null);

    /// <summary>Read by <see cref="ConfigFile"/>, which applies the chosen one over the top level.</summary>
    public static readonly ConfigSetting<RetortConfig> Sections = Kept(top, "sections",
        "named sections of settings; `-n NAME` picks a section that overrides the top level");

    public static readonly ConfigSetting<RetortConfig> Schema = Kept(top, "$schema",
        "the JSON schema an editor checks the file against; Retort ignores it");

    /// <summary>The log table's name when <c>logTable</c> is not set.</summary>
    public static string LogTableOf(string versionTable) => versionTable + "_log";

    /// <summary>The README's settings table: a row for each setting, and one for each part of the model (<c>model.sources</c>).</summary>
    public static string MarkdownTable()
    {
        var table = new StringBuilder("| setting | default | meaning |\n| --- | --- | --- |\n");
        foreach (var setting in All)
        {
            Row(setting.Name, setting);
            foreach (var part in setting.Parts)
            {
                Row($"{setting.Name}.{part.Name}", part);
                foreach (var inner in part.Parts)
                    Row($"{setting.Name}.{part.Name}.{inner.Name}", inner);
            }
        }
        return table.ToString();

        void Row(string name, ConfigSetting setting) =>
            table.Append($"| `{name}` |{Cell(setting.ShownDefault)}|{Cell(setting.Doc)}|\n");

        static string Cell(string text) => text.Length == 0 ? " " : $" {text} ";
    }

    private static ConfigSetting<TTarget, string> Text<TTarget>(List<ConfigSetting<TTarget>> table, string name, string value,
        string doc, Func<TTarget, string, TTarget> apply, Func<string, ConfigReader, string?>? check = null) =>
        Join(table, new ConfigSetting<TTarget, string>(name, value, Code(value), doc, (r, key, v) => r.String(key, v), apply, check));

    private static ConfigSetting<TTarget, string?> OptionalText<TTarget>(List<ConfigSetting<TTarget>> table, string name,
        string doc, Func<TTarget, string?, TTarget> apply, string shown = "", Func<string?, ConfigReader, string?>? check = null) =>
        Join(table, new ConfigSetting<TTarget, string?>(name, null, shown, doc, (r, key, v) => r.String(key, v), apply, check));

    private static ConfigSetting<TTarget, IReadOnlyList<string>> Texts<TTarget>(List<ConfigSetting<TTarget>> table, string name,
        string doc, Func<TTarget, IReadOnlyList<string>, TTarget> apply, string shown = "") =>
        Join(table, new ConfigSetting<TTarget, IReadOnlyList<string>>(name, [], shown, doc, (r, key, v) => r.Strings(key, v), apply));

    private static ConfigSetting<TTarget, bool> Flag<TTarget>(List<ConfigSetting<TTarget>> table, string name, bool value,
        string doc, Func<TTarget, bool, TTarget> apply) =>
        Join(table, new ConfigSetting<TTarget, bool>(name, value, Code(value ? "true" : "false"), doc, (r, key, v) => r.Bool(key, v), apply));

    private static ConfigSetting<TTarget, int> Number<TTarget>(List<ConfigSetting<TTarget>> table, string name, int value,
        string doc, Func<TTarget, int, TTarget> apply, Func<int, ConfigReader, string?> check) =>
        Join(table, new ConfigSetting<TTarget, int>(name, value, Code($"{value}"), doc, (r, key, v) => r.Int(key, v), apply, check));

    // The first choice is the default.
    private static ConfigSetting<TTarget, string> OneOf<TTarget>(List<ConfigSetting<TTarget>> table, string name, string[] choices,
        string doc, Func<TTarget, string, TTarget> apply) =>
        Join(table, new ConfigSetting<TTarget, string>(name, choices[0], Code(choices[0]), doc, (r, key, v) => r.Choice(key, v, choices), apply));

    private static ConfigSetting<TTarget, TValue> Group<TTarget, TValue>(List<ConfigSetting<TTarget>> table, string name,
        List<ConfigSetting<TValue>> parts, TValue value, string doc, Func<TTarget, TValue, TTarget> apply,
        Func<TValue, ConfigReader, string?>? check = null) =>
        Join(table, new ConfigSetting<TTarget, TValue>(name, value, Code("{}"), doc, (r, key, v) => r.Object(name, key, v, parts, value), apply,
            check, parts: parts));

    private static ConfigSetting<TTarget, bool> Kept<TTarget>(List<ConfigSetting<TTarget>> table, string name, string doc) =>
        Join(table, new ConfigSetting<TTarget, bool>(name, false, "", doc, null, (target, _) => target));

    private static TSetting Join<TTarget, TSetting>(List<ConfigSetting<TTarget>> table, TSetting setting)
        where TSetting : ConfigSetting<TTarget>
    {
        table.Add(setting);
        return setting;
    }

    private static string Code(string text) => $"`{text}`";
}
