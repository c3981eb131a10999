using System.CommandLine;

namespace Retort.Cli;

/// <summary><c>compile</c>, <c>check</c>, <c>verify</c> and <c>squash</c>: the checks CI runs on a project, its revisions' code and its model, and the squash they prove.</summary>
internal static class CheckCommands
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var compile = new Command("compile", "Compile Env.cs and the revision files (cached by content; nothing recompiles when nothing changed)");
        compile.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global, global.Load(result), TextWriter.Null);
            var compiled = await Scripting.CompiledMigrationSource.CompileAsync(commands.Scripts, ct);
            output.Line($"{compiled.RevisionIds.Count} revision(s) {(compiled.FromCache ? "loaded from the cache" : "compiled")}");
            // Why an upgrade starts the runtime or not, which the user cannot otherwise tell.
            if (Scripting.CompiledMigrationSource.RecordingSummary(compiled, commands.Scripts) is { } recording)
                output.Line(recording);
            return 0;
        });
        root.Add(compile);

        // Exit 1 means "the model changed" and 2 "the check is broken" (no database, a broken model), so that CI can tell
        // the two apart.
        var drift = new Option<bool>("--drift")
        {
            Description = "Compare the database with what its revisions make instead (replayed on a scratch database on the same server): exit 1 and list what was changed by hand",
        };
        var checkJson = InspectCommands.JsonOption();
        var check = new Command("check", "Exit 1 and list the operations when the model and the database differ; 0 when they agree; 2 when they cannot be compared")
        {
            drift, checkJson,
        };
        var fleet = new FleetOptions(check);
        check.Validators.Add(r =>
        {
            if (fleet.Wanted(r) && r.GetValue(drift))
                r.AddError("--drift is for one database, not --all");
        });
        check.SetAction(async (result, ct) =>
        {
            output.ErrorExitCode = 2;
            if (fleet.Wanted(result))
            {
                var report = await fleet.RunAsync(result, global, output, result.GetValue(checkJson), scripts: false, (f, token) => f.CheckAsync(token), ct);
                return !report.Succeeded ? 2 : report.Results.Any(r => r.Status == "changed") ? 1 : 0;
            }
            if (result.GetValue(drift))
            {
                var report = await CliCommands.Create(global, global.Load(result), output).SafetyNet.DriftAsync(cancellationToken: ct);
                output.Lines(result.GetValue(checkJson) ? [CommandJson.Drift(report)] : CommandText.Drift(report));
                return report.Drifted ? 1 : 0;
            }
            if (result.GetValue(checkJson))
            {
                var checkResult = await CommandJson.CheckAsync(CliCommands.Create(global, FleetOptions.Single(global.Load(result), result, global), output), ct);
                output.Line(checkResult.Json);
                return checkResult.Changed ? 1 : 0;
            }
            var operations = await CommandText.CheckAsync(CliCommands.Create(global, FleetOptions.Single(global.Load(result), result, global), output), ct);
            if (operations.Count == 0)
            {
                output.Line("No new upgrade operations detected.");
                return 0;
            }
            output.Line($"New upgrade operations detected ({operations.Count}):");
            output.Lines(operations.Select(operation => $"  {operation}"));
            return 1;
        });
        root.Add(check);

        var range = new Option<string?>("--range", "-r") { Description = "The revisions to verify, FROM:TO (either side may be left out); all by default" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var severalHeads = new Option<bool>("--several-heads") { Description = "Do not fail a graph with more than one head" };
        var verify = new Command("verify", "Run each revision up, down and up again on a scratch database (a temporary SQLite file, or one made " +
            "and dropped on the server of --url) and fail when a downgrade does not give back the schema before its upgrade")
        {
            range, json, severalHeads,
        };
        verify.SetAction(async (result, ct) =>
        {
            output.ErrorExitCode = 2;
            var request = new VerifyRequest(result.GetValue(range), result.GetValue(global.Url), result.GetValue(severalHeads));
            var config = global.Load(result) with { Url = null };
            var report = await CliCommands.Create(global, config, output).SafetyNet.VerifyAsync(request, ct);
            output.Lines(result.GetValue(json) ? [report.ToJson()] : CommandText.Verify(report));
            return report.Passed ? 0 : 1;
        });
        root.Add(verify);

        var lintRange = new Option<string?>("--range", "-r")
        {
            Description = "The revisions to lint, FROM:TO (either side may be left out); all by default, or with --url the ones the database has not applied",
        };
        var lintJson = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var explain = new Option<string?>("--explain")
        {
            Description = "Explain rule CODE (what goes wrong, the safe way); without CODE, list every rule",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var lint = new Command("lint", "Judge revisions by their operations for the project's database: data loss, failures on existing rows, " +
            "locks on busy tables, changes that break the running application. With --url, read the server's version and count the rows each " +
            "finding would meet. Exit 1 on any error or warning")
        {
            lintRange, lintJson, explain,
        };
        lint.SetAction(async (result, ct) =>
        {
            output.ErrorExitCode = 2;
            if (result.GetResult(explain) is not null)
            {
                output.Lines(CommandText.Explain(result.GetValue(explain)));
                return 0;
            }
            var request = new LintRequest(result.GetValue(lintRange), Live: result.GetValue(global.Url) is not null);
            var report = await CliCommands.Create(global, global.Load(result), output).SafetyNet.LintAsync(request, ct);
            output.Lines(result.GetValue(lintJson) ? [report.ToJson()] : CommandText.Lint(report));
            return report.Passed ? 0 : 1;
        });
        root.Add(lint);

        var squashRange = new Argument<string>("FROM:TO") { Description = "The revisions to replace, one line of them, both ends included (as verify -r reads a range)" };
        var message = new Option<string>("--message", "-m") { Description = "The squash revision's summary line", Required = true };
        var keepData = new Option<bool>("--keep-data-migrations")
        {
            Description = "Copy the range's data operations (op.Execute, op.BulkInsert) into the squash after its schema operations; without it a range that changes data is refused",
        };
        var revId = new Option<string?>("--rev-id") { Description = "The id to use instead of a random one", HelpName = "ID" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and prove the squash, but write and delete nothing" };
        var squash = new Command("squash", "Replace the revisions FROM:TO with one revision that makes the same schema (computed and proven on scratch " +
            "databases on the project's server or --url's, a temporary SQLite file for SQLite); databases at TO are at it, those past TO are untouched")
        {
            squashRange, message, keepData, revId, dryRun,
        };
        squash.SetAction(async (result, ct) =>
        {
            var request = new SquashRequest(result.GetValue(squashRange)!, result.GetValue(message)!, result.GetValue(keepData), result.GetValue(global.Url),
                result.GetValue(revId), result.GetValue(dryRun));
            var report = await CliCommands.Create(global, global.Load(result), output).SchemaRevisions.SquashAsync(request, ct);
            output.Lines(CommandText.Squash(report));
            return report.Proven ? 0 : 1;
        });
        root.Add(squash);
    }
}
