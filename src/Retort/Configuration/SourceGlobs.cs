using System.Text;
using System.Text.RegularExpressions;

namespace Retort.Configuration;

/// <summary>Expands <c>model.sources</c> globs: <c>*</c> and <c>?</c> within a folder name, <c>**</c> across folders.</summary>
public static class SourceGlobs
{
    /// <summary>The files the patterns match under <paramref name="baseDirectory"/>, sorted, each once.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> patterns, string baseDirectory)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var normal = pattern.Replace('\\', '/');
            var full = Path.IsPathRooted(normal) ? normal : Path.Combine(baseDirectory, normal).Replace('\\', '/');
            var firstWild = full.IndexOfAny(['*', '?']);
            if (firstWild < 0)
            {
                if (!File.Exists(full))
                    throw new RetortException($"model source '{pattern}' does not exist (from {baseDirectory})");
                files.Add(Path.GetFullPath(full));
                continue;
            }
            var root = full[..(full.LastIndexOf('/', firstWild) + 1)];
            var regex = ToRegex(full);
            var matched = false;
            foreach (var file in Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
            {
                var candidate = file.Replace('\\', '/');
                if (regex.IsMatch(candidate) && !IsBuildOutput(candidate[root.Length..]))
                    matched = files.Add(Path.GetFullPath(file)) | true;
            }
            // A mistyped pattern would otherwise read as a model without those tables, and autogenerate would drop them.
            if (!matched)
                throw new RetortException($"model source '{pattern}' matches no file (from {baseDirectory}); fix the pattern in model.sources");
        }
        return files.ToList();
    }

    // bin/ and obj/ hold generated copies of sources (AssemblyInfo, global usings) that must not be compiled twice.
    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
        || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);

    private static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (glob[i] == '*')
                pattern.Append("[^/]*");
            else if (glob[i] == '?')
                pattern.Append("[^/]");
            else
                pattern.Append(Regex.Escape(glob[i].ToString()));
        }
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
