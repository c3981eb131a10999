using Retort.Dialects;
using Retort.Ops;

namespace Retort.Lint;

/// <summary>
/// Judges revisions by their operations (not their SQL text), for the database they will run on: each rule that fires
/// becomes a finding, the suppressions a revision declares silence the findings they name, and a suppression without a
/// reason or without a finding to silence is a finding of its own.
/// </summary>
public static class Linter
{
    /// <summary>The findings of each revision in <paramref name="inputs"/>, in order.</summary>
    public static IReadOnlyList<LintFinding> Lint(IEnumerable<LintInput> inputs, LintTarget target) =>
        inputs.SelectMany(input => Lint(input, target)).ToList();

    /// <summary>The findings of one revision.</summary>
    public static IReadOnlyList<LintFinding> Lint(LintInput input, LintTarget target)
    {
        var judge = new OperationJudge(target, input.Revision, input.PostDeploy);
        var raw = new List<LintFinding>();
        foreach (var operation in input.Operations)
            raw.AddRange(judge.Judge(operation).Where(f => f.Rule.AppliesTo(target.Dialect.Id)));
        return Suppress(input, raw);
    }

    private static List<LintFinding> Suppress(LintInput input, List<LintFinding> raw)
    {
        var used = new HashSet<LintSuppression>(ReferenceEqualityComparer.Instance);
        var findings = raw.Select(finding =>
        {
            var suppression = input.Suppressions
                .Where(s => Covers(s.Operation, finding.Operation) && Matches(s.Suppression, finding.Rule)).Select(s => s.Suppression)
                .Concat(input.RevisionSuppressions.Where(s => Matches(s, finding.Rule)))
                .FirstOrDefault();
            if (suppression is null)
                return finding;
            used.Add(suppression);
            return finding with { SuppressedBecause = string.IsNullOrWhiteSpace(suppression.Reason) ? "(no reason given)" : suppression.Reason };
        }).ToList();

        foreach (var (operation, suppression) in input.Suppressions.Select(s => ((MigrationOperation?)s.Operation, s.Suppression))
                     .Concat(input.RevisionSuppressions.Select(s => ((MigrationOperation?)null, s))))
        {
            var where = operation is null ? "on the revision" : "on this operation";
            if (string.IsNullOrWhiteSpace(suppression.Reason))
                findings.Add(new(LintRules.SuppressionWithoutReason, input.Revision, operation, $"{suppression.Code} is suppressed {where} without a reason"));
            if (used.Contains(suppression))
                continue;
            var message = LintRules.Find(suppression.Code) is null
                ? $"{suppression.Code} is suppressed {where}, but lint has no rule {suppression.Code}"
                : $"{suppression.Code} is suppressed {where}, but nothing there fires it";
            findings.Add(new(LintRules.UnusedSuppression, input.Revision, operation, message));
        }
        return findings;
    }

    private static bool Matches(LintSuppression suppression, LintRule rule) =>
        string.Equals(suppression.Code.Trim(), rule.Code, StringComparison.OrdinalIgnoreCase);

    // A suppression on a batch covers what the batch does.
    private static bool Covers(MigrationOperation suppressed, MigrationOperation? operation) =>
        ReferenceEquals(suppressed, operation)
        || (suppressed is BatchAlterTableOperation batch && batch.Operations.Any(o => ReferenceEquals(o, operation)));
}
