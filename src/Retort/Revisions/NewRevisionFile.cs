namespace Retort.Revisions;

/// <summary>
/// Writes new revision files (<c>revision</c>, <c>merge</c>, <c>revision --autogenerate</c>): where they go, their id,
/// file and class names, and their parents as the graph allows.
/// </summary>
/// <param name="config">The project's settings.</param>
/// <param name="map">The graph the new revision joins.</param>
/// <param name="template">The text of the revision template.</param>
internal sealed class NewRevisionFile(Configuration.RetortConfig config, RevisionMap map, string template)
{
    public static IReadOnlyList<string> ParentsFor(RevisionMap map, string head, bool splice)
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

    public static string ResolveDependency(RevisionMap map, string symbol)
    {
        // A label stays a label (it follows the branch); an id or prefix is written as the full id.
        if (map.All.Any(r => r.Header.BranchLabels.Contains(symbol)))
            return symbol;
        var resolved = map.Resolve(symbol);
        if (resolved.Count != 1)
            throw new RetortException($"--depends-on '{symbol}' must name one revision or a branch label");
        return resolved[0].Id;
    }

    /// <summary>Writes a revision file on <paramref name="parents"/> and returns its header.</summary>
    public RevisionHeader Write(string message, IReadOnlyList<string> parents, IReadOnlyList<string> labels,
        IReadOnlyList<string> dependsOn, string? revisionId, string? versionPath, DateTimeOffset? now,
        string upgrades = "", string downgrades = "", MigrationPhase phase = MigrationPhase.PreDeploy)
    {
        var (header, text) = Render(message, parents, labels, dependsOn, revisionId, versionPath, now, upgrades, downgrades, phase: phase);
        Directory.CreateDirectory(Path.GetDirectoryName(header.Path)!);
        if (File.Exists(header.Path))
            throw new RetortException($"{header.Path} already exists");
        File.WriteAllText(header.Path!, text);
        return header;
    }

    /// <summary>
    /// The header and text of a revision file on <paramref name="parents"/>, without writing it. A squash passes the
    /// revisions it <paramref name="replaces"/>: their labels and class names are free for it, and with no parents it
    /// goes beside the first of them.
    /// </summary>
    public (RevisionHeader Header, string Text) Render(string message, IReadOnlyList<string> parents, IReadOnlyList<string> labels,
        IReadOnlyList<string> dependsOn, string? revisionId, string? versionPath, DateTimeOffset? now,
        string upgrades = "", string downgrades = "", IReadOnlyList<string>? replaces = null, MigrationPhase phase = MigrationPhase.PreDeploy)
    {
        replaces ??= [];
        var id = revisionId ?? RevisionNaming.NewId();
        RevisionNaming.ValidateId(id);
        if (map.All.Any(r => r.Id == id))
            throw new RetortException($"Revision id '{id}' is already used by {map[id].Header.Path}");
        var staying = map.All.Where(r => !replaces.Contains(r.Id)).ToList();
        foreach (var label in labels)
        {
            var owner = staying.FirstOrDefault(r => r.Header.BranchLabels.Contains(label));
            if (owner is not null)
                throw new RetortException($"Branch label '{label}' is already used by revision {owner.Id}");
            RevisionNaming.ValidateId(label);
        }
        var created = now ?? Now();
        var folder = FolderFor(map, [.. parents, .. replaces], versionPath);
        var fileName = RevisionNaming.FileName(config.FileTemplate, id, RevisionNaming.Slug(message, config.TruncateSlugLength), created) + ".cs";
        var path = Path.Combine(folder, fileName);
        var className = ClassNameFor(staying, message, id);
        var header = new RevisionHeader(id, parents, labels, dependsOn, RevisionWriter.CreateDate(created),
            message.Split('\n', 2)[0].Trim(), message.Trim(), path, className, phase) { Replaces = replaces };
        return (header, RevisionWriter.Render(template, header, className, config.Databases, upgrades, downgrades));
    }

    private string FolderFor(RevisionMap map, IReadOnlyList<string> parents, string? versionPath)
    {
        if (versionPath is not null)
        {
            var full = Path.GetFullPath(versionPath, config.BaseDirectory);
            if (!config.VersionLocations.Any(l => PathsEqual(l, full)))
                throw new RetortException($"--version-path {versionPath} is not one of the version locations ({string.Join(", ", config.VersionLocations)})");
            return full;
        }
        // A revision goes beside its parent, so that a branch living in its own folder stays there.
        var parentPath = parents.Select(p => map.Find(p)?.Header.Path).FirstOrDefault(p => p is not null);
        if (parentPath is not null)
        {
            var dir = Path.GetDirectoryName(parentPath)!;
            var location = config.VersionLocations.FirstOrDefault(l => dir.StartsWith(l, StringComparison.Ordinal));
            if (location is not null)
                return location;
        }
        if (config.VersionLocations.Count > 1)
            throw new RetortException($"Several version locations are configured; pass --version-path to choose one of {string.Join(", ", config.VersionLocations)}");
        return config.VersionLocations[0];
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    private static string ClassNameFor(IEnumerable<Revision> revisions, string message, string id)
    {
        var name = RevisionNaming.ClassName(message);
        var taken = revisions.Any(r => r.Header.ClassName is { } c && c[(c.LastIndexOf('.') + 1)..] == name);
        return taken || name == "Revision" ? $"{name}_{id}" : name;
    }

    private DateTimeOffset Now()
    {
        var now = DateTimeOffset.Now;
        if (config.Timezone is null)
            return now;
        try
        {
            return TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(config.Timezone));
        }
        catch (TimeZoneNotFoundException)
        {
            throw new RetortException($"Unknown time zone '{config.Timezone}' in 'timezone'");
        }
    }
}
