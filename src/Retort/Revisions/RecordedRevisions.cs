using System.Reflection;
using Retort.Ops;

namespace Retort.Revisions;

/// <summary>
/// The operations every revision of a project calls, recorded when its files were compiled, with the sizes and times of
/// the files they were recorded from: what lets a process that cannot load compiled code (the native front) run an
/// upgrade or downgrade exactly as the compiled revisions would. Written only when every revision's code is plain
/// <c>op.</c> calls on constant values (Retort.Scripting decides), since only then is the recording the whole story.
/// </summary>
internal sealed class RecordedRevisions
{
    /// <summary>The file's name in the project's cache folder.</summary>
    public const string FileName = "revisions.recorded";

    private const string Magic = "retort-recorded-revisions";

    // The file's last bytes: without them it was cut short, and IsCurrent, which reads no further than the header, has it
    // written again rather than leave the native front to fall back on every run.
    private const string End = "retort-recorded-revisions-end";

    private readonly IReadOnlyDictionary<string, (IReadOnlyList<MigrationOperation> Up, IReadOnlyList<MigrationOperation> Down)> _revisions;

    private RecordedRevisions(IReadOnlyDictionary<string, (IReadOnlyList<MigrationOperation>, IReadOnlyList<MigrationOperation>)> revisions) =>
        _revisions = revisions;

    /// <summary>The revision ids recorded.</summary>
    public IReadOnlyCollection<string> Ids => (IReadOnlyCollection<string>)_revisions.Keys;

    /// <summary>The recorded upgrade and downgrade of <paramref name="id"/>.</summary>
    public (IReadOnlyList<MigrationOperation> Up, IReadOnlyList<MigrationOperation> Down) this[string id] => _revisions[id];

    /// <summary>The recorded revisions as the code of a run: each migration replays its operations.</summary>
    public MigrationSource Source => new ReplayedSource(this);

    /// <summary>
    /// What a project's sources are, as recorded: each file's path relative to the cache folder, its size and its
    /// modification time (UTC ticks), in the order <see cref="ScriptDirectory.CompileSources"/> lists them.
    /// </summary>
    public static IReadOnlyList<(string Path, long Length, long Ticks)> Sources(ScriptDirectory scripts)
    {
        var cache = Path.GetFullPath(scripts.Config.CacheDirectory);
        var here = Directory.GetCurrentDirectory();
        var files = new List<(string, long, long)>();
        foreach (var source in scripts.CompileSources())
        {
            var full = Path.GetFullPath(source, here);
            if (scripts.Listed(full) is not var (length, ticks))
            {
                var info = new FileInfo(full);
                if (!info.Exists)
                    return [];
                (length, ticks) = (info.Length, info.LastWriteTimeUtc.Ticks);
            }
            files.Add((Path.GetRelativePath(cache, full).Replace('\\', '/'), length, ticks));
        }
        return files;
    }

    /// <summary>
    /// Writes the recording of <paramref name="revisions"/>, made from <paramref name="sources"/>; the file appears whole
    /// or not at all; whether it was written. A folder that cannot be written is not an error: the managed CLI then runs
    /// every command.
    /// </summary>
    /// <exception cref="NotSupportedException">An operation holds a value the codec cannot write.</exception>
    public static bool Write(string cacheDirectory, string stamp, IReadOnlyList<(string Path, long Length, long Ticks)> sources,
        IEnumerable<(string Id, IReadOnlyList<MigrationOperation> Up, IReadOnlyList<MigrationOperation> Down)> revisions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(stamp);
            writer.Write(Version);
            writer.Write(sources.Count);
            foreach (var (source, length, ticks) in sources)
            {
                writer.Write(source);
                writer.Write(length);
                writer.Write(ticks);
            }
            OperationCodec.WriteLayout(writer);
            var list = revisions.ToList();
            writer.Write(list.Count);
            foreach (var (id, up, down) in list)
            {
                writer.Write(id);
                OperationCodec.Write(writer, up);
                OperationCodec.Write(writer, down);
            }
            writer.Write(End);
        }
        var path = Path.Combine(cacheDirectory, FileName);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(cacheDirectory);
            File.WriteAllBytes(temp, buffer.ToArray());
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As for the compiled assemblies beside it: a cache that cannot be written only costs speed.
            return false;
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>
    /// Whether the recording in <paramref name="cacheDirectory"/> was made for <paramref name="stamp"/> from
    /// <paramref name="sources"/> by this build: if so, there is nothing to record again.
    /// </summary>
    public static bool IsCurrent(string cacheDirectory, string stamp, IReadOnlyList<(string Path, long Length, long Ticks)> sources)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(Path.Combine(cacheDirectory, FileName)), System.Text.Encoding.UTF8);
            if (!Header(reader, stamp, sources))
                return false;
            var end = System.Text.Encoding.UTF8.GetBytes(End);
            var tail = new byte[end.Length];
            reader.BaseStream.Seek(-end.Length, SeekOrigin.End);
            reader.BaseStream.ReadExactly(tail);
            return tail.AsSpan().SequenceEqual(end);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }

    // Whether the file was written by this build, for these sources (and, unless null, this stamp).
    private static bool Header(BinaryReader reader, string? stamp, IReadOnlyList<(string Path, long Length, long Ticks)> sources)
    {
        if (reader.ReadString() != Magic || reader.ReadString() is var written && stamp is not null && written != stamp
            || reader.ReadString() != Version || reader.ReadInt32() != sources.Count)
            return false;
        foreach (var (path, length, ticks) in sources)
            if (reader.ReadString() != path || reader.ReadInt64() != length || reader.ReadInt64() != ticks)
                return false;
        return true;
    }

    /// <summary>
    /// The recording in <paramref name="scripts"/>' cache folder when it was made from exactly its files (as they are now),
    /// by this build of Retort, and records each of its revisions; else null.
    /// </summary>
    public static RecordedRevisions? TryRead(ScriptDirectory scripts)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(File.ReadAllBytes(Path.Combine(scripts.Config.CacheDirectory, FileName))), System.Text.Encoding.UTF8);
            if (Sources(scripts) is not { Count: > 0 } sources || !Header(reader, null, sources) || !OperationCodec.ReadLayout(reader))
                return null;
            var count = reader.ReadInt32();
            if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
                return null;
            var revisions = new Dictionary<string, (IReadOnlyList<MigrationOperation>, IReadOnlyList<MigrationOperation>)>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
                revisions[reader.ReadString()] = (OperationCodec.Read(reader), OperationCodec.Read(reader));
            return reader.ReadString() == End && scripts.Headers.All(h => revisions.ContainsKey(h.Id)) ? new RecordedRevisions(revisions) : null;
        }
        // FormatException: BinaryReader's for a string length that never ends.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            return null;
        }
    }

    // The build that wrote the file must be the one that reads it: the fields of the records are its own.
    private static string Version { get; } =
        typeof(RecordedRevisions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

    private sealed class ReplayedSource(RecordedRevisions recorded) : MigrationSource
    {
        public override Migration Create(Revision revision) =>
            recorded._revisions.TryGetValue(revision.Id, out var operations)
                ? new Replayed(operations.Up, operations.Down)
                : throw new RetortException($"Revision {revision.Id} was not recorded");
    }

    private sealed class Replayed(IReadOnlyList<MigrationOperation> up, IReadOnlyList<MigrationOperation> down) : Migration
    {
        public override void Upgrade(Operations op)
        {
            foreach (var operation in up)
                op.Invoke(operation);
        }

        public override void Downgrade(Operations op)
        {
            foreach (var operation in down)
                op.Invoke(operation);
        }
    }
}
