using Retort.Configuration;
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
public sealed partial class Commands(RetortConfig config)
{
    private ScriptDirectory? _scripts;

    /// <summary>The project's settings.</summary>
    public RetortConfig Config { get; } = config;

    /// <summary>The project's revision files and graph, read once per instance.</summary>
    public ScriptDirectory Scripts => _scripts ??= ScriptDirectory.Load(Config);

    /// <summary>Forgets the graph read so far, after files changed on disk.</summary>
    public void Reload() => _scripts = null;
}
