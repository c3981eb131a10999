using System.CommandLine;

namespace Retort.Cli;

/// <summary><c>upgrade</c>, <c>downgrade</c>, <c>stamp</c>, <c>current</c>, <c>ensure-version</c>: commands that touch the database.</summary>
internal static class RunCommands
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        root.Add(Move("upgrade", "Upgrade the database to a target (head, heads, +N, an id, LABEL@head; FROM:TO with --sql)", upgrade: true, global, output));
        root.Add(Move("downgrade", "Downgrade the database to a target (-N, base, an id, LABEL@REV; FROM:TO with --sql)", upgrade: false, global, output));

        var revisions = new Argument<string[]>("REVS") { Description = "The revisions to stamp (ids, heads, base; FROM:TO with --sql)", Arity = ArgumentArity.OneOrMore };
        var stampSql = SqlOption();
        var stampNoLog = NoLogOption();
        var purge = new Option<bool>("--purge") { Description = "Empty the version table before stamping" };
        var stampJson = InspectCommands.JsonOption();
        var stamp = new Command("stamp", "Set the version table to revisions without running migrations (of every database of the fleet with --all)")
            { revisions, stampSql, stampNoLog, purge, stampJson };
        var stampFleet = new FleetOptions(stamp);
        stamp.Validators.Add(r => NeedsSql(r, stampNoLog, stampSql));
        stamp.Validators.Add(r =>
        {
            if (r.GetValue(stampJson) && r.GetValue(stampSql))
                r.AddError("--json is for a stamp of the database; with --sql the script is the output");
            if (stampFleet.Wanted(r) && r.GetValue(stampSql))
                r.AddError("--sql is for one database's stamp; --all stamps each database of the fleet");
        });
        stamp.SetAction(async (result, ct) =>
        {
            if (stampFleet.Wanted(result))
                return (await stampFleet.RunAsync(result, global, output, result.GetValue(stampJson), scripts: false,
                    (fleet, token) => fleet.StampAsync(result.GetValue(revisions)!, result.GetValue(purge), token), ct)).Succeeded ? 0 : 1;
            var commands = CliCommands.Create(global, FleetOptions.Single(WithoutLog(global.Load(result), result.GetValue(stampNoLog)), result, global), output);
            if (result.GetValue(stampJson))
            {
                output.Line(await CommandJson.StampAsync(commands, result.GetValue(revisions)!, result.GetValue(purge), ct));
                return 0;
            }
            await commands.StampAsync(result.GetValue(revisions)!, result.GetValue(purge), result.GetValue(stampSql) ? output.Out : null, ct);
            return 0;
        });
        root.Add(stamp);

        CurrentCommand.Add(root, global, output);

        var resolved = new Argument<string>("REV") { Description = "The revision left half applied" };
        var applied = new Option<bool>("--applied") { Description = "Its step was finished by hand: move the version table as the step would have" };
        var rolledBack = new Option<bool>("--rolled-back") { Description = "What ran of it was undone by hand: the next run runs it from the start" };
        var statement = new Option<string>("--statement")
        {
            Description = "The statement in flight when its run stopped, looked at by hand: 'ran' (it took effect) or 'not-run' (it did not)",
            HelpName = "ran|not-run",
        };
        statement.AcceptOnlyFromAmong("ran", "not-run");
        var resolve = new Command("resolve", "Settle a revision left half applied (MySQL, MariaDB) after dealing with it by hand") { resolved, applied, rolledBack, statement };
        resolve.Validators.Add(r =>
        {
            var given = (r.GetValue(applied) ? 1 : 0) + (r.GetValue(rolledBack) ? 1 : 0) + (r.GetValue(statement) is null ? 0 : 1);
            if (given != 1)
                r.AddError("resolve takes one of --applied, --rolled-back and --statement ran|not-run");
        });
        resolve.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global, global.Load(result), output);
            if (result.GetValue(statement) is { } fate)
                await commands.ResolveStatementAsync(result.GetValue(resolved)!, fate == "ran", ct);
            else
                await commands.ResolveAsync(result.GetValue(resolved)!, result.GetValue(applied), ct);
            return 0;
        });
        root.Add(resolve);

        var ensureSql = SqlOption();
        var ensure = new Command("ensure-version", "Create the version table if it is missing") { ensureSql };
        ensure.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global, global.Load(result), output);
            await commands.EnsureVersionAsync(result.GetValue(ensureSql) ? output.Out : null, ct);
            return 0;
        });
        root.Add(ensure);

        var status = new Command("status", "Show who holds the migration lock, if anyone");
        status.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global, global.Load(result), output);
            output.Line(await commands.Lock.DescribeAsync(ct));
            return 0;
        });
        var release = new Command("release", "End the lease in the lock table (\"lock\": \"table\") whoever holds it");
        release.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global, global.Load(result), output);
            output.Line(await commands.Lock.ReleaseAsync(ct) ? "Released the migration lock" : "The migration lock was not held");
            return 0;
        });
        root.Add(new Command("lock", "The migration lock that keeps runs changing one database apart") { status, release });
    }

    private static Option<bool> SqlOption() => new("--sql") { Description = "Write the SQL to stdout instead of connecting (offline mode)" };

    private static Option<bool> NoLogOption() => new("--no-log") { Description = "With --sql: leave the log of applied steps out of the script" };

    private static void NeedsSql(System.CommandLine.Parsing.CommandResult result, Option<bool> noLog, Option<bool> sql)
    {
        if (result.GetValue(noLog) && !result.GetValue(sql))
            result.AddError("--no-log is for --sql; online, set \"log\": false in retort.json");
    }

    private static Configuration.RetortConfig WithoutLog(Configuration.RetortConfig config, bool noLog) => noLog ? config with { Log = false } : config;

    private static Command Move(string name, string description, bool upgrade, GlobalOptions global, Output output)
    {
        var target = new Argument<string>("TARGET") { Description = upgrade ? "head, heads, +N, REV, LABEL@head, or FROM:TO with --sql" : "-N, base, REV, LABEL@REV, or FROM:TO with --sql" };
        var sql = SqlOption();
        var resume = new Option<bool>("--resume") { Description = "Go on with a revision left half applied, after the statements of it that ran (see current -v)" };
        var tag = new Option<string>("--tag") { Description = "A name for this run (a release, a ticket), written into the log with each step" };
        var noLog = NoLogOption();
        var command = new Command(name, description) { target, sql, noLog, resume, tag };
        var phase = new Option<string?>("--phase")
        {
            Description = "One half of a zero-downtime deploy: 'pre' applies the pending revisions up to, not including, the first post-deploy revision on each branch (before the new application starts); 'post' applies the rest (once the old application is gone)",
            HelpName = "pre|post",
        };
        phase.AcceptOnlyFromAmong("pre", "post");
        if (upgrade)
            command.Add(phase);
        var json = new Option<bool>("--json") { Description = "With --sql: print the plan (each step and its statements) as JSON instead of the script (schema retort/v1, see docs/json.md)" };
        command.Add(json);
        var fleet = new FleetOptions(command);
        command.Validators.Add(r => NeedsSql(r, noLog, sql));
        command.Validators.Add(r =>
        {
            if (fleet.Wanted(r))
            {
                if (r.GetValue(json) && r.GetValue(sql))
                    r.AddError("--json with --all prints the fleet's summary; --sql --all prints each target's script, under a '-- target: NAME' line");
                if (r.GetValue(resume) || r.GetValue(noLog))
                    r.AddError("--resume and --no-log are for one database, not --all");
            }
            else if (r.GetValue(json) && !r.GetValue(sql))
                r.AddError("--json is for --sql (the plan of a script) or --all (the fleet's summary); online runs print their progress");
        });
        command.SetAction(async (result, ct) =>
        {
            var offline = result.GetValue(sql);
            var name = result.GetValue(target)!;
            var runPhase = result.GetValue(phase) switch
            {
                "pre" => MigrationPhase.PreDeploy,
                "post" => MigrationPhase.PostDeploy,
                _ => (MigrationPhase?)null,
            };
#if RETORT_NATIVE
            // The front runs one database's upgrade or downgrade from the revisions' recording, printing what the managed
            // CLI prints; the rest (a fleet, a plan as JSON, --resume, live progress) is the managed CLI's.
            if (fleet.Wanted(result) || result.GetValue(json) || result.GetValue(resume)
                || LiveProgress.Wanted(offline, Console.IsErrorRedirected, Environment.GetEnvironmentVariable))
                throw new Engine.HandOffException();
            var commands = Engine.Recorded(WithoutLog(global.Load(result), result.GetValue(noLog)), global, output);
            await (upgrade
                ? commands.UpgradeAsync(name, offline ? output.Out : null, false, result.GetValue(tag), runPhase, ct)
                : commands.DowngradeAsync(name, offline ? output.Out : null, false, result.GetValue(tag), ct));
            return 0;
#else
            if (fleet.Wanted(result))
                return (await fleet.RunAsync(result, global, output, result.GetValue(json), offline, (f, token) =>
                    offline ? f.ScriptAsync(name, upgrade, result.GetValue(tag), token)
                    : upgrade ? f.UpgradeAsync(name, result.GetValue(tag), runPhase, token)
                    : f.DowngradeAsync(name, result.GetValue(tag), token), ct)).Succeeded ? 0 : 1;
            var config = FleetOptions.Single(WithoutLog(global.Load(result), result.GetValue(noLog)), result, global);
            Task Run(Commands commands, TextWriter? script) => upgrade
                ? commands.UpgradeAsync(name, script, result.GetValue(resume), result.GetValue(tag), runPhase, ct)
                : commands.DowngradeAsync(result.GetValue(target)!, script, result.GetValue(resume), result.GetValue(tag), ct);
            if (result.GetValue(json))
            {
                var plan = new MigrationPlan(result.GetValue(target)!);
                await Run(CliCommands.Create(global, config, output.Error, plan), TextWriter.Null);
                output.Line(plan.ToJson());
            }
            else if (LiveProgress.Wanted(offline, Console.IsErrorRedirected, Environment.GetEnvironmentVariable))
                await LiveProgress.RunAsync(LiveProgress.Console(output.Error, Environment.GetEnvironmentVariable),
                    (progress, log) => Run(CliCommands.Create(global, config, log, progress: progress), null));
            else
                await Run(CliCommands.Create(global, config, output), offline ? output.Out : null);
            return 0;
#endif
        });
        return command;
    }
}
