namespace Retort.Tests;

/// <summary>Where suites leave figures for scripts/test.sh to print: <c>artifacts/NAME/</c> at the repository's root.</summary>
internal static class TestArtifacts
{
    public static void Write(string folder, string file, string text)
    {
        var path = Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "artifacts", folder);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, file), text);
    }

    /// <summary>The folder of <c>Retort.slnx</c> above the test assembly, or null when the tests run outside the repository.</summary>
    public static string? RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Retort.slnx")))
            root = root.Parent;
        return root?.FullName;
    }
}
