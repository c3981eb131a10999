using Retort.Revisions;

namespace Retort;

/// <summary>What <c>retort revision</c> is asked to write.</summary>
/// <param name="Message">The summary line (<c>-m</c>).</param>
/// <param name="Head">The revision to base the new one on (<c>--head</c>); <c>head</c> by default, <c>base</c> for a new root.</param>
/// <param name="Splice">Allow <paramref name="Head"/> to be a revision that is not a head, starting a branch.</param>
/// <param name="BranchLabels">Labels for the new revision (<c>--branch-label</c>).</param>
/// <param name="DependsOn">Revisions or labels the new one depends on (<c>--depends-on</c>).</param>
/// <param name="RevisionId">The id to use instead of a random one (<c>--rev-id</c>).</param>
/// <param name="VersionPath">The folder to write into (<c>--version-path</c>).</param>
/// <param name="Phase">When the revision may run in a zero-downtime deploy (<c>--post-deploy</c>: once the old application is gone).</param>
public sealed record RevisionRequest(
    string Message,
    string? Head = null,
    bool Splice = false,
    IReadOnlyList<string>? BranchLabels = null,
    IReadOnlyList<string>? DependsOn = null,
    string? RevisionId = null,
    string? VersionPath = null,
    MigrationPhase Phase = MigrationPhase.PreDeploy);

public sealed partial class Commands
{
    /// <summary>Writes a new, empty revision file and returns its header.</summary>
    public RevisionHeader Revision(RevisionRequest request, DateTimeOffset? now = null) => WriteRevision(request, now);

    internal RevisionHeader WriteRevision(RevisionRequest request, DateTimeOffset? now, string upgrades = "", string downgrades = "")
    {
        var map = Scripts.Map;
        var parents = NewRevisionFile.ParentsFor(map, request.Head ?? "head", request.Splice);
        var dependsOn = (request.DependsOn ?? []).Select(d => NewRevisionFile.ResolveDependency(map, d)).ToList();
        return Write(file => file.Write(request.Message, parents, request.BranchLabels ?? [], dependsOn, request.RevisionId,
            request.VersionPath, now, upgrades, downgrades, request.Phase));
    }

    /// <summary>Writes a revision file with the project's template, and reads the graph anew afterwards.</summary>
    private RevisionHeader Write(Func<NewRevisionFile, RevisionHeader> write)
    {
        var header = write(RevisionFiles());
        Reload();
        return header;
    }

    /// <summary>New revision files on the graph as read, from the project's template.</summary>
    internal NewRevisionFile RevisionFiles() => new(Config, Scripts.Map, Templates.RevisionTemplate(Config));
}
