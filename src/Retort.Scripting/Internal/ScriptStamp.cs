using System.IO.Hashing;
using System.Text;

namespace Retort.Scripting.Internal;

/// <summary>
/// A cheap name for "the same source files as before": their paths, sizes and modification times (as build tools
/// trust them), hashed. The cache maps it to the content key of that compile, so an unchanged project loads its
/// assembly without reading and hashing every source again. Any edit changes a file's time, so the content key is
/// computed afresh whenever a file was touched.
/// </summary>
internal static class ScriptStamp
{
    /// <summary>The stamp of the sources, or null when one cannot be read (the full path then reports it).</summary>
    public static string? Compute(IReadOnlyList<string> sourcePaths, string cacheDirectory, Func<string, (long Length, long Ticks)?>? knownFiles = null)
    {
        var entries = new string[sourcePaths.Count];
        // Thousands of files in a few folders: each folder's relative path is worked out once.
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        // Once: Path.GetFullPath(relative) asks the operating system for the current folder on every call.
        var currentFolder = Directory.GetCurrentDirectory();
        for (var i = 0; i < entries.Length; i++)
        {
            var path = Path.GetFullPath(sourcePaths[i], currentFolder);
            if ((knownFiles?.Invoke(path) ?? Stat(path)) is not var (length, ticks))
                return null;
            var folder = Path.GetDirectoryName(path) ?? "";
            if (!folders.TryGetValue(folder, out var relative))
                folders[folder] = relative = Path.GetRelativePath(cacheDirectory, folder).Replace('\\', '/');
            entries[i] = $"{relative}/{Path.GetFileName(path)}\0{length}\0{ticks}";
        }
        Array.Sort(entries, StringComparer.Ordinal);
        var text = new StringBuilder(ScriptSettings.Fingerprint)
            .Append('\0').Append(typeof(Migration).Assembly.ManifestModule.ModuleVersionId)
            .Append('\0').Append(typeof(ScriptStamp).Assembly.ManifestModule.ModuleVersionId)
            .Append('\0').Append(Environment.Version);
        foreach (var entry in entries)
            text.Append('\n').Append(entry);
        // Not SHA-256: on Linux its first use loads OpenSSL, which a warm run otherwise never needs.
        return "stamp-" + Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static (long Length, long Ticks)? Stat(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}
