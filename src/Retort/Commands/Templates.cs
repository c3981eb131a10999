using System.Reflection;
using Retort.Configuration;

namespace Retort;

/// <summary>The project templates <c>retort init</c> writes: <c>generic</c>, <c>multidb</c>, <c>library</c>.</summary>
public static class Templates
{
    private const string Prefix = "Templates/";

    /// <summary>Every template's name and the first line of its README.</summary>
    public static IReadOnlyList<(string Name, string Description)> List() =>
        Names().Select(n => (n, Read(n, "README.md").Split('\n', 2)[0].Trim())).ToList();

    /// <summary>The names of the templates.</summary>
    public static IReadOnlyList<string> Names() =>
        Resources().Select(r => r[Prefix.Length..].Split('/')[0]).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The files of one template, as (relative path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(string template)
    {
        var prefix = $"{Prefix}{template}/";
        var files = Resources().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
            throw new RetortException($"No template '{template}'; the templates are {string.Join(", ", Names())} (see 'retort list-templates')");
        return files.Select(r => (r[prefix.Length..], Read(r))).ToList();
    }

    internal static string Read(string template, string file) => Read($"{Prefix}{template}/{file}");

    /// <summary>The project's revision template, or the generic one when its script folder has none.</summary>
    internal static string RevisionTemplate(Configuration.RetortConfig config)
    {
        var path = Path.Combine(config.ScriptLocation, Revisions.RevisionWriter.TemplateFileName);
        return File.Exists(path) ? File.ReadAllText(path) : Read("generic", Revisions.RevisionWriter.TemplateFileName);
    }

    private static string Read(string resource)
    {
        using var stream = typeof(Templates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded template {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> Resources() =>
        typeof(Templates).Assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal));

    /// <summary>
    /// Creates a project in <paramref name="workingDirectory"/>: <c>retort.json</c> (unless one exists) and the
    /// folder <paramref name="directory"/> with the template's files and an empty <c>versions/</c>.
    /// </summary>
    public static InitResult Write(string directory, string template = "generic", string? workingDirectory = null)
    {
        var root = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var files = Files(template);
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
