using Retort.Configuration;

namespace Retort;

/// <summary>What <c>retort init</c> wrote.</summary>
/// <param name="ConfigPath">The config file.</param>
/// <param name="ConfigWritten">False when a config file already existed and was left alone.</param>
/// <param name="Files">Every file written, config included.</param>
/// <param name="Directories">The folders created.</param>
public sealed record InitResult(string ConfigPath, bool ConfigWritten, IReadOnlyList<string> Files, IReadOnlyList<string> Directories);

public sealed partial class Commands
{
    /// <summary>
    /// Creates a project in <paramref name="workingDirectory"/>: <c>retort.json</c> (unless one exists) and the
    /// folder <paramref name="directory"/> with the template's files and an empty <c>versions/</c>.
    /// </summary>
    public static InitResult Init(string directory, string template = "generic", string? workingDirectory = null)
    {
        var root = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var files = Templates.Files(template);
        var scriptLocation = Path.GetFullPath(directory, root);
        if (Directory.Exists(scriptLocation) && Directory.EnumerateFileSystemEntries(scriptLocation).Any())
            throw new RetortException($"Directory {scriptLocation} already exists and is not empty");
        var written = new List<string>();
        var versions = Path.Combine(scriptLocation, "versions");
        var directories = new[] { scriptLocation, versions }.Where(d => !Directory.Exists(d)).ToList();
        Directory.CreateDirectory(versions);
        foreach (var (path, text) in files.Where(f => f.Path is not ("retort.json" or "README.md")))
        {
            var target = Path.Combine(scriptLocation, path);
            File.WriteAllText(target, text);
            written.Add(target);
        }
        File.WriteAllText(Path.Combine(scriptLocation, "README.md"), files.Single(f => f.Path == "README.md").Text);
        written.Add(Path.Combine(scriptLocation, "README.md"));

        var configPath = Path.Combine(root, ConfigFile.DefaultName);
        var configWritten = !File.Exists(configPath);
        if (configWritten)
        {
            var relative = Path.GetRelativePath(root, scriptLocation).Replace('\\', '/');
            var config = files.Single(f => f.Path == "retort.json").Text
                .Replace("__SCRIPT_LOCATION__", relative.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal);
            File.WriteAllText(configPath, config);
            written.Insert(0, configPath);
        }
        var ignore = Path.Combine(root, ".retort", ".gitignore");
        Directory.CreateDirectory(Path.GetDirectoryName(ignore)!);
        File.WriteAllText(ignore, "# Retort's cache of compiled revisions; safe to delete.\n*\n");
        return new InitResult(configPath, configWritten, written, directories);
    }
}
