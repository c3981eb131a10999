namespace Retort.Ops;

/// <summary>A lint rule declared not to apply, with the reason a reviewer reads: on one operation, or on a whole revision.</summary>
/// <param name="Code">The rule's code, such as <c>RT102</c>.</param>
/// <param name="Reason">Why the rule does not apply here; lint reports a suppression without one.</param>
public sealed record LintSuppression(string Code, string? Reason);
