using System.CommandLine;

namespace Retort.Cli;

/// <summary>
/// <c>check</c>: exit 1 and list the operations when autogenerate would produce any (for CI); exit 2 when it could not
/// compare (no database, a broken model), so CI can tell "the model changed" from "the check is broken".
/// </summary>
internal static class CheckCommand
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var check = new Command("check", "Exit 1 and list the operations when the model and the database differ; 0 when they agree; 2 when they cannot be compared");
        check.SetAction(async (result, ct) =>
        {
            output.ErrorExitCode = 2;
            var commands = CliCommands.Create(global.Load(result), output);
            var diff = await commands.CompareAsync(ct);
            foreach (var warning in diff.Warnings)
                output.Info($"warning: {warning}");
            if (diff.Upgrade.Count == 0)
            {
                output.Line("No new upgrade operations detected.");
                return 0;
            }
            output.Line($"New upgrade operations detected ({diff.Upgrade.Count}):");
            foreach (var operation in diff.Upgrade)
                output.Line($"  {OperationSummary.Describe(operation)}");
            return 1;
        });
        root.Add(check);
    }
}
