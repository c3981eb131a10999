using Retort.Ops;
using Retort.Revisions;

namespace Retort;

/// <summary>What <see cref="SchemaRevisions.BaselineAsync"/> is asked to do (<c>retort baseline --from-live</c>).</summary>
/// <param name="Message">The revision's message (<c>-m</c>).</param>
/// <param name="ModelOut">A folder to write C# model classes into, one file per table and view (<c>--model-out</c>); none by default.</param>
/// <param name="Force">Overwrite model files that exist already (<c>--force</c>); by default they stop the baseline before it writes anything.</param>
/// <param name="Stamp">Stamp the database at the revision once the proof passes; <c>--no-stamp</c> leaves it unstamped.</param>
/// <param name="ScratchUrl">The server to make the proof's scratch database on (created and dropped, as verify's); by default the
/// database's own server, or a temporary file for SQLite.</param>
/// <param name="RevisionId">The id to use instead of a random one (<c>--rev-id</c>).</param>
/// <param name="ModelNamespace">The model classes' namespace; by default the folder's name (<c>Models</c>).</param>
public sealed record BaselineRequest(
    string Message = "baseline",
    string? ModelOut = null,
    bool Force = false,
    bool Stamp = true,
    string? ScratchUrl = null,
    string? RevisionId = null,
    string? ModelNamespace = null)
{
    /// <summary>Tables of the database left out of the revision and the proof (adopt-ef's <c>__EFMigrationsHistory</c>).</summary>
    internal IReadOnlyList<string> Leave { get; init; } = [];
}

/// <summary>What <c>baseline --from-live</c> did.</summary>
/// <param name="Database">The database read (and stamped, when <see cref="Stamped"/>).</param>
/// <param name="Revision">The revision written: a base revision whose upgrade creates the schema read.</param>
/// <param name="Contents">What its upgrade creates, counted by kind ("4 tables", "3 indexes", "1 view").</param>
/// <param name="ScratchDatabase">The scratch database the revision was replayed on for the proof (gone by now).</param>
/// <param name="ProofFailure">Null when the revision ran on the scratch database; otherwise the error it stopped at.</param>
/// <param name="ProofDifferences">What leads from the schema the revision builds to the live one, one change each; empty when they are the same.</param>
/// <param name="Stamped">Whether the database was stamped at the revision.</param>
/// <param name="ModelFiles">The model files written (full paths).</param>
/// <param name="ModelGaps">What the model classes cannot say about the schema, so that <c>check</c> with them reports it.</param>
/// <param name="Notes">Warnings about the schema read, and what was left as it was.</param>
public sealed record BaselineReport(
    string Database,
    RevisionHeader Revision,
    IReadOnlyList<string> Contents,
    string ScratchDatabase,
    string? ProofFailure,
    IReadOnlyList<string> ProofDifferences,
    bool Stamped,
    IReadOnlyList<string> ModelFiles,
    IReadOnlyList<string> ModelGaps,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether the revision, run on an empty database, gives exactly the live schema.</summary>
    public bool Proved => ProofFailure is null && ProofDifferences.Count == 0;

    // What the upgrade creates, by kind: "4 tables", "3 indexes", "1 view".
    internal static IReadOnlyList<string> ContentsOf(IReadOnlyList<MigrationOperation> upgrade)
    {
        var tables = upgrade.OfType<CreateTableOperation>().ToList();
        int Count<T>() where T : Constraint =>
            tables.Sum(t => t.Table.Constraints.OfType<T>().Count()) + upgrade.OfType<AddConstraintOperation>().Count(a => a.Constraint is T);
        var counts = new (int Count, string One, string Many)[]
        {
            (tables.Count, "table", "tables"),
            (upgrade.OfType<CreateIndexOperation>().Count(), "index", "indexes"),
            (Count<UniqueConstraint>(), "unique constraint", "unique constraints"),
            (Count<ForeignKey>(), "foreign key", "foreign keys"),
            (Count<CheckConstraint>(), "check constraint", "check constraints"),
            (upgrade.OfType<CreateObjectOperation>().Count(o => o.Kind == ObjectKind.View), "view", "views"),
            (upgrade.OfType<CreateSequenceOperation>().Count(), "sequence", "sequences"),
        };
        return counts.Where(c => c.Count > 0).Select(c => $"{c.Count} {(c.Count == 1 ? c.One : c.Many)}").ToList();
    }
}
