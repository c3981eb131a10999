using Microsoft.CodeAnalysis;

namespace Retort.Scripting.Internal.Roslyn;

/// <summary>The assemblies every script compiles against: the running .NET shared framework and Retort.</summary>
internal static class FrameworkReferences
{
    /// <summary>
    /// The shared framework's assemblies as the host lists them in TRUSTED_PLATFORM_ASSEMBLIES (the
    /// application's own dependencies left out), plus the Retort library.
    /// </summary>
    public static IReadOnlyList<MetadataReference> Load()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new RetortException("cannot compile scripts: the .NET framework folder is unknown (single-file app?)");
        string retort = typeof(Migration).Assembly.Location;
        if (retort.Length == 0)
        {
            throw new RetortException("cannot compile scripts: Retort.dll has no file path (single-file app?)");
        }
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        return trusted.Append(retort)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
