namespace Retort.Revisions;

/// <summary>A revision placed in its <see cref="RevisionMap"/>: its header plus what the graph says of it.</summary>
public sealed class Revision
{
    internal Revision(RevisionHeader header, int index)
    {
        Header = header;
        Index = index;
    }

    /// <summary>The position in the map's input (file) order; every tie in the graph is broken by it.</summary>
    internal int Index { get; }

    /// <summary>What the file declares.</summary>
    public RevisionHeader Header { get; }

    /// <summary>The revision id.</summary>
    public string Id => Header.Id;

    /// <summary>The parents (<c>Revises</c>).</summary>
    public IReadOnlyList<string> DownRevisions => Header.DownRevisions;

    /// <summary>When the revision may run in a zero-downtime deploy: before the new application starts, or after the old one is gone.</summary>
    public MigrationPhase Phase => Header.Phase;

    /// <summary>
    /// The declared dependencies, resolved to revision ids, without those an ancestor already depends on.
    /// </summary>
    public IReadOnlyList<string> Dependencies { get; internal set; } = [];

    /// <summary>Revisions whose <c>Revises</c> names this one, in file order.</summary>
    public IReadOnlyList<string> NextRevisions { get; internal set; } = [];

    /// <summary>Revisions that name this one in <c>Revises</c> or <c>DependsOn</c>, in file order.</summary>
    public IReadOnlyList<string> AllNextRevisions { get; internal set; } = [];

    /// <summary>
    /// Branch labels of this revision: its own first, then those it carries from its branch (labels
    /// reach a labelled revision's descendants and its ancestors back to the previous branch or merge point).
    /// </summary>
    public IReadOnlyList<string> BranchLabels { get; internal set; } = [];

    /// <summary>No revision names this one in <c>Revises</c>.</summary>
    public bool IsHead => NextRevisions.Count == 0;

    /// <summary>No revision names this one in <c>Revises</c> or <c>DependsOn</c>; a head that is not a real head is an "effective head".</summary>
    public bool IsRealHead => AllNextRevisions.Count == 0;

    /// <summary>Revises nothing.</summary>
    public bool IsBase => DownRevisions.Count == 0;

    /// <summary>Revises nothing and depends on nothing.</summary>
    public bool IsRealBase => DownRevisions.Count == 0 && Dependencies.Count == 0;

    /// <summary>Several revisions revise this one.</summary>
    public bool IsBranchPoint => NextRevisions.Count > 1;

    /// <summary>Revises several revisions.</summary>
    public bool IsMergePoint => DownRevisions.Count > 1;

    /// <inheritdoc />
    public override string ToString() => Id;
}
