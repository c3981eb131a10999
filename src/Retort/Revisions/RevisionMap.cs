namespace Retort.Revisions;

/// <summary>
/// The revision graph: heads, bases, branch labels, dependencies, target resolution and walk order,
/// with Alembic's semantics. Where Alembic's order is arbitrary, ties follow the input (file) order.
/// </summary>
public sealed class RevisionMap
{
    private readonly RevisionGraph graph;
    private readonly TargetResolver targets;
    private readonly StepPlanner steps;

    /// <summary>
    /// Builds the graph. Throws <see cref="RetortException"/> for a duplicate id (naming both files),
    /// a <c>Revises</c> or <c>DependsOn</c> naming a revision that does not exist (naming the file),
    /// a cycle (naming the revisions in it), a duplicate branch label, or an id with <c>@ - + :</c>.
    /// </summary>
    public RevisionMap(IEnumerable<RevisionHeader> headers)
    {
        graph = RevisionGraph.Build(headers);
        var symbols = new SymbolResolver(graph);
        targets = new TargetResolver(graph, symbols);
        steps = new StepPlanner(graph, symbols, targets);
        All = Array.AsReadOnly(graph.Nodes);
        Heads = Revisions(graph.Heads);
        RealHeads = Revisions(graph.RealHeads);
        Bases = Revisions(graph.Bases);
    }

    /// <summary>Every revision, in the order given (file order).</summary>
    public IReadOnlyList<Revision> All { get; }

    /// <summary>The revision with this exact id; throws <see cref="RetortException"/> when there is none.</summary>
    public Revision this[string id] => Find(id) ?? throw RevisionErrors.UnknownId(id);

    /// <summary>Revisions no other revision revises (including "effective heads" only depended on).</summary>
    public IReadOnlyList<Revision> Heads { get; }

    /// <summary>Heads that nothing revises or depends on.</summary>
    public IReadOnlyList<Revision> RealHeads { get; }

    /// <summary>Revisions that revise nothing.</summary>
    public IReadOnlyList<Revision> Bases { get; }

    /// <summary>The revision with this exact id, or null.</summary>
    public Revision? Find(string id) => graph.Ids.TryGetValue(id, out int index) ? graph.Nodes[index] : null;

    /// <summary>The squash revision that replaced the revision <paramref name="id"/> (<c>Replaces</c>), or null.</summary>
    public Revision? SquashOf(string id) => graph.Squashes.SquashOf(id) is { } squash ? graph.Nodes[squash] : null;

    /// <summary>
    /// The revision a row of the version table <paramref name="table"/> stands for: the revision of that id, or the
    /// squash whose last replaced revision it names; null when nothing defines it. Throws, saying what to do, for a row
    /// naming a revision in the middle of a squash, whose schema no revision has any more.
    /// </summary>
    public Revision? StoredHead(string row, string table)
    {
        if (Find(row) is { } revision)
            return revision;
        if (SquashOf(row) is not { } squash)
            return null;
        return graph.Squashes.StandsForSquash(row) ? squash : throw graph.Squashes.ReplacedRow(row, table);
    }

    /// <summary>
    /// The revisions at or below <paramref name="ids"/> (exact ids), through <c>Revises</c> and, unless
    /// <paramref name="includeDependencies"/> is false, <c>DependsOn</c>; in file order.
    /// </summary>
    public IReadOnlyList<Revision> Ancestors(IEnumerable<string> ids, bool includeDependencies = true) =>
        Marked(graph.Reach(ids.Select(id => this[id].Index), includeDependencies ? graph.Lower : graph.Parents));

    /// <summary>
    /// What Alembic's <c>current</c> shows for the version table's <paramref name="heads"/>: the revisions at or below
    /// them (dependencies included) that none of those revises, so that a revision a head depends on, and nothing
    /// revises, shows too (as an effective head); in file order.
    /// </summary>
    public IReadOnlyList<Revision> AllCurrent(IEnumerable<string> heads)
    {
        var below = Ancestors(heads);
        var ids = below.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return [.. below.Where(r => !r.NextRevisions.Any(ids.Contains))];
    }

    /// <summary>
    /// The revisions at or above <paramref name="ids"/> (exact ids), through <c>Revises</c> and, unless
    /// <paramref name="includeDependencies"/> is false, <c>DependsOn</c>; in file order.
    /// </summary>
    public IReadOnlyList<Revision> Descendants(IEnumerable<string> ids, bool includeDependencies = true) =>
        Marked(graph.Reach(ids.Select(id => this[id].Index), includeDependencies ? graph.Upper : graph.Children));

    /// <summary>
    /// The ids of the revisions <c>FROM:TO</c> names (<c>verify -r</c>), both ends included: descendants of FROM that are
    /// ancestors of TO. Either end may be left out (<c>base</c>, the heads); one revision alone is the range of itself.
    /// </summary>
    public IReadOnlySet<string> Between(string? range)
    {
        if (string.IsNullOrWhiteSpace(range))
            return All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var colon = range.IndexOf(':');
        var (from, to) = colon < 0 ? (range, range) : (range[..colon], range[(colon + 1)..]);
        var below = to is "" or "heads" or "head" ? All : Ancestors(Resolve(to).Select(r => r.Id));
        var above = from is "" or "base" ? All : Descendants(Resolve(from).Select(r => r.Id));
        var ids = below.Select(r => r.Id).Intersect(above.Select(r => r.Id), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return ids.Count > 0 ? ids : throw new RetortException($"The range '{range}' holds no revision; give FROM:TO with FROM below TO");
    }

    /// <summary>
    /// Resolves a symbol to revisions: <c>head</c>, <c>heads</c>, <c>base</c> (empty), a full id, a
    /// unique partial id, a branch label, <c>LABEL@head</c>, <c>LABEL@heads</c>, <c>LABEL@base</c>,
    /// <c>LABEL@REV</c>, <c>REV+N</c>, <c>REV-N</c>, <c>LABEL@+N</c>, <c>LABEL@-N</c>; and, given the
    /// database's current heads, <c>current</c>, <c>+N</c> and <c>-N</c>. Without current heads,
    /// <c>+N</c> counts up from base and <c>-N</c> counts down from each head, as in history ranges.
    /// </summary>
    /// <example><c>map.Resolve("ae10")</c>, <c>map.Resolve("mylib@head")</c>, <c>map.Resolve("-1", currentHeads)</c>.</example>
    public IReadOnlyList<Revision> Resolve(string symbol, IReadOnlyCollection<string>? current = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Revisions(targets.Resolve(symbol, current));
    }

    /// <summary>
    /// Resolves a symbol that must name at most one revision (as <see cref="Resolve"/>); null for base.
    /// Throws <see cref="RetortException"/> when it names several.
    /// </summary>
    public Revision? ResolveOne(string symbol, IReadOnlyCollection<string>? current = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        List<int> found = targets.Resolve(symbol, current);
        return found.Count switch
        {
            0 => null,
            1 => graph.Nodes[found[0]],
            _ => throw RevisionErrors.SeveralRevisions(symbol, graph.IdsOf(found)),
        };
    }

    /// <summary>
    /// Resolves several symbols (for a merge or a stamp); throws <see cref="RetortException"/> when a
    /// revision is named twice or when one is an ancestor of another.
    /// </summary>
    public IReadOnlyList<Revision> ResolveDistinct(IEnumerable<string> symbols, IReadOnlyCollection<string>? current = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var found = new List<int>();
        foreach (int index in symbols.SelectMany(s => targets.Resolve(s, current)))
        {
            if (found.Contains(index))
            {
                throw RevisionErrors.RepeatedRevision(graph.Id(index));
            }

            found.Add(index);
        }

        steps.AncestorsChecked(found, "Requested");
        return Revisions(found);
    }

    /// <summary>
    /// The revisions to apply, in order, to move a database at <paramref name="current"/> to
    /// <paramref name="target"/>: each after its parents and dependencies. Dependencies on other
    /// branches are pulled in; a merge point comes after all its parents. A target already applied (a current
    /// head, or below one) is nothing to do, as in Alembic: a pinned deploy run again changes nothing.
    /// </summary>
    public IReadOnlyList<Revision> UpgradeSteps(IReadOnlyCollection<string> current, string target)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        return Revisions(steps.UpgradeSteps(current, target));
    }

    /// <summary>
    /// <see cref="UpgradeSteps"/> for one deploy phase: <see cref="MigrationPhase.PreDeploy"/> (<c>upgrade --phase pre</c>)
    /// applies the pending revisions up to, not including, the first post-deploy revision on each branch, holding back
    /// every pending revision that stands on a held-back one (as a child or through <c>DependsOn</c>);
    /// <see cref="MigrationPhase.PostDeploy"/> (<c>--phase post</c>) and null apply everything pending up to the target.
    /// </summary>
    public UpgradePlan PlanUpgrade(IReadOnlyCollection<string> current, string target, MigrationPhase? phase)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        var (run, held) = steps.UpgradeSteps(current, target, phase);
        return new UpgradePlan(Revisions(run), Revisions(held));
    }

    /// <summary>
    /// The revisions to undo, in order, to move a database at <paramref name="current"/> down to
    /// <paramref name="target"/>: each before its parents and before what it depends on. Everything
    /// applied above the target goes, dependents included; <c>LABEL@REV</c> (and <c>-N</c> from one
    /// current revision) keeps to that branch.
    /// </summary>
    public IReadOnlyList<Revision> DowngradeSteps(IReadOnlyCollection<string> current, string target)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        return Revisions(steps.DowngradeSteps(current, target));
    }

    /// <summary>
    /// Revisions from <paramref name="upper"/> down to <paramref name="lower"/> inclusive, newest first,
    /// as <c>history -r lower:upper</c> lists them; null ends mean <c>heads</c> and <c>base</c>.
    /// Either end may be <c>current</c> (given <paramref name="current"/>); <c>LABEL@base</c> or
    /// <c>LABEL@REV</c> as the lower end keeps to that branch; relative ends stop at base or head.
    /// </summary>
    public IReadOnlyList<Revision> Walk(string? lower, string? upper, IReadOnlyCollection<string>? current = null) =>
        Revisions(steps.Walk(lower, upper, current));

    private Revision[] Revisions(IEnumerable<int> indexes) => [.. indexes.Select(i => graph.Nodes[i])];

    private Revision[] Marked(bool[] mask) => [.. graph.Nodes.Where(r => mask[r.Index])];
}
