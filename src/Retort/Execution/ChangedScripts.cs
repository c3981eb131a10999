using System.Globalization;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>Applied revisions whose scripts were edited after they ran, found by the checksums in the log.</summary>
internal static class ChangedScripts
{
    /// <summary>
    /// A warning for each applied revision whose script no longer has the checksum the log recorded when it was
    /// applied. Checksums are recomputed with the algorithm version each row names, so a Retort that normalises
    /// differently never raises false alarms on old rows.
    /// </summary>
    public static async Task<List<string>> FindAsync(DatabaseSink sink, VersionLog log, RevisionMap map, IReadOnlyList<string> heads,
        Func<string, string?> checksumOf, CancellationToken cancellationToken)
    {
        var applied = map.Ancestors(heads.Where(h => map.Find(h) is not null)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var lastApplied = new Dictionary<string, LogEntry>(StringComparer.Ordinal);
        foreach (var entry in await sink.QueryAsync(log.SelectAll(), VersionLog.ReadAsync, cancellationToken))
            if (entry is { Direction: "upgrade", Status: "done", Checksum: not null } && applied.Contains(entry.Revision))
                lastApplied[entry.Revision] = entry;
        var warnings = new List<string>();
        var unknownVersions = new SortedSet<int>();
        foreach (var entry in lastApplied.Values)
        {
            var path = map[entry.Revision].Header.Path;
            if (path is null || !File.Exists(path))
                continue;
            var now = entry.ChecksumVersion == ScriptChecksum.CurrentVersion
                ? checksumOf(path) ?? ScriptChecksum.OfFile(path)
                : ScriptChecksum.OfFile(path, entry.ChecksumVersion ?? 0);
            if (now is null)
                unknownVersions.Add(entry.ChecksumVersion ?? 0);
            else if (now != entry.Checksum)
                warnings.Add($"The script of {entry.Revision} ({Path.GetFileName(path)}) has changed since it was applied at " +
                    $"{entry.AppliedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC by {entry.AppliedBy} " +
                    $"(checksum {ScriptChecksum.Short(entry.Checksum!)} then, {ScriptChecksum.Short(now)} now)");
        }
        if (unknownVersions.Count > 0)
            warnings.Add($"The log holds checksums of algorithm version {string.Join(", ", unknownVersions)}, which this Retort ({StepJournal.ToolVersion}) does not know; they were not compared");
        return warnings;
    }
}
