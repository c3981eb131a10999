namespace Retort.Revisions;

/// <summary>What an upgrade in one deploy phase runs, and where the pre-deploy phase stops (see <see cref="RevisionMap.PlanUpgrade"/>).</summary>
/// <param name="Steps">The revisions to apply, in order.</param>
/// <param name="HeldBack">
/// The first revision held back on each branch: a pending post-deploy revision nothing held back comes before. The
/// revisions after it wait with it. Empty outside the pre-deploy phase.
/// </param>
public sealed record UpgradePlan(IReadOnlyList<Revision> Steps, IReadOnlyList<Revision> HeldBack);
