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
public sealed record RevisionRequest(
    string Message,
    string? Head = null,
    bool Splice = false,
    IReadOnlyList<string>? BranchLabels = null,
    IReadOnlyList<string>? DependsOn = null,
    string? RevisionId = null,
    string? VersionPath = null);

public sealed partial class Commands
{
    /// <summary>Writes a new, empty revision file and returns its header.</summary>
    public RevisionHeader Revision(RevisionRequest request, DateTimeOffset? now = null)
    {
        var map = Scripts.Map;
        var parents = ParentsFor(map, request.Head ?? "head", request.Splice);
        var dependsOn = (request.DependsOn ?? []).Select(d => ResolveDependency(map, d)).ToList();
        return Write(request.Message, parents, request.BranchLabels ?? [], dependsOn, request.RevisionId,
            request.VersionPath, now);
    }

    /// <summary>
    /// Writes a merge revision: one whose parents are <paramref name="revisions"/> (ids, labels, or
    /// <c>heads</c>), so that their branches become one again.
    /// </summary>
    public RevisionHeader Merge(IReadOnlyList<string> revisions, string message, string? branchLabel = null,
        string? revisionId = null, DateTimeOffset? now = null)
    {
        var map = Scripts.Map;
        var parents = revisions.SelectMany(r => map.Resolve(r)).Select(r => r.Id).Distinct().ToList();
        if (parents.Count < 2)
            throw new RetortException(parents.Count == 0
                ? "Nothing to merge: name two or more revisions, or 'heads'"
                : $"Nothing to merge: '{string.Join(" ", revisions)}' names only {parents[0]}; a merge needs two or more revisions");
        return Write(message, parents, branchLabel is null ? [] : [branchLabel], [], revisionId, null, now);
    }

    private static IReadOnlyList<string> ParentsFor(RevisionMap map, string head, bool splice)
    {
        if (head == "base")
            return [];
        if (head == "head" && map.Heads.Count > 1)
            throw new RetortException($"Multiple heads are present ({string.Join(", ", map.Heads.Select(h => h.Id))}); " +
                "pass --head REV (or LABEL@head) to choose the one to build on, or run 'retort merge heads'");
        if (head == "head" && map.Heads.Count == 0)
            return [];
        var resolved = map.Resolve(head);
        if (resolved.Count == 0)
            return [];
        if (resolved.Count > 1)
            throw new RetortException($"--head '{head}' names several revisions ({string.Join(", ", resolved.Select(r => r.Id))}); name one");
        var revision = resolved[0];
        if (!revision.IsHead && !splice)
            throw new RetortException($"Revision {revision.Id} is not a head; pass --splice to start a new branch from it");
        return [revision.Id];
    }

    private static string ResolveDependency(RevisionMap map, string symbol)
    {
        // A label stays a label (it follows the branch); an id or prefix is written as the full id.
        if (map.All.Any(r => r.Header.BranchLabels.Contains(symbol)))
            return symbol;
        var resolved = map.Resolve(symbol);
        if (resolved.Count != 1)
            throw new RetortException($"--depends-on '{symbol}' must name one revision or a branch label");
        return resolved[0].Id;
    }

    private RevisionHeader Write(string message, IReadOnlyList<string> parents, IReadOnlyList<string> labels,
        IReadOnlyList<string> dependsOn, string? revisionId, string? versionPath, DateTimeOffset? now,
        string upgrades = "", string downgrades = "")
    {
        var map = Scripts.Map;
        var id = revisionId ?? RevisionNaming.NewId();
        RevisionNaming.ValidateId(id);
        if (map.All.Any(r => r.Id == id))
            throw new RetortException($"Revision id '{id}' is already used by {map[id].Header.Path}");
        foreach (var label in labels)
        {
            var owner = map.All.FirstOrDefault(r => r.Header.BranchLabels.Contains(label));
            if (owner is not null)
                throw new RetortException($"Branch label '{label}' is already used by revision {owner.Id}");
            RevisionNaming.ValidateId(label);
        }
        var created = now ?? Now();
        var folder = FolderFor(map, parents, versionPath);
        var fileName = RevisionNaming.FileName(Config.FileTemplate, id, RevisionNaming.Slug(message, Config.TruncateSlugLength), created) + ".cs";
        var path = Path.Combine(folder, fileName);
        var className = ClassNameFor(map, message, id);
        var header = new RevisionHeader(id, parents, labels, dependsOn, RevisionWriter.CreateDate(created),
            message.Split('\n', 2)[0].Trim(), message.Trim(), path, className);
        var text = RevisionWriter.Render(Template(), header, className, Config.Databases, upgrades, downgrades);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
            throw new RetortException($"{path} already exists");
        File.WriteAllText(path, text);
        Reload();
        return header;
    }

    private string FolderFor(RevisionMap map, IReadOnlyList<string> parents, string? versionPath)
    {
        if (versionPath is not null)
        {
            var full = Path.GetFullPath(versionPath, Config.BaseDirectory);
            if (!Config.VersionLocations.Any(l => PathsEqual(l, full)))
                throw new RetortException($"--version-path {versionPath} is not one of the version locations ({string.Join(", ", Config.VersionLocations)})");
            return full;
        }
        // A revision goes beside its parent, so that a branch living in its own folder stays there.
        var parentPath = parents.Select(p => map[p].Header.Path).FirstOrDefault(p => p is not null);
        if (parentPath is not null)
        {
            var dir = Path.GetDirectoryName(parentPath)!;
            var location = Config.VersionLocations.FirstOrDefault(l => dir.StartsWith(l, StringComparison.Ordinal));
            if (location is not null)
                return location;
        }
        if (Config.VersionLocations.Count > 1)
            throw new RetortException($"Several version locations are configured; pass --version-path to choose one of {string.Join(", ", Config.VersionLocations)}");
        return Config.VersionLocations[0];
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    private static string ClassNameFor(RevisionMap map, string message, string id)
    {
        var name = RevisionNaming.ClassName(message);
        var taken = map.All.Any(r => r.Header.ClassName is { } c && c[(c.LastIndexOf('.') + 1)..] == name);
        return taken || name == "Revision" ? $"{name}_{id}" : name;
    }

    private string Template()
    {
        var path = Path.Combine(Config.ScriptLocation, RevisionWriter.TemplateFileName);
        return File.Exists(path) ? File.ReadAllText(path) : Templates.Read("generic", RevisionWriter.TemplateFileName);
    }

    private DateTimeOffset Now()
    {
        var now = DateTimeOffset.Now;
        if (Config.Timezone is null)
            return now;
        try
        {
            return TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Config.Timezone));
        }
        catch (TimeZoneNotFoundException)
        {
            throw new RetortException($"Unknown time zone '{Config.Timezone}' in 'timezone'");
        }
    }
}
