using System.Text.Json;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

/// <summary>What <see cref="SafetyNet.VerifyAsync"/> is asked to check.</summary>
/// <param name="Range">The revisions to verify, <c>FROM:TO</c> with either side left out (<c>base</c>, the heads); all by default.</param>
/// <param name="ScratchUrl">A server to make the scratch database on (created and dropped); a temporary SQLite file by default.</param>
/// <param name="SeveralHeads">Whether several heads are fine; by default a graph with more than one head fails.</param>
public sealed record VerifyRequest(string? Range = null, string? ScratchUrl = null, bool SeveralHeads = false);

/// <summary>One revision as verify found it.</summary>
/// <param name="Id">The revision.</param>
/// <param name="Message">Its message.</param>
/// <param name="Failure">Null when its downgrade gives back the schema its upgrade found; otherwise what went wrong.</param>
/// <param name="Differences">What the upgrade and the downgrade together leave changed, one change each ("added column 'users.address'").</param>
public sealed record VerifiedRevision(string Id, string? Message, string? Failure, IReadOnlyList<string> Differences);

/// <summary>What verify found.</summary>
/// <param name="Database">The scratch database it ran on (gone by now).</param>
/// <param name="Revisions">The revisions it ran, in order, up to the first that failed.</param>
/// <param name="Problems">What is wrong beyond single revisions: several heads, a schema at the head that is not the model's.</param>
/// <param name="Notes">What was not checked, and why.</param>
public sealed record VerifyReport(string Database, IReadOnlyList<VerifiedRevision> Revisions, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    /// <summary>The report of a run: its verdicts, the problems of the graph and of the schema at the head, what was left unchecked.</summary>
    internal static VerifyReport Of(VerifyOutcome outcome, RevisionMap map, VerifyRequest request, bool hasModel)
    {
        var revisions = outcome.Verdicts.Select(v => new VerifiedRevision(v.Revision.Id, v.Revision.Header.Message, v.Failure, v.Differences)).ToList();
        var problems = new List<string>();
        if (!request.SeveralHeads && map.Heads.Count > 1)
            problems.Add($"the graph has {map.Heads.Count} heads ({string.Join(", ", map.Heads.Select(h => h.Id))}); merge them, or pass --several-heads");
        if (outcome.AtHead is { Count: > 0 } model)
            problems.Add("the schema at the head is not the model's; autogenerate would write: " + string.Join("; ", model));
        var notes = new List<string>();
        if (revisions.FirstOrDefault(r => r.Failure is not null) is { } failed)
        {
            if (map.UpgradeSteps([], "heads")[^1].Id != failed.Id)
                notes.Add("the revisions after the first failure were not run");
        }
        else if (!hasModel)
            notes.Add("the project names no model (model.sources, model.assemblies, model.types), so the schema at the head was not compared with one");
        return new VerifyReport(outcome.Database, revisions, problems, notes);
    }

    /// <summary>Whether every revision reversed and nothing else was wrong.</summary>
    public bool Passed => Problems.Count == 0 && Revisions.All(r => r.Failure is null);

    /// <summary>The report as JSON, for <c>retort verify --json</c>: camelCase, <c>passed</c> included.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
