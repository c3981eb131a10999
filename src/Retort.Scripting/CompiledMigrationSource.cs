using System.Reflection;
using Retort.Configuration;
using Retort.Revisions;
using Retort.Scripting.Internal;

namespace Retort.Scripting;

/// <summary>
/// The revisions, the environment and the model classes of a project, compiled from its script folder (or loaded from
/// the cache), with the classes of its model assemblies: the <see cref="MigrationSource"/> of the <c>retort</c> tool.
/// </summary>
public sealed class CompiledMigrationSource : MigrationSource
{
    private readonly CompiledScripts _scripts;
    private readonly ScriptDirectory _directory;

    private CompiledMigrationSource(CompiledScripts scripts, ScriptDirectory directory)
    {
        _scripts = scripts;
        _directory = directory;
    }

    /// <summary>The project's code, compiled as <see cref="CompileAsync"/> compiles it; a <see cref="MigrationLoader"/>.</summary>
    public static async Task<MigrationSource> LoadAsync(ScriptDirectory scripts, CancellationToken cancellationToken) =>
        new CompiledMigrationSource(await CompileAsync(scripts, cancellationToken), scripts);

    /// <summary>
    /// Compiles <c>Env.cs</c>, the revision files and the model sources of <paramref name="scripts"/> against its model
    /// assemblies. Errors name each file as the user would type it (<see cref="CommandText.DisplayPath(string)"/>).
    /// </summary>
    /// <exception cref="ScriptCompilationException">The sources do not compile.</exception>
    /// <remarks>
    /// When every revision is only <c>op.</c> calls on constant values, it also records what they call (once per change of
    /// the files, into the cache folder), so that the native front can run upgrades and downgrades without this runtime.
    /// </remarks>
    public static async Task<CompiledScripts> CompileAsync(ScriptDirectory scripts, CancellationToken cancellationToken = default)
    {
        var here = Directory.GetCurrentDirectory();
        var compiled = await new ScriptCompiler { KnownFiles = scripts.Listed }.CompileAsync(
            scripts.CompileSources().Select(p => CommandText.DisplayPath(p, here)).ToList(),
            scripts.Config.CacheDirectory, ModelAssemblies(scripts.Config), cancellationToken);
        compiled.Recorded = ScriptRecorder.Refresh(compiled, scripts);
        return compiled;
    }

    /// <summary>
    /// One line on whether <paramref name="compiled"/>'s revisions are recorded for the native front, or which revision
    /// keeps them from it; null for a project without revisions, or one whose recording could not be written.
    /// </summary>
    public static string? RecordingSummary(CompiledScripts compiled, ScriptDirectory scripts)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(scripts);
        if (compiled.Recorded)
            return "recorded: the native front runs their upgrades and downgrades without the .NET runtime";
        if (compiled.UnrecordedRevisionIds is not [var first, ..] unrecorded)
            return null;
        var file = scripts.Headers.FirstOrDefault(h => h.Id == first)?.Path is { } path ? CommandText.DisplayPath(path) + ", " : "";
        return $"not recorded: {(unrecorded.Count == 1 ? "revision" : $"{unrecorded.Count} revisions, the first")} {first} ({file}{compiled.WhyNotRecorded(first)}) " +
            "is more than op. calls on constant values; the managed CLI runs upgrades and downgrades";
    }

    /// <inheritdoc />
    public override Migration Create(Revision revision) => _scripts.CreateMigration(revision.Id);

    /// <inheritdoc />
    public override Type? TypeOf(Revision revision) => _scripts.MigrationType(revision.Id);

    /// <inheritdoc />
    public override IReadOnlyList<Type> ModelTypes =>
    [
        .. _scripts.TypesDeclaredIn(_directory.ModelSources(), _directory.Config.CacheDirectory),
        .. ModelAssemblies(_directory.Config).SelectMany(path => LoadAssembly(path).GetExportedTypes()),
    ];

    /// <inheritdoc />
    public override MigrationEnvironment? CreateEnvironment() =>
        _scripts.EnvironmentType is { } type
            ? Activator.CreateInstance(type) as MigrationEnvironment
              ?? throw new RetortException($"The Env class must derive from MigrationEnvironment")
            : null;

    private static IReadOnlyList<string> ModelAssemblies(RetortConfig config) =>
        config.Model.Assemblies.Select(a => Path.GetFullPath(a, config.BaseDirectory)).ToList();

    private static Assembly LoadAssembly(string path)
    {
        try
        {
            return Assembly.LoadFrom(path);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException)
        {
            throw new RetortException($"Cannot load model assembly {path}: {e.Message}");
        }
    }
}
