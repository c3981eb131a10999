using System.Text;

namespace Retort.Revisions;

/// <summary>
/// What was read from each revision file the last time (its header and checksum), keyed by path, size and
/// modification time, so that a run over thousands of unchanged files stats them instead of reading them.
/// </summary>
/// <remarks>
/// Kept in <c>.retort/cache/headers</c>. The file names the build of Retort that wrote it, so a Retort that reads
/// headers differently starts afresh. As git does with its index, a file modified in the two seconds before the
/// cache is written is not kept: on a file system with coarse timestamps an edit in the same tick, of the same size,
/// would otherwise go unseen.
/// </remarks>
internal sealed class HeaderCache
{
    private const string FileName = "headers";
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, Entry> _entries;

    private HeaderCache(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>A file as last read: its size and time, header (null when it holds no revision) and checksum.</summary>
    public sealed record Entry(long Length, long Ticks, RevisionHeader? Header, string Checksum);

    public int Count => _entries.Count;

    public bool TryGet(string path, long length, long ticks, out Entry entry) =>
        _entries.TryGetValue(path, out entry!) && entry.Length == length && entry.Ticks == ticks;

    /// <summary>The cache in <paramref name="directory"/>; empty when missing, unreadable or written by another build.</summary>
    public static HeaderCache Read(string directory)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(Path.Combine(directory, FileName)), Encoding.UTF8);
            if (reader.ReadString() != BuildId)
                return new HeaderCache(entries);
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var path = reader.ReadString();
                var length = reader.ReadInt64();
                var ticks = reader.ReadInt64();
                var checksum = reader.ReadString();
                var header = reader.ReadBoolean() ? ReadHeader(reader, path) : null;
                entries[path] = new Entry(length, ticks, header, checksum);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException)
        {
            entries.Clear();
        }
        return new HeaderCache(entries);
    }

    /// <summary>Writes <paramref name="entries"/>, replacing the file at once so that concurrent readers see the old or the new one.</summary>
    public static void Write(string directory, IReadOnlyDictionary<string, Entry> entries)
    {
        var settled = DateTime.UtcNow - Settled;
        var kept = entries.Where(e => new DateTime(e.Value.Ticks, DateTimeKind.Utc) < settled).ToList();
        var temporary = Path.Combine(directory, $"{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(BuildId);
                writer.Write(kept.Count);
                foreach (var (path, entry) in kept)
                {
                    writer.Write(path);
                    writer.Write(entry.Length);
                    writer.Write(entry.Ticks);
                    writer.Write(entry.Checksum);
                    writer.Write(entry.Header is not null);
                    if (entry.Header is { } header)
                        WriteHeader(writer, header);
                }
            }
            File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs time, never correctness.
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string BuildId => typeof(HeaderCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static void WriteHeader(BinaryWriter writer, RevisionHeader header)
    {
        writer.Write(header.Id);
        WriteList(writer, header.DownRevisions);
        WriteList(writer, header.BranchLabels);
        WriteList(writer, header.DependsOn);
        WriteOptional(writer, header.CreateDate);
        writer.Write(header.Message);
        writer.Write(header.Doc);
        WriteOptional(writer, header.ClassName);
        writer.Write((int)header.Phase);
        WriteList(writer, header.Replaces);
    }

    private static RevisionHeader ReadHeader(BinaryReader reader, string path) => new(
        reader.ReadString(), ReadList(reader), ReadList(reader), ReadList(reader), ReadOptional(reader),
        reader.ReadString(), reader.ReadString(), path, ReadOptional(reader), (MigrationPhase)reader.ReadInt32()) { Replaces = ReadList(reader) };

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
            writer.Write(value);
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
            values[i] = reader.ReadString();
        return values;
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
            writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
