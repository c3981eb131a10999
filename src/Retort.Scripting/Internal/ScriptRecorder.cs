using Retort.Ops;
using Retort.Revisions;

namespace Retort.Scripting.Internal;

/// <summary>
/// Records what each revision of a project calls, into the cache folder's <see cref="RecordedRevisions"/>, when every
/// revision is plain <c>op.</c> calls on constant values (<see cref="CompiledScripts.Recordable"/>) and the recording there
/// is not already of these files: the native front then runs upgrades and downgrades without loading compiled code.
/// </summary>
internal static class ScriptRecorder
{
    /// <summary>Records the revisions when that is needed and possible; whether the recording is there now.</summary>
    public static bool Refresh(CompiledScripts compiled, ScriptDirectory scripts)
    {
        if (scripts.Headers.Count == 0 || !scripts.Headers.All(h => compiled.Recordable.Contains(h.Id)))
            return false;
        // The assembly's name carries the key of its sources' content.
        var stamp = compiled.Assembly.FullName is { } name ? name[..name.IndexOf(',', StringComparison.Ordinal)] : "";
        var sources = RecordedRevisions.Sources(scripts);
        if (sources.Count == 0)
            return false;
        if (RecordedRevisions.IsCurrent(scripts.Config.CacheDirectory, stamp, sources))
            return true;
        var revisions = new List<(string, IReadOnlyList<MigrationOperation>, IReadOnlyList<MigrationOperation>)>(scripts.Headers.Count);
        try
        {
            foreach (var header in scripts.Headers)
            {
                var migration = compiled.CreateMigration(header.Id);
                revisions.Add((header.Id, Record(migration.Upgrade), Record(migration.Downgrade)));
            }
            return RecordedRevisions.Write(scripts.Config.CacheDirectory, stamp, sources, revisions);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A revision that throws, or builds a value the recording cannot hold: its runs stay the managed CLI's, which
            // reports such a failure where it happens.
            return false;
        }
    }

    private static List<MigrationOperation> Record(Action<Operations> run)
    {
        var operations = new List<MigrationOperation>();
        run(new Operations(operations.Add));
        return operations;
    }
}
