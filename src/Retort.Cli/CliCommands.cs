using Retort.Configuration;
using Retort.EntityFrameworkCore;
using Retort.Scripting;

namespace Retort.Cli;

/// <summary>The CLI's <see cref="Commands"/>: the providers it brings, Roslyn for the revisions' code, progress on stderr.</summary>
internal static class CliCommands
{
    // A lambda rather than the method group: Retort.Scripting then loads when a command first needs the revisions' code,
    // not with every command. With model.efCore set, the model is the DbContext's (read only when a comparison asks).
    public static Commands Create(RetortConfig config, Output output) => Create(config, output.Error);

    /// <summary>Commands whose runs are heard by <paramref name="plan"/> (<c>--sql --json</c>) or <paramref name="progress"/> (a live display), logging to <paramref name="log"/>.</summary>
    public static Commands Create(RetortConfig config, TextWriter log, MigrationPlan? plan = null, MigrationProgress? progress = null) =>
        new(config, Providers.Create, async (scripts, ct) => (await CompiledMigrationSource.LoadAsync(scripts, ct)).WithEfCoreModel(config), log)
        { Observer = plan is not null ? plan : progress };
}
