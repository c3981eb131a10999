using System.CommandLine;

namespace Retort.Cli;

/// <summary><c>revision</c> and <c>merge</c>: commands that write revision files.</summary>
internal static class RevisionCommands
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var message = new Option<string>("--message", "-m")
        {
            Description = "The revision's summary line",
            DefaultValueFactory = _ => "empty message",
        };
        var head = new Option<string?>("--head") { Description = "Build on this revision (default: head; 'base' for a new root)", HelpName = "REV" };
        var splice = new Option<bool>("--splice") { Description = "Allow --head to be a revision that is not a head, starting a branch" };
        var label = new Option<string[]>("--branch-label") { Description = "A branch label for the new revision (repeatable)", HelpName = "LABEL" };
        var dependsOn = new Option<string[]>("--depends-on") { Description = "A revision or label the new one depends on (repeatable)", HelpName = "REV" };
        var revId = new Option<string?>("--rev-id") { Description = "The id to use instead of a random one", HelpName = "ID" };
        var versionPath = new Option<string?>("--version-path") { Description = "The version folder to write into", HelpName = "PATH" };
        var autogenerate = new Option<bool>("--autogenerate") { Description = "Fill the revision with what the model wants and the database lacks (connects to it)" };
        var postDeploy = new Option<bool>("--post-deploy")
        {
            Description = "Mark the revision post-deploy (Phase = MigrationPhase.PostDeploy): 'upgrade --phase pre' holds it back until 'upgrade --phase post', once the old application is gone",
        };
        var revision = new Command("revision", "Write a new revision file")
        {
            message, head, splice, label, dependsOn, revId, versionPath, autogenerate, postDeploy,
        };
        revision.SetAction(async (result, ct) =>
        {
            var commands = CliCommands.Create(global, global.Load(result), output);
            var request = new RevisionRequest(
                result.GetValue(message)!,
                result.GetValue(head),
                result.GetValue(splice),
                result.GetValue(label),
                result.GetValue(dependsOn),
                result.GetValue(revId),
                result.GetValue(versionPath),
                result.GetValue(postDeploy) ? MigrationPhase.PostDeploy : MigrationPhase.PreDeploy);
            output.Line(result.GetValue(autogenerate)
                ? await CommandText.AutogenerateAsync(commands, request, ct)
                : CommandText.Revision(commands, request));
            return 0;
        });
        root.Add(revision);

        var revisions = new Argument<string[]>("REVS")
        {
            Description = "The revisions to merge (ids, labels, or 'heads')",
            Arity = ArgumentArity.OneOrMore,
        };
        var mergeMessage = new Option<string>("--message", "-m")
        {
            Description = "The merge revision's summary line",
            DefaultValueFactory = _ => "merge",
        };
        var mergeLabel = new Option<string?>("--branch-label") { Description = "A branch label for the merge revision", HelpName = "LABEL" };
        var mergeRevId = new Option<string?>("--rev-id") { Description = "The id to use instead of a random one", HelpName = "ID" };
        var merge = new Command("merge", "Write a revision that joins several revisions into one")
        {
            revisions, mergeMessage, mergeLabel, mergeRevId,
        };
        merge.SetAction(result =>
        {
            output.Line(CommandText.Merge(CliCommands.Create(global, global.Load(result), TextWriter.Null), result.GetValue(revisions)!, result.GetValue(mergeMessage)!,
                result.GetValue(mergeLabel), result.GetValue(mergeRevId)));
            return 0;
        });
        root.Add(merge);
    }
}
