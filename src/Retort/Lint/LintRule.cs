using Retort.Dialects;

namespace Retort.Lint;

/// <summary>How bad a finding is: errors and warnings fail <c>retort lint</c>, notices do not.</summary>
public enum LintSeverity
{
    /// <summary>Worth knowing; does not fail the lint.</summary>
    Notice,

    /// <summary>Likely to hurt (a lock, a failure on real rows); fails the lint.</summary>
    Warning,

    /// <summary>Loses data or breaks; fails the lint.</summary>
    Error,
}

/// <summary>What kind of harm a rule is about; <c>"lint": { "failOn": [...] }</c> names these.</summary>
public enum LintCategory
{
    /// <summary>Loses data: drops, narrowing types.</summary>
    Destructive,

    /// <summary>Fails or misbehaves depending on the rows already there.</summary>
    Data,

    /// <summary>Holds a lock, rewrites or rebuilds a table while the application waits.</summary>
    Locking,

    /// <summary>Breaks the application version that is still running while the revision runs.</summary>
    Breaking,

    /// <summary>Works today, costs later.</summary>
    Hygiene,

    /// <summary>About the suppressions themselves.</summary>
    Suppression,
}

/// <summary>
/// One lint rule: a stable code (<c>RT102</c>), a name, what it is about and on which databases, and the text
/// <c>retort lint --explain</c> prints.
/// </summary>
/// <param name="Code">The stable code, used in suppressions and <c>failOn</c>.</param>
/// <param name="Name">A short name in words with dashes.</param>
/// <param name="Category">What kind of harm.</param>
/// <param name="Severity">How bad.</param>
/// <param name="Databases">The databases it applies to; empty for all.</param>
/// <param name="Summary">One line.</param>
/// <param name="Why">What goes wrong, and when.</param>
/// <param name="Instead">The safe way.</param>
/// <param name="Peers">What the same check is called in squawk and Atlas, where they have it.</param>
public sealed record LintRule(string Code, string Name, LintCategory Category, LintSeverity Severity,
    IReadOnlyList<DialectId> Databases, string Summary, string Why, string Instead, string? Peers = null)
{
    /// <summary>Whether the rule applies on <paramref name="database"/> (MariaDB counts as MySQL).</summary>
    public bool AppliesTo(DialectId database) =>
        Databases.Count == 0 || Databases.Contains(database) || (database == DialectId.MariaDb && Databases.Contains(DialectId.MySql));

    /// <summary>The category as <c>failOn</c> and reports spell it.</summary>
    public string CategoryName => Category.ToString().ToLowerInvariant();

    /// <summary>The text of <c>retort lint --explain CODE</c>.</summary>
    public IReadOnlyList<string> Explain() =>
    [
        $"{Code} {Name} ({CategoryName}, {Severity.ToString().ToLowerInvariant()}{(Databases.Count == 0 ? "" : ", " + string.Join(" and ", Databases.Select(d => d.Name)))})",
        "",
        Summary,
        "",
        Why,
        "",
        "Instead: " + Instead,
        .. Peers is null ? Array.Empty<string>() : ["", "Also known as: " + Peers],
        "",
        $"Suppress it on one operation with op.…(…).Lint(\"{Code}\", \"why it is safe here\"), or on a revision with [Lint(\"{Code}\", \"why\")].",
    ];
}
