using Retort.Configuration;
using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Commands whose revisions are the recording Retort.Scripting made of the project's compiled revisions (see
    /// <c>RecordedRevisions</c>), for a process that cannot load compiled code (the native front); null when there is no
    /// recording of the files as they are now, made by this build, of every revision.
    /// </summary>
    internal static Commands? FromRecording(RetortConfig config, ConnectionFactory? connect, TextWriter log)
    {
        var scripts = ScriptDirectory.Load(config);
        return RecordedRevisions.TryRead(scripts) is { } recorded
            ? new Commands(scripts, connect, (_, _) => Task.FromResult(recorded.Source), log)
            : null;
    }
}
