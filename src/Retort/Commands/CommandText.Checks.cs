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

    /// <summary>
    /// <c>squash</c>: what was computed and where, the file written, the proof, the files rewired and deleted; or, when the
    /// proof failed, each difference and that nothing was changed.
    /// </summary>
    public static IReadOnlyList<string> Squash(SquashReport report)
    {
        var count = report.Replaced.Count == 1 ? $"revision {report.Replaced[0]}" : $"{report.Replaced.Count} revisions, {report.Replaced[0]} to {report.Replaced[^1]}";
        var lines = new List<string> { $"Squashing {count}, computed on {report.Database}" };
        lines.AddRange(report.Warnings.Select(warning => $"warning: {warning}"));
        lines.Add($"  {report.Operations} operation(s) in its upgrade" + (report.DataOperations.Count == 0 ? "" : $", {report.DataOperations.Count} of them copied data operations:"));
        lines.AddRange(report.DataOperations.Select(d => $"    {d}"));
        if (!report.Proven)
        {
            lines.Add($"squash refused: {report.Id} does not make the schema the revisions make; nothing was changed");
            lines.AddRange(report.Differences.Select(d => $"  {d}"));
            return lines;
        }
        var last = report.Replaced[^1];
        var proof = $"a database upgraded through {report.Id} has the schema of one upgraded to {last}, and its downgrade gives back the schema before {report.Replaced[0]}";
        if (!report.Written)
            return [.. lines, $"Proven: {proof}", $"Dry run: would write {DisplayPath(report.Path)} and delete the {report.Replaced.Count} replaced file(s)"];
        lines.Add($"Generating {DisplayPath(report.Path)} ... done");
        lines.Add($"Proven: {proof}");
        lines.AddRange(report.Rewired.Select(path => $"Rewired {DisplayPath(path)}: on {report.Id} instead of {last}"));
        lines.Add($"Deleted the {report.Deleted.Count} replaced file(s) (version control keeps them); databases at {last} are at {report.Id}");
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
