using System.IO.Enumeration;

namespace Retort.Revisions;

/// <summary>A C# file in a version location: its path, size and modification time, as one directory listing gives them.</summary>
internal readonly record struct ScriptFile(string FullName, long Length, long Ticks)
{
    /// <summary>
    /// The <c>*.cs</c> files of <paramref name="folder"/> (and its subfolders when <paramref name="recursive"/>), leaving out
    /// editors' lock files (<c>.#name.cs</c>). Read straight from the listing: thousands of files, no object each.
    /// </summary>
    public static List<ScriptFile> In(string folder, bool recursive) =>
    [
        .. new FileSystemEnumerable<ScriptFile>(folder,
            (ref FileSystemEntry entry) => new ScriptFile(entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcTicks),
            new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory
                && entry.FileName.EndsWith(".cs", StringComparison.Ordinal) && !entry.FileName.StartsWith(".#", StringComparison.Ordinal),
        },
    ];
}
