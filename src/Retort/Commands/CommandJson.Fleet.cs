namespace Retort;

public static partial class CommandJson
{
    /// <summary><c>upgrade --all --json</c> (and <c>downgrade</c>, <c>stamp</c>, <c>current</c>, <c>check</c>): each target's result and the counts.</summary>
    public static string Fleet(FleetReport report) =>
        Write(new FleetDocument(Schema, $"{report.Command} --all", Math.Round(report.Elapsed.TotalSeconds, 3), report.Results.Count, report.FailedCount,
            [.. report.Results.Select(r => new FleetTargetJson(r.Target, r.Status, r.From, r.To, Math.Round(r.Elapsed.TotalSeconds, 3), r.Error, r.Output))]));

    internal sealed record FleetTargetJson(string Name, string Status, IReadOnlyList<string> From, IReadOnlyList<string> To, double Elapsed,
        string? Error, IReadOnlyList<string> Output);

    internal sealed record FleetDocument(string Schema, string Command, double Elapsed, int Total, int Failed, IReadOnlyList<FleetTargetJson> Targets);
}
