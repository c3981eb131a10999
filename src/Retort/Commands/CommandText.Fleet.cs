using System.Globalization;

namespace Retort;

public static partial class CommandText
{
    /// <summary>
    /// A fleet run's summary: a row per target (target, from, to, elapsed, status), the failed targets again with their
    /// errors, and a line of counts.
    /// </summary>
    public static IReadOnlyList<string> Fleet(FleetReport report)
    {
        string[] header = ["TARGET", "FROM", "TO", "ELAPSED", "STATUS"];
        var rows = report.Results.Select(r => new[] { r.Target, Revisions(r.From), r.Failed ? "-" : Revisions(r.To), Seconds(r.Elapsed), r.Status }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        string Row(string[] cells) => string.Join("  ", cells.Select((cell, c) => c == cells.Length - 1 ? cell : cell.PadRight(widths[c])));
        var lines = new List<string> { Row(header) };
        lines.AddRange(rows.Select(Row));
        foreach (var changed in report.Results.Where(r => r.Status == "changed"))
        {
            lines.Add($"{changed.Target}: new upgrade operations detected ({changed.Output.Count}):");
            lines.AddRange(changed.Output.Select(operation => $"  {operation}"));
        }
        var failed = report.Results.Where(r => r.Error is not null).ToList();
        if (failed.Count > 0)
        {
            lines.Add("Failed:");
            lines.AddRange(failed.Select(r => $"  {r.Target}: {r.Error}"));
        }
        lines.Add(Counts(report));
        return lines;
    }

    /// <summary>The last line of a fleet run: <c>200 targets in 3.1 s: 199 upgraded, 1 failed</c>.</summary>
    public static string Counts(FleetReport report) =>
        $"{report.Results.Count} target(s) in {Seconds(report.Elapsed)}: {string.Join(", ", report.Tally.Select(t => $"{t.Count} {t.Status}"))}";

    /// <summary>The line of a target as it finishes: <c>[12/200] tenant_012 a1 -> c3 0.21 s upgraded</c>, or its error.</summary>
    public static string FleetLine(FleetResult result, FleetCounts counts)
    {
        var head = $"[{counts.Done}/{counts.Total}] {result.Target}";
        return result.Error is { } error
            ? $"{head} {Seconds(result.Elapsed)} {result.Status}: {error}"
            : $"{head} {Revisions(result.From)} -> {Revisions(result.To)} {Seconds(result.Elapsed)} {result.Status}";
    }

    private static string Revisions(IReadOnlyList<string> revisions) => revisions.Count == 0 ? "base" : string.Join(",", revisions);

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s";
}
