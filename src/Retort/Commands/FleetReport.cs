using Retort.Configuration;

namespace Retort;

/// <summary>One database of a fleet: the section it comes from, its settings, and the name it is reported by.</summary>
/// <param name="Name">The section's name, or for a member of a target set its schema or database name.</param>
/// <param name="Section">The section of <c>retort.json</c> that names it.</param>
/// <param name="Config">Its settings: the section's, with the target's database.</param>
public sealed record FleetTarget(string Name, string Section, RetortConfig Config);

/// <summary>How one target's run ended.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="From">The revisions it was at before (for <c>current</c>, the revisions it is at).</param>
/// <param name="To">The revisions it is at after; empty when it failed.</param>
/// <param name="Elapsed">How long its run took.</param>
/// <param name="Status">
/// <c>upgraded</c>, <c>downgraded</c>, <c>stamped</c>, <c>unchanged</c>, <c>written</c> (<c>--sql</c>), <c>head</c> or <c>behind</c>
/// (<c>current</c>), <c>clean</c> or <c>changed</c> (<c>check</c>); <c>failed</c>, <c>skipped</c> (not started after a failure
/// with fail-fast) or <c>cancelled</c>.
/// </param>
/// <param name="Error">The failure on one line, or null.</param>
/// <param name="Output">What the run wrote for the caller: the script of <c>--sql</c>, the operations <c>check</c> found.</param>
/// <param name="Log">The run's progress lines, kept apart from the other targets'.</param>
public sealed record FleetResult(string Target, IReadOnlyList<string> From, IReadOnlyList<string> To, TimeSpan Elapsed, string Status,
    string? Error, IReadOnlyList<string> Output, string Log)
{
    /// <summary>Whether the target failed (or, with fail-fast, was skipped or cancelled).</summary>
    public bool Failed => Status is FleetStatus.Failed or FleetStatus.Skipped or FleetStatus.Cancelled;
}

/// <summary>The statuses of a <see cref="FleetResult"/>.</summary>
public static class FleetStatus
{
    /// <summary>The run failed; <see cref="FleetResult.Error"/> says why.</summary>
    public const string Failed = "failed";

    /// <summary>Not started: an earlier target failed under fail-fast.</summary>
    public const string Skipped = "skipped";

    /// <summary>Stopped by cancellation (Ctrl+C) before it finished.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Nothing to do: the target was at the revisions asked for.</summary>
    public const string Unchanged = "unchanged";
}

/// <summary>The counts of a fleet run so far, for a progress line.</summary>
/// <param name="Total">Targets in the run.</param>
/// <param name="Done">Targets finished, failed ones included.</param>
/// <param name="Failed">Targets failed, skipped or cancelled.</param>
/// <param name="Running">Targets running now.</param>
public sealed record FleetCounts(int Total, int Done, int Failed, int Running);

/// <summary>A fleet run: every target's result in the order of the targets, and the time the whole run took.</summary>
/// <param name="Command">The command run on each target (<c>upgrade</c>, <c>current</c>, …).</param>
/// <param name="Results">Each target's result.</param>
/// <param name="Elapsed">The run's time.</param>
public sealed record FleetReport(string Command, IReadOnlyList<FleetResult> Results, TimeSpan Elapsed)
{
    /// <summary>How many targets failed (skipped and cancelled ones included).</summary>
    public int FailedCount => Results.Count(r => r.Failed);

    /// <summary>Whether every target succeeded.</summary>
    public bool Succeeded => FailedCount == 0;

    /// <summary>How many targets ended with each status, most first.</summary>
    public IReadOnlyList<(string Status, int Count)> Tally =>
        [.. Results.GroupBy(r => r.Status).Select(g => (g.Key, g.Count())).OrderByDescending(t => t.Item2).ThenBy(t => t.Key, StringComparer.Ordinal)];
}
