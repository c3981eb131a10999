namespace Retort.Revisions;

/// <summary>
/// The revision graph: heads, bases, branch labels, dependencies, target resolution and walk order,
/// with Alembic's semantics. Where Alembic's order is arbitrary, ties follow the input (file) order.
/// </summary>
public sealed partial class RevisionMap
{
    private const int Base = RevisionGraph.Base;

    private readonly RevisionGraph graph;

    /// <summary>
    /// Builds the graph. Throws <see cref="RetortException"/> for a duplicate id (naming both files),
    /// a <c>Revises</c> or <c>DependsOn</c> naming a revision that does not exist (naming the file),
    /// a cycle (naming the revisions in it), a duplicate branch label, or an id with <c>@ - + :</c>.
    /// </summary>
    public RevisionMap(IEnumerable<RevisionHeader> headers)
    {
        graph = RevisionGraph.Build(headers);
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

    private Revision[] Revisions(IEnumerable<int> indexes) => [.. indexes.Select(i => graph.Nodes[i])];

    private Revision[] Marked(bool[] mask) => [.. graph.Nodes.Where(r => mask[r.Index])];
}
