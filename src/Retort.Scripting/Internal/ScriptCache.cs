namespace Retort.Scripting.Internal;

/// <summary>
/// A folder of compiled script assemblies named <c>&lt;hash&gt;.dll</c>. Several processes may share it:
/// files appear whole (written aside, then renamed) and a reader that loses a race falls back to compiling.
/// </summary>
internal sealed class ScriptCache(string directory)
{
    // A temp file this old belongs to a process that died mid-write; a live writer finishes in seconds.
    private static readonly TimeSpan AbandonedTempAge = TimeSpan.FromHours(1);

    /// <summary>The cache folder, as an absolute path.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The path of the cached assembly for <paramref name="key"/>.</summary>
    public string PathOf(string key) => Path.Combine(Directory, key + ".dll");

    /// <summary>The content key an earlier compile recorded for <paramref name="stamp"/>, or null.</summary>
    public string? TryReadStamp(string stamp)
    {
        try
        {
            return File.ReadAllText(Path.Combine(Directory, stamp + ".key"));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Records that <paramref name="stamp"/>'s sources compile to <paramref name="key"/>; a failure to write only costs speed.</summary>
    public void WriteStamp(string stamp, string key)
    {
        string temp = Path.Combine(Directory, $"{stamp}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(temp, key);
            File.Move(temp, Path.Combine(Directory, stamp + ".key"), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As for assemblies: a cache that cannot be written is not an error.
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>The cached image for <paramref name="key"/>, or null when there is none (or it vanished meanwhile).</summary>
    /// <remarks>Synchronous: one local read of a few megabytes at most, where the async path costs more in set-up.</remarks>
    public byte[]? TryRead(string key)
    {
        try
        {
            return File.ReadAllBytes(PathOf(key));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores <paramref name="image"/> under <paramref name="key"/> so that readers never see part of it.
    /// A folder that cannot be written is not an error: the scripts then compile on every run.
    /// </summary>
    public async Task WriteAsync(string key, byte[] image, CancellationToken cancellationToken)
    {
        string temp = Path.Combine(Directory, $"{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await File.WriteAllBytesAsync(temp, image, cancellationToken).ConfigureAwait(false);
            // Rename is atomic; a concurrent writer of the same key wrote the same bytes (the build is deterministic).
            File.Move(temp, PathOf(key), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only or full disk, or (on Windows) another process is reading the file this one would replace.
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Deletes all but the <paramref name="keep"/> most recently written assemblies, and abandoned temp files.</summary>
    public void Prune(int keep)
    {
        var folder = new DirectoryInfo(Directory);
        if (!folder.Exists)
        {
            return;
        }
        var stale = folder.EnumerateFiles("*.dll")
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Skip(keep)
            .Concat(folder.EnumerateFiles("*.key").OrderByDescending(f => f.LastWriteTimeUtc).Skip(keep * 4))
            .Concat(folder.EnumerateFiles("*.tmp").Where(f => DateTime.UtcNow - f.LastWriteTimeUtc > AbandonedTempAge));
        foreach (var file in stale)
        {
            try
            {
                file.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process holds or already removed it; the next prune tries again.
            }
        }
    }

    /// <summary>Marks a cached assembly as just used, so that pruning keeps the ones in use.</summary>
    public void Touch(string key)
    {
        try
        {
            File.SetLastWriteTimeUtc(PathOf(key), DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: at worst the entry is pruned and compiled again.
        }
    }
}
