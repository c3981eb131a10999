using System.Text.Json;
using Retort.Lint;

namespace Retort;

/// <summary>What <see cref="SafetyNet.LintAsync"/> is asked to judge.</summary>
/// <param name="Range">The revisions, <c>FROM:TO</c> with either side left out; all by default, or with <paramref name="Live"/>
/// the revisions the database has not applied yet.</param>
/// <param name="Live">Connect to the project's database: read the server's version, count the rows each data-dependent
/// finding would meet (dropping the findings that meet none), and leave out tables the database does not have yet.</param>
public sealed record LintRequest(string? Range = null, bool Live = false);

/// <summary>One finding as the report gives it.</summary>
/// <param name="Code">The rule's code (<c>RT102</c>).</param>
/// <param name="Rule">The rule's name (<c>drop-column</c>).</param>
/// <param name="Category">Its category (<c>destructive</c>).</param>
/// <param name="Severity">error, warning or notice.</param>
/// <param name="Revision">The revision, or null for operations autogenerate is about to write.</param>
/// <param name="File">The revision's file name, when known.</param>
/// <param name="Message">What fires it (<c>drops column users.fax</c>).</param>
/// <param name="Advice">The rule's safe way.</param>
/// <param name="Count">What a live database counted (rows, NULLs, duplicates, orphans), when it was asked.</param>
/// <param name="Counted">What <paramref name="Count"/> counts.</param>
/// <param name="SuppressedBecause">The reason a suppression gives, or null when the finding stands.</param>
public sealed record LintItem(string Code, string Rule, string Category, string Severity, string? Revision, string? File, string Message,
    string Advice, long? Count = null, string? Counted = null, string? SuppressedBecause = null);

/// <summary>What lint found.</summary>
/// <param name="Database">The database kind the revisions were judged for, with the server's version when read.</param>
/// <param name="Revisions">How many revisions were judged.</param>
/// <param name="Findings">Every finding, suppressed ones included, in revision order.</param>
/// <param name="Notes">What could not be judged, and why.</param>
public sealed record LintReport(string Database, int Revisions, IReadOnlyList<LintItem> Findings, IReadOnlyList<string> Notes)
{
    /// <summary>The findings no suppression silences.</summary>
    public IEnumerable<LintItem> Standing => Findings.Where(f => f.SuppressedBecause is null);

    /// <summary>Whether <c>retort lint</c> passes: no standing error or warning (notices do not fail it).</summary>
    public bool Passed => !Standing.Any(f => f.Severity != "notice");

    /// <summary>The standing findings that <paramref name="failOn"/> (categories or codes, as <c>lint.failOn</c> gives them) names.</summary>
    public IReadOnlyList<LintItem> Blocking(IReadOnlyList<string> failOn) =>
        Standing.Where(f => failOn.Any(name => string.Equals(name, f.Category, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, f.Code, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Checks <c>lint.failOn</c>: each entry must be a category or a rule code, so that a typo does not switch the guard off.</summary>
    public static void CheckFailOn(IReadOnlyList<string> failOn)
    {
        var categories = Enum.GetValues<LintCategory>().Select(c => c.ToString().ToLowerInvariant()).ToList();
        foreach (var name in failOn.Where(n => !categories.Contains(n, StringComparer.OrdinalIgnoreCase) && LintRules.Find(n) is null))
            throw new RetortException($"retort.json: lint.failOn: '{name}' is neither a lint category ({string.Join(", ", categories)}) nor a rule code (RT101 … {LintRules.Every[^1].Code}; retort lint --explain lists them)");
    }

    /// <summary>The report as JSON, for <c>retort lint --json</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { Database, Revisions, Passed, Findings, Notes }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
