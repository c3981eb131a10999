using Retort.Revisions;

namespace Retort.Execution;

/// <summary>
/// One move of the version table: a revision applied or undone, or a stamp. Each step says how the
/// stored heads change, with Alembic's rules for branches, merges and dependencies.
/// </summary>
internal abstract class MigrationStep
{
    public abstract bool IsUpgrade { get; }

    /// <summary>The revisions the step leaves.</summary>
    public abstract IReadOnlyList<string> From { get; }

    /// <summary>The revisions the step arrives at.</summary>
    public abstract IReadOnlyList<string> To { get; }

    public abstract bool ShouldDeleteBranch(IReadOnlyCollection<string> heads);

    public abstract bool ShouldCreateBranch(IReadOnlyCollection<string> heads);

    public abstract bool ShouldMergeBranches(IReadOnlyCollection<string> heads);

    public abstract bool ShouldUnmergeBranches(IReadOnlyCollection<string> heads);

    /// <summary>For a merge: the rows to delete, and the row to update to the merge revision.</summary>
    public abstract (IReadOnlyList<string> Delete, string UpdateFrom, string UpdateTo) MergeIdents(IReadOnlyCollection<string> heads);

    /// <summary>For an unmerge: the row to update, its new value, and the rows to insert.</summary>
    public abstract (string UpdateFrom, string UpdateTo, IReadOnlyList<string> Insert) UnmergeIdents(IReadOnlyCollection<string> heads);

    public abstract (string From, string To) UpdateIdents(IReadOnlyCollection<string> heads);

    public string DeleteVersion => From.Count == 1 ? From[0] : throw new InvalidOperationException("a delete leaves one revision");

    public string InsertVersion => To.Count == 1 ? To[0] : throw new InvalidOperationException("an insert arrives at one revision");

    /// <summary>The script comment: <c>Running upgrade a -> b</c>, as Alembic writes it.</summary>
    public abstract string Comment();

    /// <summary>The log line: the comment and, for a revision, its message.</summary>
    public abstract string Describe();
}

/// <summary>Applying (upgrade) or undoing (downgrade) one revision.</summary>
internal sealed class RevisionStep(RevisionMap map, Revision revision, bool upgrade) : MigrationStep
{
    public Revision Revision => revision;

    public override bool IsUpgrade => upgrade;

    /// <summary>
    /// Parents and normalised dependencies, each once: what the revision stands on (Alembic's normalized down revisions;
    /// a dependency on a revision's own parent adds nothing).
    /// </summary>
    private IReadOnlyList<string> Below => _below ??= [.. revision.DownRevisions.Concat(revision.Dependencies).Distinct(StringComparer.Ordinal)];

    private string[]? _below;

    public override IReadOnlyList<string> From => upgrade ? Below : [revision.Id];

    public override IReadOnlyList<string> To => upgrade ? [revision.Id] : Below;

    public override bool ShouldDeleteBranch(IReadOnlyCollection<string> heads) =>
        !upgrade && heads.Contains(revision.Id) && (Below.Count == 0 || UnmergeTargets(heads).Count == 0);

    public override bool ShouldCreateBranch(IReadOnlyCollection<string> heads) =>
        upgrade && (Below.Count == 0 || !Below.Any(heads.Contains));

    public override bool ShouldMergeBranches(IReadOnlyCollection<string> heads) =>
        upgrade && Below.Count > 1 && Below.Count(heads.Contains) > 1;

    public override bool ShouldUnmergeBranches(IReadOnlyCollection<string> heads) =>
        !upgrade && heads.Contains(revision.Id) && Below.Count > 1;

    public override (IReadOnlyList<string> Delete, string UpdateFrom, string UpdateTo) MergeIdents(IReadOnlyCollection<string> heads)
    {
        var others = heads.Except(From).ToList();
        var from = others.Count == 0 ? From.ToList() : From.Except(AncestorsOf(others)).ToList();
        return (from[..^1], from[^1], To[0]);
    }

    public override (string UpdateFrom, string UpdateTo, IReadOnlyList<string> Insert) UnmergeIdents(IReadOnlyCollection<string> heads)
    {
        var targets = UnmergeTargets(heads);
        return (From[0], targets[^1], targets[..^1]);
    }

    public override (string From, string To) UpdateIdents(IReadOnlyCollection<string> heads)
    {
        var down = Below.Count == 1 ? Below[0] : Below.Where(heads.Contains).ToList() switch
        {
            [var one] => one,
            var many => throw new RetortException($"Cannot move the version table for {revision.Id}: its parents {string.Join(", ", many)} are ambiguous among the current heads"),
        };
        return upgrade ? (down, revision.Id) : (revision.Id, down);
    }

    /// <summary>The revisions an undone revision leaves as heads: those not already implied by the other heads.</summary>
    private List<string> UnmergeTargets(IReadOnlyCollection<string> heads)
    {
        var others = heads.Where(h => h != revision.Id).ToList();
        return others.Count == 0 ? To.ToList() : To.Except(AncestorsOf(others)).ToList();
    }

    private HashSet<string> AncestorsOf(IEnumerable<string> ids) =>
        map.Ancestors(ids).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    // Alembic's step line names the down-revisions only, not the dependencies (its from/to "no deps").
    public override string Comment() =>
        $"Running {(upgrade ? "upgrade" : "downgrade")} {string.Join(", ", upgrade ? revision.DownRevisions : [revision.Id])} -> {string.Join(", ", upgrade ? [revision.Id] : revision.DownRevisions)}";

    public override string Describe() => $"{Comment()}, {revision.Header.Message}";
}

/// <summary>Setting the version table to revisions without running them.</summary>
internal sealed class StampStep(IReadOnlyList<string> from, IReadOnlyList<string> to, bool upgrade, bool branchMove) : MigrationStep
{
    public override bool IsUpgrade => upgrade;

    public override IReadOnlyList<string> From => from;

    public override IReadOnlyList<string> To => to;

    public override bool ShouldDeleteBranch(IReadOnlyCollection<string> heads) => !upgrade && branchMove;

    public override bool ShouldCreateBranch(IReadOnlyCollection<string> heads) =>
        upgrade && (branchMove || from.Any(f => !heads.Contains(f))) && to.Any(t => !heads.Contains(t));

    public override bool ShouldMergeBranches(IReadOnlyCollection<string> heads) => from.Count > 1;

    public override bool ShouldUnmergeBranches(IReadOnlyCollection<string> heads) => to.Count > 1;

    public override (IReadOnlyList<string> Delete, string UpdateFrom, string UpdateTo) MergeIdents(IReadOnlyCollection<string> heads) =>
        (from.Take(from.Count - 1).ToList(), from[^1], to[0]);

    public override (string UpdateFrom, string UpdateTo, IReadOnlyList<string> Insert) UnmergeIdents(IReadOnlyCollection<string> heads) =>
        (from[0], to[^1], to.Take(to.Count - 1).ToList());

    public override (string From, string To) UpdateIdents(IReadOnlyCollection<string> heads) => (from[0], to[0]);

    public override string Comment() => $"Running stamp_revision {string.Join(", ", from)} -> {string.Join(", ", to)}";

    public override string Describe() => Comment();
}
