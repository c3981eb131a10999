using Retort.Configuration;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

/// <summary>
/// Retort's programmatic API: one method per CLI command, on one project's settings. The CLI only parses
/// arguments, calls these and prints what they return.
/// </summary>
/// <example>
/// <code>
/// var commands = new Commands(ConfigFile.Load("retort.json"));
/// var written = commands.Revision(new RevisionRequest("add new column Address"));
/// foreach (var head in commands.Heads()) Console.WriteLine(head.Id);
/// </code>
/// </example>
public sealed partial class Commands
{
    private ScriptDirectory? _scripts;
    private readonly ConnectionFactory? _connect;
    private readonly MigrationLoader? _loadMigrations;

    /// <summary>
    /// The commands of one project. <paramref name="connect"/> opens connections (the CLI brings the ADO.NET
    /// providers); <paramref name="loadMigrations"/> provides the revisions' code (compiled scripts, or an
    /// application's assembly); <paramref name="log"/> receives progress lines such as <c>Running upgrade a -> b</c>.
    /// </summary>
    public Commands(RetortConfig config, ConnectionFactory? connect = null, MigrationLoader? loadMigrations = null, TextWriter? log = null)
    {
        Config = config;
        _connect = connect;
        _loadMigrations = loadMigrations;
        Log = log ?? TextWriter.Null;
    }

    /// <summary>
    /// The commands of revisions read already, such as <see cref="ScriptDirectory.FromAssemblies"/> gives for migrations
    /// compiled into an application; <see cref="Reload"/> keeps them.
    /// </summary>
    public Commands(ScriptDirectory scripts, ConnectionFactory? connect = null, MigrationLoader? loadMigrations = null, TextWriter? log = null)
        : this(scripts.Config, connect, loadMigrations, log)
    {
        _scripts = scripts;
        _fixedScripts = true;
    }

    private readonly bool _fixedScripts;

    /// <summary>The project's settings.</summary>
    public RetortConfig Config { get; }

    /// <summary>Where progress lines go.</summary>
    public TextWriter Log { get; }

    /// <summary>Hears of each revision and statement as upgrades, downgrades and stamps run them.</summary>
    public MigrationObserver? Observer { get; init; }

    /// <summary>The project's revision files and graph, read once per instance.</summary>
    public ScriptDirectory Scripts => _scripts ??= ScriptDirectory.Load(Config);

    /// <summary>Forgets the graph read so far, after files changed on disk.</summary>
    public void Reload() => _scripts = _fixedScripts ? _scripts : null;

    /// <summary>The database of the settings, for one command; the caller disposes it.</summary>
    internal RunSession Session() => new(Config, _connect, Log, LoadMigrations, path => Scripts.ChecksumOf(path), Observer);

    /// <summary>Runs of the revisions on a scratch database, made on the server of <paramref name="serverUrl"/> or as a temporary SQLite file.</summary>
    internal ScratchRun Scratch(string? serverUrl) => new(Config, serverUrl, _connect, Log, LoadMigrations, path => Scripts.ChecksumOf(path));

    /// <summary>The same commands on <paramref name="scripts"/>: revisions as a change not yet written would leave them.</summary>
    internal Commands With(ScriptDirectory scripts) => new(scripts, _connect, _loadMigrations, Log) { Observer = Observer };

    /// <summary>The same commands on other settings (another model), with the same providers, loader and log.</summary>
    internal Commands With(RetortConfig config) => new(config, _connect, _loadMigrations, Log) { Observer = Observer };

    /// <summary>The checks beyond running the scripts: <c>verify</c>, <c>lint</c>, <c>check --drift</c>.</summary>
    public SafetyNet SafetyNet => _safetyNet ??= new SafetyNet(this);

    private SafetyNet? _safetyNet;

    /// <summary>The migration lock of the configured database: who holds it, and ending a crashed run's lease.</summary>
    public MigrationLockCommands Lock => _lock ??= new MigrationLockCommands(this);

    private MigrationLockCommands? _lock;

    /// <summary>Revisions written from schemas: <c>squash</c>, <c>baseline --from-live</c>.</summary>
    public SchemaRevisions SchemaRevisions => _schemaRevisions ??= new SchemaRevisions(this);

    private SchemaRevisions? _schemaRevisions;

    /// <summary>Runs <paramref name="work"/> on the graph and the database of one command, and disposes the session after.</summary>
    private async Task<T> InSessionAsync<T>(Func<RunSession, RevisionMap, Task<T>> work)
    {
        var map = Scripts.Map;
        await using var session = Session();
        return await work(session, map);
    }

    private Task InSessionAsync(Func<RunSession, RevisionMap, Task> work) => InSessionAsync(async (session, map) => { await work(session, map); return true; });

    /// <summary>The revisions' code, loaded (compiled, or read from the cache) at each call.</summary>
    internal MigrationSource LoadMigrations()
    {
        if (_loadMigrations is null)
            throw new RetortException("These commands were created without a way to load the revisions' code (loadMigrations)");
        return _loadMigrations(Scripts, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static string Describe(IReadOnlyList<string> revisions) => revisions.Count == 0 ? "base" : string.Join(", ", revisions);
}
