using System.CommandLine;

namespace Retort.Cli;

/// <summary><c>baseline --from-live</c>: the way in for a database that has no migrations yet.</summary>
internal static class BaselineCommands
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var fromLive = new Option<bool>("--from-live")
        {
            Description = "Read the schema from the project's database (its url, or RETORT_URL); required, as the only source for now",
        };
        var message = new Option<string>("--message", "-m") { Description = "The revision's summary line", DefaultValueFactory = _ => "baseline" };
        var modelOut = new Option<string?>("--model-out")
        {
            Description = "Also write C# model classes for the tables and views into this folder (relative to retort.json's), one file each, for model.sources",
            HelpName = "DIR",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite model files that exist in --model-out" };
        var noStamp = new Option<bool>("--no-stamp") { Description = "Write and prove the revision, but leave the database unstamped" };
        var revId = new Option<string?>("--rev-id") { Description = "The id to use instead of a random one", HelpName = "ID" };
        var baseline = new Command("baseline",
            "Adopt an existing database that has no migrations: write its schema as the first revision (tables, indexes, constraints, " +
            "comments, views), prove it by running it on a scratch database and comparing, and stamp the database at it only when " +
            "they agree; the schema itself is never changed. --url names the server of the scratch database (as verify's), not the " +
            "database to baseline. Exit 1 when the proof finds differences (the revision is kept, the database not stamped)")
        {
            fromLive, message, modelOut, force, noStamp, revId,
        };
        baseline.SetAction(async (result, ct) =>
        {
            if (!result.GetValue(fromLive))
            {
                output.Error.WriteLine("retort: error: baseline needs --from-live, which reads the schema from the project's database (the only source for now); see 'retort baseline --help'");
                return 2;
            }
            var request = new BaselineRequest(result.GetValue(message)!, result.GetValue(modelOut), result.GetValue(force), !result.GetValue(noStamp),
                result.GetValue(global.Url), result.GetValue(revId));
            var report = await CliCommands.Create(global, global.Load(result, urlNamesDatabase: false), output).SchemaRevisions.BaselineAsync(request, cancellationToken: ct);
            output.Lines(CommandText.Baseline(report));
            return report.Proved ? 0 : 1;
        });
        root.Add(baseline);
        AddAdoptEf(root, global, output);
    }

    // adopt-ef: baseline's way in for a database EF Core migrations manage, guarded by the EF model's check.
    private static void AddAdoptEf(Command root, GlobalOptions global, Output output)
    {
        var revId = new Option<string?>("--rev-id") { Description = "The id to use instead of a random one", HelpName = "ID" };
        var message = new Option<string>("--message", "-m") { Description = "The revision's summary line", DefaultValueFactory = _ => "adopt EF Core schema" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the database against the EF Core model and say what the revision would hold; write nothing" };
        var adopt = new Command("adopt-ef",
            "Take a database that EF Core migrations manage over to Retort: refuse (listing the differences) unless the EF Core model " +
            "(model.efCore) and the database agree; then write the schema as the first revision, prove it as baseline does, and stamp " +
            "the database at it. __EFMigrationsHistory is left as it is, and out of the revision")
        {
            message, dryRun, revId,
        };
        adopt.SetAction(async (result, ct) =>
        {
            var request = new BaselineRequest(result.GetValue(message)!, ScratchUrl: result.GetValue(global.Url), RevisionId: result.GetValue(revId));
            var commands = CliCommands.Create(global, global.Load(result, urlNamesDatabase: false), output);
            var report = await new EfAdoption(commands).AdoptAsync(request, result.GetValue(dryRun), cancellationToken: ct);
            if (report.Baseline is null)
            {
                output.Out.WriteLine($"The database matches the EF Core model; adopt-ef would write a baseline revision creating {string.Join(", ", report.Contents)}, and stamp the database at it");
                return 0;
            }
            output.Lines(CommandText.Baseline(report.Baseline));
            if (report.Baseline.Stamped)
                output.Out.WriteLine("__EFMigrationsHistory is left as it was; from now on, 'retort revision --autogenerate' writes the next change");
            return report.Baseline.Proved ? 0 : 1;
        });
        root.Add(adopt);
    }
}
