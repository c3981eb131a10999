using Retort.Configuration;
using Retort.Revisions;
using Retort.Scripting;

namespace Retort.Cli;

/// <summary>The CLI's <see cref="Commands"/>: the providers it brings, Roslyn for the revisions' code, progress on stderr.</summary>
internal static class CliCommands
{
    public static Commands Create(RetortConfig config, Output output) =>
        new(config, Providers.Create, (scripts, ct) => CompileAsync(scripts, ct), output.Error);

    public static async Task<CompiledScripts> CompileScriptsAsync(ScriptDirectory scripts, CancellationToken cancellationToken) =>
        await new ScriptCompiler().CompileAsync(scripts.CompileSources().Select(Output.Display).ToList(),
            scripts.Config.CacheDirectory, null, cancellationToken);

    private static async Task<MigrationSource> CompileAsync(ScriptDirectory scripts, CancellationToken cancellationToken) =>
        new CompiledSource(await CompileScriptsAsync(scripts, cancellationToken));

    private sealed class CompiledSource(CompiledScripts scripts) : MigrationSource
    {
        public override Migration Create(Revision revision) => scripts.CreateMigration(revision.Id);
    }
}
