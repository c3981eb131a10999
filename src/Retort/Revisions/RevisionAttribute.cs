namespace Retort;

/// <summary>
/// Marks a <see cref="Migration"/> class as a revision and places it in the revision graph.
/// </summary>
/// <example>
/// <code>
/// [Revision("3f2a9c1b7d4e", Revises = "1a2b3c4d5e6f", CreateDate = "2026-11-26 19:30:00")]
/// public sealed class AddNewColumnAddress : Migration { ... }
/// </code>
/// </example>
/// <remarks>
/// The CLI reads this attribute from the file's syntax without compiling it, so its arguments must be
/// string literals (or arrays of them), not constants defined elsewhere.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RevisionAttribute(string id) : Attribute
{
    /// <summary>The revision id: 12 hex characters by default, any text without <c>@ - + :</c>.</summary>
    public string Id { get; } = id;

    /// <summary>
    /// The revision(s) this one comes after: nothing for a base, one id, or an array of ids for a merge
    /// (<c>Revises = new[] { "a1", "b2" }</c>).
    /// </summary>
    public object? Revises { get; set; }

    /// <summary>Branch labels, one string or an array, usable in targets as <c>LABEL@head</c>.</summary>
    public object? BranchLabels { get; set; }

    /// <summary>
    /// Revisions (ids or branch labels, one string or an array) that must be applied before this one
    /// without being its parents.
    /// </summary>
    public object? DependsOn { get; set; }

    /// <summary>When the revision was written, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public string? CreateDate { get; set; }

    /// <summary>
    /// When the revision may run in a zero-downtime deploy: <see cref="MigrationPhase.PreDeploy"/> (the default) before
    /// the new application version starts, <see cref="MigrationPhase.PostDeploy"/> only once the old one is gone
    /// (<c>Phase = MigrationPhase.PostDeploy</c>; <c>upgrade --phase pre</c> holds it and what follows it back).
    /// </summary>
    public MigrationPhase Phase { get; set; }

    /// <summary>
    /// The revisions this one squashed (<c>retort squash</c>), one id or an array, in upgrade order: a database whose
    /// version table names the last of them is at this revision; one that names another of them is told how to get out.
    /// </summary>
    public object? Replaces { get; set; }
}
