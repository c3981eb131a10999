using Retort.Configuration;
#if !RETORT_NATIVE
using Retort.EntityFrameworkCore;
using Retort.Scripting;
#endif

namespace Retort.Cli;

/// <summary>The CLI's <see cref="Commands"/>: the providers it brings, Roslyn for the revisions' code, progress on stderr.</summary>
internal static class CliCommands
{
    // A lambda rather than the method group: Retort.Scripting then loads when a command first needs the revisions' code,
    // not with every command. With model.efCore set, the model is the DbContext's (read only when a comparison asks).
    public static Commands Create(GlobalOptions global, RetortConfig config, Output output) => Create(global, config, output.Error);

    /// <summary>Commands whose runs are heard by <paramref name="plan"/> (<c>--sql --json</c>) or <paramref name="progress"/> (a live display), logging to <paramref name="log"/>.</summary>
    /// <remarks>In a bundle (<see cref="GlobalOptions.Bundle"/>), the revisions are its compiled ones and nothing is compiled.</remarks>
    public static Commands Create(GlobalOptions global, RetortConfig config, TextWriter log, MigrationPlan? plan = null, MigrationProgress? progress = null)
    {
#if RETORT_NATIVE
        // The native front runs only commands that read the graph and the version table: no compiler (Engine.Handles).
        return new(config, global.Providers.Create, null, log);
#else
        return global.Bundle is { } bundle ? bundle.Commands(config, global.Providers.Create, log, plan, progress)
            : new(config, global.Providers.Create, async (scripts, ct) => (await CompiledMigrationSource.LoadAsync(scripts, ct)).WithEfCoreModel(config), log)
            {
                Observer = plan is not null ? plan : progress,
            };
#endif
    }
}
