namespace Retort;

/// <summary>
/// Suppresses a lint rule for a whole revision, with the reason a reviewer reads. For one operation, write
/// <c>op.DropColumn(…).Lint("RT102", "why")</c> instead.
/// </summary>
/// <example>
/// <code>
/// [Revision("3f2a9c1b7d4e", Revises = "1a2b3c4d5e6f")]
/// [Lint("RT301", "the audit table is written once a night; a short lock is fine")]
/// public sealed class IndexAuditByDate : Migration { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LintAttribute(string code, string? reason = null) : Attribute
{
    /// <summary>The rule's code, such as <c>RT301</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Why the rule does not apply to this revision; lint reports a suppression without one.</summary>
    public string? Reason { get; } = reason;
}
