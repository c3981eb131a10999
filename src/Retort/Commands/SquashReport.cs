namespace Retort;

/// <summary>What <see cref="SchemaRevisions.SquashAsync"/> is asked to do.</summary>
/// <param name="Range">The revisions to replace, <c>FROM:TO</c> as <c>verify -r</c> reads it, both ends included.</param>
/// <param name="Message">The squash revision's message (<c>-m</c>).</param>
/// <param name="KeepDataMigrations">
/// Copy the data operations of the range (<c>op.Execute</c>, <c>op.BulkInsert</c>) into the squash, in order, after its
/// schema operations; without it a range that changes data is refused. A revision that reads <c>op.Connection</c> is
/// refused either way: its code cannot be copied.
/// </param>
/// <param name="ScratchUrl">The server the scratch databases are made on; by default the project's own (a temporary SQLite file for SQLite).</param>
/// <param name="RevisionId">The squash's id instead of a random one.</param>
/// <param name="DryRun">Compute and prove the squash, but write and delete nothing.</param>
public sealed record SquashRequest(string Range, string Message, bool KeepDataMigrations = false, string? ScratchUrl = null,
    string? RevisionId = null, bool DryRun = false);

/// <summary>What <see cref="SchemaRevisions.SquashAsync"/> did, or would do (<see cref="SquashRequest.DryRun"/>), or why it refused.</summary>
/// <param name="Id">The squash revision's id.</param>
/// <param name="Path">Its file (not written when <see cref="Written"/> is false).</param>
/// <param name="Replaced">The revisions it replaces, in upgrade order.</param>
/// <param name="Database">Where the schemas were computed and the proof ran, for a person.</param>
/// <param name="Operations">How many operations its upgrade has, data operations included.</param>
/// <param name="DataOperations">The data operations copied from the range, each with its revision ("3c1d…: ran SQL …").</param>
/// <param name="Rewired">The files of revisions outside the range rewritten to revise (or depend on) the squash instead of the range's last revision.</param>
/// <param name="Deleted">The files of the replaced revisions, deleted.</param>
/// <param name="Warnings">What the comparison of the schemas warns of (a possible rename, a type change that may cut values).</param>
/// <param name="Differences">
/// Empty when the proof held: a database upgraded through the squash has the schema of one upgraded through the range,
/// and the squash's downgrade gives back the schema before it. Otherwise each difference, and nothing was written.
/// </param>
/// <param name="Written">Whether the squash was written and the replaced files deleted.</param>
public sealed record SquashReport(string Id, string Path, IReadOnlyList<string> Replaced, string Database, int Operations,
    IReadOnlyList<string> DataOperations, IReadOnlyList<string> Rewired, IReadOnlyList<string> Deleted, IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Differences, bool Written)
{
    /// <summary>Whether the squash makes the schema the range makes, both ways.</summary>
    public bool Proven => Differences.Count == 0;
}
