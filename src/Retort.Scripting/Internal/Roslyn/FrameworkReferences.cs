using System.Text.Json;
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
        var framework = SelfContainedFramework(frameworkDirectory);
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal)
                && (framework is null || framework.Contains(Path.GetFileName(path))));
        // Mapped rather than read: CreateFromFile would copy all ~80 MB of the framework's images into memory, of
        // which a compile touches only the metadata.
        return trusted.Where(path => !string.Equals(path, retort, StringComparison.Ordinal)).Append(retort)
            .Select(path => (MetadataReference)AssemblyMetadata.CreateFromFile(path).GetReference(filePath: path))
            .ToList();
    }

    /// <summary>
    /// In a self-contained application the framework shares the application's folder: the file names of its
    /// assemblies, as the application's deps.json lists them under the runtime packs. Null for a framework-dependent one.
    /// </summary>
    private static HashSet<string>? SelfContainedFramework(string frameworkDirectory)
    {
        var appDirectory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        if (!string.Equals(appDirectory, frameworkDirectory, StringComparison.Ordinal)
            || ((string?)AppContext.GetData("APP_CONTEXT_DEPS_FILES"))?.Split(Path.PathSeparator)[0] is not { Length: > 0 } depsFile
            || !File.Exists(depsFile))
        {
            return null;
        }
        using var deps = JsonDocument.Parse(File.ReadAllBytes(depsFile));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (library.Name.StartsWith("runtimepack.", StringComparison.Ordinal)
                    && library.Value.TryGetProperty("runtime", out var files))
                {
                    names.UnionWith(files.EnumerateObject().Select(file => Path.GetFileName(file.Name)));
                }
            }
        }
        return names.Count > 0 ? names : null;
    }
}
