namespace Retort.Revisions;

/// <summary>
/// What a revision file declares about itself: its <see cref="RevisionAttribute"/> and its summary,
/// read from the file's text without compiling it.
/// </summary>
/// <param name="Id">The revision id.</param>
/// <param name="DownRevisions">The parents (<c>Revises</c>): none for a base, several for a merge.</param>
/// <param name="BranchLabels">The labels declared on this revision itself.</param>
/// <param name="DependsOn">Ids, partial ids or branch labels that must be applied first.</param>
/// <param name="CreateDate">When the revision was written, as the file says it.</param>
/// <param name="Message">The first line of the summary.</param>
/// <param name="Doc">The whole summary text.</param>
/// <param name="Path">The file, or null for a revision that was not read from a file.</param>
/// <param name="ClassName">The full name of the migration class (namespace included), when known.</param>
/// <param name="Phase">When the revision may run in a zero-downtime deploy (<c>Phase = MigrationPhase.PostDeploy</c>).</param>
public sealed record RevisionHeader(
    string Id,
    IReadOnlyList<string> DownRevisions,
    IReadOnlyList<string> BranchLabels,
    IReadOnlyList<string> DependsOn,
    string? CreateDate = null,
    string Message = "",
    string Doc = "",
    string? Path = null,
    string? ClassName = null,
    MigrationPhase Phase = MigrationPhase.PreDeploy)
{
    /// <summary>A header for tests and programmatic graphs: id, parents, nothing else.</summary>
    public static RevisionHeader Of(string id, params string[] downRevisions) =>
        new(id, downRevisions, [], []);

    /// <summary>
    /// The revisions this one squashed (<c>Replaces</c>), in upgrade order; the last is the one whose databases are at
    /// this revision. Empty for a revision that squashed nothing.
    /// </summary>
    public IReadOnlyList<string> Replaces { get; init; } = [];
}
