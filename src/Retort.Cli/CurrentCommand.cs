using System.CommandLine;

namespace Retort.Cli;

/// <summary>
/// <c>current</c>: the revisions the database is at. In the native front too (Engine), for SQLite and PostgreSQL, where it
/// needs no runtime to start; with <c>--all</c> and its options, or on another database, the managed CLI runs it.
/// </summary>
internal static class CurrentCommand
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var currentJson = InspectCommands.JsonOption();
        var current = new Command("current", "Show the revisions the database is at") { currentJson };
#if !RETORT_NATIVE
        var currentFleet = new FleetOptions(current);
#endif
        current.SetAction(async (result, ct) =>
        {
#if RETORT_NATIVE
            var config = global.Load(result);
            // A set of databases, or a database whose provider the front does not carry: the managed CLI's.
            if (!Engine.Carries(config))
                throw new Engine.HandOffException();
            var commands = CliCommands.Create(global, config, output);
#else
            if (currentFleet.Wanted(result))
                return (await currentFleet.RunAsync(result, global, output, result.GetValue(currentJson), scripts: false, (fleet, token) => fleet.CurrentAsync(token), ct)).Succeeded ? 0 : 1;
            var commands = CliCommands.Create(global, FleetOptions.Single(global.Load(result), result, global), output);
#endif
            if (result.GetValue(currentJson))
            {
                output.Line(await CommandJson.CurrentAsync(commands, ct));
                return 0;
            }
            output.Info($"Current revision(s) for {Configuration.DatabaseUrl.From(commands.Config).Display}:");
            if (!result.GetValue(global.Verbose))
            {
                output.Lines(await CommandText.CurrentAsync(commands, ct));
                return 0;
            }
            // Verbose also checks the applied scripts against the log, which reads every one of them.
            var (entries, warnings) = await CommandText.StatusAsync(commands, ct);
            output.Lines(entries);
            foreach (var warning in warnings)
                output.Info($"warning: {warning}");
            return 0;
        });
        root.Add(current);
    }
}
