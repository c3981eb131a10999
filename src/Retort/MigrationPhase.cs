namespace Retort;

/// <summary>
/// When a revision may run in a zero-downtime deploy (expand and contract): before the new version of the application
/// starts, while the old one still serves, or only once the old version is gone.
/// </summary>
/// <example>
/// <code>
/// [Revision("4c1d8e2f9a0b", Revises = "3f2a9c1b7d4e", Phase = MigrationPhase.PostDeploy)]
/// public sealed class DropOldNameColumn : Migration { ... }
/// </code>
/// <c>retort upgrade head --phase pre</c> runs the pending revisions up to the first post-deploy one on each branch;
/// <c>retort upgrade head --phase post</c> runs the rest.
/// </example>
public enum MigrationPhase
{
    /// <summary>
    /// The default: the change must be in place before the new application version starts, and the old version must
    /// keep working with it (add a column, a table, an index; backfill).
    /// </summary>
    PreDeploy,

    /// <summary>
    /// The change may only run once no old application version is left (drop the column the old version still reads,
    /// make a new column NOT NULL); it and every revision after it wait for <c>--phase post</c>.
    /// </summary>
    PostDeploy,
}
