using System.Security.Cryptography;
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
    public static string? Compute(IReadOnlyList<string> sourcePaths, string cacheDirectory)
    {
        var entries = new string[sourcePaths.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var info = new FileInfo(Path.GetFullPath(sourcePaths[i]));
            if (!info.Exists)
                return null;
            var key = Path.GetRelativePath(cacheDirectory, info.FullName).Replace('\\', '/');
            entries[i] = $"{key}\0{info.Length}\0{info.LastWriteTimeUtc.Ticks}";
        }
        Array.Sort(entries, StringComparer.Ordinal);
        var text = new StringBuilder(ScriptSettings.Fingerprint)
            .Append('\0').Append(typeof(Migration).Assembly.ManifestModule.ModuleVersionId)
            .Append('\0').Append(typeof(ScriptStamp).Assembly.ManifestModule.ModuleVersionId)
            .Append('\0').Append(Environment.Version);
        foreach (var entry in entries)
            text.Append('\n').Append(entry);
        return "stamp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
