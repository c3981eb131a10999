using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Retort.Revisions;

namespace Retort;

/// <summary>
/// What the inspecting commands print with <c>--json</c>: one object per run, its <c>schema</c> field naming the version
/// of the shapes (<see cref="Schema"/>), its <c>command</c> field the command. docs/json.md describes each shape.
/// </summary>
/// <remarks>
/// Fields are added within a version, never renamed or removed; a reader should ignore fields it does not know. A field
/// with no value is <c>null</c>, and a list with nothing in it is <c>[]</c>, so that every field of a shape is always there.
/// </remarks>
public static partial class CommandJson
{
    /// <summary>The version of the JSON shapes, the value of every document's <c>schema</c> field.</summary>
    public const string Schema = "retort/v1";

    /// <summary><c>history --json</c>: the revisions of <paramref name="range"/>, newest first, as <see cref="CommandText.HistoryAsync"/> lists them.</summary>
    public static async Task<string> HistoryAsync(Commands commands, string? range, bool indicateCurrent, CancellationToken cancellationToken = default)
    {
        var current = await CommandText.CurrentIdsAsync(commands, range, indicateCurrent, cancellationToken);
        return Write(new RevisionsDocument(Schema, "history", Revisions(commands.History(range, current), current)));
    }

    /// <summary><c>heads --json</c>.</summary>
    public static string Heads(Commands commands, bool resolveDependencies) =>
        Write(new RevisionsDocument(Schema, "heads", Revisions(commands.Heads(resolveDependencies), null)));

    /// <summary><c>branches --json</c>: the branch points, each with the ids of the revisions it branches into (its <c>children</c>).</summary>
    public static string Branches(Commands commands) => Write(new RevisionsDocument(Schema, "branches", Revisions(commands.Branches(), null)));

    /// <summary><c>show REV --json</c>.</summary>
    public static string Show(Commands commands, string symbol) => Write(new RevisionsDocument(Schema, "show", Revisions(commands.Show(symbol), null)));

    /// <summary><c>current --json</c>: the database (without its password) and the revisions it is at.</summary>
    public static async Task<string> CurrentAsync(Commands commands, CancellationToken cancellationToken = default)
    {
        var revisions = await commands.CurrentAsync(cancellationToken);
        var ids = revisions.Select(r => r.Id).ToList();
        return Write(new CurrentDocument(Schema, "current", Configuration.DatabaseUrl.From(commands.Config).Display, Revisions(revisions, ids)));
    }

    /// <summary>
    /// <c>stamp REVS --json</c>: stamps the database at <paramref name="revisions"/> (after emptying the version table, with
    /// <paramref name="purge"/>), then describes the move: the ids the version table held before, and the revisions it holds now.
    /// </summary>
    public static async Task<string> StampAsync(Commands commands, IReadOnlyList<string> revisions, bool purge = false, CancellationToken cancellationToken = default)
    {
        List<string> before;
        try
        {
            before = [.. (await commands.CurrentAsync(cancellationToken)).Select(r => r.Id)];
        }
        catch (RetortException)
        {
            // A SQLite file not made yet, which reading refuses to create and the stamp creates; a database that cannot be
            // reached fails the stamp below with the same error.
            before = [];
        }
        await commands.StampAsync(revisions, purge, null, cancellationToken);
        var after = await commands.CurrentAsync(cancellationToken);
        return Write(new StampDocument(Schema, "stamp", Configuration.DatabaseUrl.From(commands.Config).Display, purge, before,
            Revisions(after, [.. after.Select(r => r.Id)])));
    }

    /// <summary>
    /// <c>check --json</c>: the operations the model wants and the database lacks, and the comparison's warnings; with
    /// <see cref="CheckResult.Changed"/> for the exit code.
    /// </summary>
    public static async Task<CheckResult> CheckAsync(Commands commands, CancellationToken cancellationToken = default)
    {
        var diff = await commands.CompareAsync(cancellationToken);
        var operations = diff.Upgrade.Select(o => new OperationJson(Kind(o), OperationSummary.Describe(o))).ToList();
        var database = Configuration.DatabaseUrl.From(commands.Config).Display;
        return new CheckResult(operations.Count > 0, Write(new CheckDocument(Schema, "check", database, operations.Count > 0, operations, diff.Warnings)));
    }

    /// <summary><c>check --drift --json</c>: what was changed by hand, beyond the database's revisions.</summary>
    public static string Drift(DriftReport report) =>
        Write(new DriftDocument(Schema, "check --drift", report.Database, report.Drifted, report.Heads, report.Differences));

    // "AddColumnOperation" reads "add_column", the operation's name in Alembic and in the revision files' op calls.
    private static string Kind(Ops.MigrationOperation operation)
    {
        var name = operation.GetType().Name;
        name = name.EndsWith("Operation", StringComparison.Ordinal) ? name[..^"Operation".Length] : name;
        return string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }

    private static List<RevisionJson> Revisions(IEnumerable<Revision> revisions, IReadOnlyCollection<string>? current)
    {
        var folder = Directory.GetCurrentDirectory();
        return [.. revisions.Select(r => new RevisionJson(
            r.Id, r.Header.Message, r.DownRevisions, r.Dependencies, r.NextRevisions, r.BranchLabels,
            IsHead: r.IsRealHead, IsEffectiveHead: r.IsHead && !r.IsRealHead, r.IsBranchPoint, r.IsMergePoint,
            Current: current?.Contains(r.Id) ?? false,
            Phase: r.Phase == MigrationPhase.PostDeploy ? "post-deploy" : "pre-deploy",
            Path: r.Header.Path is { } path ? CommandText.DisplayPath(path, folder) : null,
            CreateDate: r.Header.CreateDate))];
    }

    // Through the source-generated shapes (JsonShapes), never reflection: the native front (Engine) prints these too.
    internal static string Write<T>(T document) => JsonSerializer.Serialize(document, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    // Relaxed escaping keeps "a -> b" and names in other scripts readable; the documents are printed, not embedded in HTML.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = JsonShapes.Default,
    };

    internal sealed record RevisionJson(string Id, string? Message, IReadOnlyList<string> Parents, IReadOnlyList<string> DependsOn,
        IReadOnlyList<string> Children, IReadOnlyList<string> BranchLabels, bool IsHead, bool IsEffectiveHead, bool IsBranchPoint, bool IsMergePoint,
        bool Current, string Phase, string? Path, string? CreateDate);

    internal sealed record RevisionsDocument(string Schema, string Command, IReadOnlyList<RevisionJson> Revisions);

    internal sealed record CurrentDocument(string Schema, string Command, string Database, IReadOnlyList<RevisionJson> Revisions);

    internal sealed record StampDocument(string Schema, string Command, string Database, bool Purged, IReadOnlyList<string> From,
        IReadOnlyList<RevisionJson> Revisions);

    internal sealed record OperationJson(string Kind, string Summary);

    internal sealed record CheckDocument(string Schema, string Command, string Database, bool Changed, IReadOnlyList<OperationJson> Operations,
        IReadOnlyList<string> Warnings);

    internal sealed record DriftDocument(string Schema, string Command, string Database, bool Drifted, IReadOnlyList<string> Heads,
        IReadOnlyList<string> Differences);

    internal sealed record PlanStepJson(int Number, string? Revision, string Direction, IReadOnlyList<string> From, IReadOnlyList<string> To,
        string Description, IReadOnlyList<string> Statements);

    internal sealed record PlanDocument(string Schema, string Command, string Database, string Target, IReadOnlyList<PlanStepJson> Steps);

    /// <summary>The shapes above, serialized by generated code: no reflection at run time (names and layout come from <see cref="Options"/>).</summary>
    [JsonSerializable(typeof(RevisionsDocument))]
    [JsonSerializable(typeof(CurrentDocument))]
    [JsonSerializable(typeof(StampDocument))]
    [JsonSerializable(typeof(CheckDocument))]
    [JsonSerializable(typeof(DriftDocument))]
    [JsonSerializable(typeof(PlanDocument))]
    [JsonSerializable(typeof(FleetDocument))]
    private sealed partial class JsonShapes : JsonSerializerContext;
}

/// <summary>What <see cref="CommandJson.CheckAsync"/> found: whether the model and the database differ, and the document.</summary>
/// <param name="Changed">The model wants operations the database lacks (<c>check</c> exits 1).</param>
/// <param name="Json">The document.</param>
public sealed record CheckResult(bool Changed, string Json);
