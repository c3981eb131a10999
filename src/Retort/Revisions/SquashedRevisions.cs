namespace Retort.Revisions;

/// <summary>
/// The revisions that squashes replaced (<c>Replaces</c>), and what their ids mean now. The last revision a squash
/// replaced stands for the squash: a version table row, a <c>Revises</c>, a <c>DependsOn</c> or a target naming it
/// means the squash, so databases at it, and branches written on it before the squash was merged, go on. A revision
/// in the middle of a squash has no equivalent, and naming it is an error that says what to do.
/// </summary>
internal sealed class SquashedRevisions
{
    private readonly Dictionary<string, int> _squashOf;
    private readonly RevisionHeader[] _headers;

    private SquashedRevisions(Dictionary<string, int> squashOf, RevisionHeader[] headers)
    {
        _squashOf = squashOf;
        _headers = headers;
    }

    /// <summary>No squash: what nearly every graph has.</summary>
    public static readonly SquashedRevisions None = new([], []);

    /// <summary>
    /// The squashes among <paramref name="list"/>; throws when a replaced revision is still defined (a squash left
    /// unfinished, an old file restored) or when two squashes replace one revision.
    /// </summary>
    public static SquashedRevisions Of(RevisionHeader[] list)
    {
        if (!Array.Exists(list, h => h is { Replaces.Count: > 0 }))
            return None;
        var squashOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            foreach (var replaced in list[i]?.Replaces ?? [])
            {
                if (squashOf.TryGetValue(replaced, out var other) && other != i)
                    throw new RetortException($"Revision '{replaced}' is replaced by two squashes, {Named(list[other])} and {Named(list[i])}; keep one of them");
                squashOf[replaced] = i;
            }
        }
        foreach (var header in list)
        {
            if (header is not null && squashOf.TryGetValue(header.Id, out var squash))
                throw new RetortException($"Revision '{header.Id}' is defined in {header.Path ?? "an assembly"}, but squash {Named(list[squash])} replaced it " +
                    $"(a squash left unfinished, or an old file restored): delete {header.Path ?? "its class"} if the squash stands, or the squash's file to undo it");
        }
        return new SquashedRevisions(squashOf, list);
    }

    /// <summary>The position of the squash that replaced <paramref name="id"/> (as the headers were given), or null.</summary>
    public int? SquashOf(string id) => _squashOf.TryGetValue(id, out var squash) ? squash : null;

    /// <summary>Whether <paramref name="id"/> is the last revision its squash replaced, the one that stands for the squash.</summary>
    public bool StandsForSquash(string id) => SquashOf(id) is { } squash && _headers[squash].Replaces[^1] == id;

    /// <summary>
    /// <paramref name="header"/> with each <c>Revises</c> and <c>DependsOn</c> naming the last revision of a squash
    /// naming the squash; throws for one naming a revision in the middle of a squash.
    /// </summary>
    public RevisionHeader Rewire(RevisionHeader header)
    {
        if (header is null || (!header.DownRevisions.Any(_squashOf.ContainsKey) && !header.DependsOn.Any(_squashOf.ContainsKey)))
            return header!;
        string Through(string id, string argument)
        {
            if (SquashOf(id) is not { } squash)
                return id;
            if (StandsForSquash(id))
                return _headers[squash].Id;
            throw new RetortException($"Revision '{header.Id}' ({header.Path ?? "an assembly"}) {argument} '{id}', which squash {Named(_headers[squash])} " +
                $"replaced in the middle of its range ({Range(_headers[squash])}); only the last of them stands for the squash: " +
                $"write {_headers[squash].Id}, or a revision after it, instead");
        }
        return header with
        {
            DownRevisions = [.. header.DownRevisions.Select(p => Through(p, "revises"))],
            DependsOn = [.. header.DependsOn.Select(d => Through(d, "depends on"))],
        };
    }

    /// <summary>The error for a target that names a revision in the middle of a squash.</summary>
    public RetortException ReplacedTarget(string id)
    {
        var squash = _headers[SquashOf(id)!.Value];
        return new RetortException($"'{id}' was replaced by squash {Named(squash)} ({Range(squash)}) and is no longer a revision; " +
            $"name {squash.Id}, or a revision outside the squash");
    }

    /// <summary>
    /// The error for a database whose version table names <paramref name="id"/>, a revision in the middle of a squash:
    /// its schema is that of no revision there is now, and what gets it out.
    /// </summary>
    public RetortException ReplacedRow(string id, string table)
    {
        var squash = _headers[SquashOf(id)!.Value];
        var last = squash.Replaces[^1];
        var file = squash.Path is null ? "" : Path.GetRelativePath(Directory.GetCurrentDirectory(), squash.Path);
        var checkout = file.Length == 0 ? "" :
            $" (check out the parent of the commit that added {file}, which 'git log --diff-filter=A --format=%h -- {file}' names, and run 'retort upgrade {last}' there)";
        return new RetortException($"The version table {table} holds {id}, which squash {Named(squash)} replaced in the middle of its range ({Range(squash)}): " +
            $"no revision now has this database's schema. Upgrade it to {last} with the revisions from before the squash{checkout}, then come back; " +
            $"or, if its schema already is {last}'s, run 'retort stamp {squash.Id} --purge' (which replaces every row of the version table)");
    }

    private static string Named(RevisionHeader header) => header.Message.Length == 0 ? header.Id : $"{header.Id} (\"{header.Message}\")";

    private static string Range(RevisionHeader squash) =>
        squash.Replaces.Count == 1 ? $"revision {squash.Replaces[0]}" : $"{squash.Replaces.Count} revisions, {squash.Replaces[0]} to {squash.Replaces[^1]}";
}
