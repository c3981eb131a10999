using System.Reflection;
using Retort.Configuration;
using Retort.Revisions;
using Retort.Scripting;

namespace Retort.Cli;

/// <summary>The CLI's <see cref="Commands"/>: the providers it brings, Roslyn for the revisions' code, progress on stderr.</summary>
internal static class CliCommands
{
    public static Commands Create(RetortConfig config, Output output) =>
        new(config, Providers.Create, (scripts, ct) => CompileAsync(scripts, ct), output.Error);

    public static async Task<CompiledScripts> CompileScriptsAsync(ScriptDirectory scripts, CancellationToken cancellationToken)
    {
        var here = Directory.GetCurrentDirectory();
        return await new ScriptCompiler { KnownFiles = scripts.Listed }.CompileAsync(scripts.CompileSources().Select(p => Output.Display(p, here)).ToList(),
            scripts.Config.CacheDirectory, ModelAssemblies(scripts.Config), cancellationToken);
    }

    private static async Task<MigrationSource> CompileAsync(ScriptDirectory scripts, CancellationToken cancellationToken) =>
        new CompiledSource(await CompileScriptsAsync(scripts, cancellationToken), scripts);

    private static IReadOnlyList<string> ModelAssemblies(RetortConfig config) =>
        config.Model.Assemblies.Select(a => Path.GetFullPath(a, config.BaseDirectory)).ToList();

    /// <summary>Revisions, the environment and the model classes from the compiled scripts and the model assemblies.</summary>
    private sealed class CompiledSource(CompiledScripts scripts, ScriptDirectory directory) : MigrationSource
    {
        public override Migration Create(Revision revision) => scripts.CreateMigration(revision.Id);

        public override Type? TypeOf(Revision revision) => scripts.MigrationType(revision.Id);

        public override IReadOnlyList<Type> ModelTypes =>
        [
            .. scripts.TypesDeclaredIn(directory.ModelSources(), directory.Config.CacheDirectory),
            .. ModelAssemblies(directory.Config).SelectMany(path => LoadAssembly(path).GetExportedTypes()),
        ];

        public override MigrationEnvironment? CreateEnvironment() =>
            scripts.EnvironmentType is { } type
                ? Activator.CreateInstance(type) as MigrationEnvironment
                  ?? throw new RetortException($"The Env class must derive from MigrationEnvironment")
                : null;

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
}
