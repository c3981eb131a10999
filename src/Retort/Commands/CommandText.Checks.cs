namespace Retort;

public static partial class CommandText
{
    /// <summary><c>verify</c>: one line per revision run, what a failing one left changed, the problems and notes, and a verdict.</summary>
    public static IReadOnlyList<string> Verify(VerifyReport report)
    {
        var lines = new List<string> { $"Verifying on {report.Database}, a scratch database dropped after the run" };
        foreach (var revision in report.Revisions)
        {
            lines.Add($"  {(revision.Failure is null ? "ok  " : "FAIL")}  {revision.Id}  {revision.Message}");
            if (revision.Failure is null)
                continue;
            lines.Add($"        {revision.Failure}" + (revision.Differences.Count > 0 ? "; upgrade and downgrade leave:" : ""));
            lines.AddRange(revision.Differences.Select(difference => $"          {difference}"));
        }
        lines.AddRange(report.Problems.Select(problem => $"problem: {problem}"));
        lines.AddRange(report.Notes.Select(note => $"note: {note}"));
        var failed = report.Revisions.FirstOrDefault(r => r.Failure is not null);
        lines.Add(failed is not null ? $"verify failed at revision {failed.Id}"
            : report.Passed ? $"verify passed: {report.Revisions.Count} revision(s) reverse"
            : $"verify failed: {report.Revisions.Count} revision(s) reverse, but {report.Problems.Count} problem(s) above");
        return lines;
    }

    /// <summary><c>check --drift</c>: that the database is what its revisions make, or each change made beyond them.</summary>
    public static IReadOnlyList<string> Drift(DriftReport report)
    {
        var at = report.Heads.Count == 0 ? "base" : string.Join(", ", report.Heads);
        if (!report.Drifted)
            return [$"No drift: {report.Database} is what its revisions make (at {at})."];
        return [$"Drift from what the revisions make at {at} ({report.Differences.Count}):", .. report.Differences.Select(d => $"  {d}")];
    }
}
