namespace Retort.Revisions;

/// <summary>
/// The revisions a squash replaces, checked: one straight line FROM..TO that nothing outside reaches into but through TO,
/// and what around it must change with it.
/// </summary>
/// <param name="Chain">The revisions of the range in upgrade order, FROM first, TO last.</param>
/// <param name="Dependencies">
/// Revisions outside the range that revisions in it depend on and that FROM's parents do not bring: the squash depends on
/// them in turn, since the schema it is computed from has them.
/// </param>
/// <param name="Labels">The branch labels declared in the range, which move to the squash.</param>
/// <param name="Dependents">Revisions outside the range whose <c>Revises</c> or <c>DependsOn</c> names TO, to be rewritten to name the squash.</param>
internal sealed record SquashRange(IReadOnlyList<Revision> Chain, IReadOnlyList<string> Dependencies, IReadOnlyList<string> Labels,
    IReadOnlyList<Revision> Dependents)
{
    /// <summary>The first revision of the range.</summary>
    public Revision From => Chain[0];

    /// <summary>The last revision of the range, whose databases will be at the squash.</summary>
    public Revision To => Chain[^1];

    /// <summary>
    /// The range <c>FROM:TO</c> of <paramref name="map"/>, as <c>verify -r</c> reads it (both ends included); throws a
    /// one-line refusal naming the revision that makes it something a squash cannot replace.
    /// </summary>
    public static SquashRange Of(RevisionMap map, string range)
    {
        var ids = map.Between(range);
        RetortException Refuse(string why) => new($"Cannot squash '{range}': {why}");
        var bottoms = map.All.Where(r => ids.Contains(r.Id) && !r.DownRevisions.Any(ids.Contains)).ToList();
        if (bottoms.Count != 1)
            throw Refuse($"it starts at {bottoms.Count} revisions ({string.Join(", ", bottoms)}); a squash replaces one line of revisions, FROM:TO");
        var chain = new List<Revision> { bottoms[0] };
        while (chain[^1].NextRevisions.Where(ids.Contains).ToList() is { Count: > 0 } inside)
        {
            var at = chain[^1];
            if (at.NextRevisions.Count > 1)
                throw Refuse($"revision {at.Id} is a branch point ({string.Join(", ", at.NextRevisions)} revise it); only the last revision of the range may have revisions outside it on top");
            var next = map[inside[0]];
            if (next.IsMergePoint)
                throw Refuse($"revision {next.Id} is a merge point (it revises {string.Join(", ", next.DownRevisions)}); a squash replaces one line of revisions");
            chain.Add(next);
        }
        if (chain.Count != ids.Count)
            throw Refuse($"its revisions are not one line ({string.Join(", ", ids.Except(chain.Select(r => r.Id)).Order(StringComparer.Ordinal))} are beside it)");
        if (chain.FirstOrDefault(r => r.Header.Path is null) is { } compiled)
            throw Refuse($"revision {compiled.Id} has no file (it was read from an assembly); squash rewrites revision files");
        var to = chain[^1];
        var below = map.Ancestors(chain[0].DownRevisions).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var dependencies = chain.SelectMany(r => r.Dependencies).Where(d => !ids.Contains(d) && !below.Contains(d)).Distinct().ToList();
        var dependents = new List<Revision>();
        foreach (var outside in map.All.Where(r => !ids.Contains(r.Id)))
        {
            if (outside.DownRevisions.Contains(to.Id))
                dependents.Add(outside);
            foreach (var dependency in outside.Header.DependsOn)
            {
                var target = map.Resolve(dependency).Single();
                if (target.Id == to.Id && !dependents.Contains(outside))
                    dependents.Add(outside);
                else if (ids.Contains(target.Id) && target.Id != to.Id)
                    throw Refuse($"revision {outside.Id} ({outside.Header.Path ?? "an assembly"}) depends on {target.Id}, which is inside the range; " +
                        $"only its last revision may be depended on from outside: squash up to {target.Id} or below it, or drop the dependency");
            }
            if (outside.Header.Path is { } path && RevisionFileEdit.Mention(File.ReadAllText(path), path, ids) is { } mention && mention.Id != to.Id)
                throw Refuse($"revision {outside.Id} names {mention.Id}, which is inside the range, in its code ({path}({mention.Line})): " +
                    "the squash would delete it; name a revision outside the range there first");
        }
        return new SquashRange(chain, dependencies, [.. chain.SelectMany(r => r.Header.BranchLabels)], dependents);
    }
}
