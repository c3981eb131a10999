using System.Text.Json;

namespace Retort.Configuration;

/// <summary>One section of <c>retort.json</c> with the top level under it, as <c>-n NAME</c> would load it.</summary>
/// <param name="Name">The section's name; <c>default</c> for the top level of a file without sections.</param>
/// <param name="Config">Its settings.</param>
public sealed record ConfigSection(string Name, RetortConfig Config);

public static partial class ConfigFile
{
    /// <summary>The name of the top level when a file has no sections.</summary>
    public const string TopLevel = "default";

    /// <summary>
    /// Every section of the config, each with the top level under it (what <c>--all</c> runs); the top level alone, named
    /// <see cref="TopLevel"/>, when the file has no sections. <c>RETORT_URL</c> is not applied: it names one database.
    /// </summary>
    public static IReadOnlyList<ConfigSection> LoadSections(string? path = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (text, file) = Read(path);
        return ParseSections(text, file, environment ?? ReadEnvironment());
    }

    /// <summary>The sections of config text, as <see cref="LoadSections"/> reads a file's; <paramref name="file"/> names it in errors and anchors relative paths.</summary>
    internal static IReadOnlyList<ConfigSection> ParseSections(string text, string file, IReadOnlyDictionary<string, string> environment)
    {
        using var document = Document(text, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new RetortException($"{file}: expected a JSON object at the top");
        var folder = Path.GetDirectoryName(file)!;
        RetortConfig Build(JsonElement? section, string name)
        {
            var settings = new ConfigReader(file, environment);
            settings.Read(root, "");
            if (section is { } chosen)
            {
                if (chosen.ValueKind != JsonValueKind.Object)
                    throw new RetortException($"{file}: 'sections.{name}' must be an object of settings");
                settings.Read(chosen, $"sections.{name}.");
            }
            return settings.Build(folder);
        }
        if (!root.TryGetProperty("sections", out var sections))
            return [new ConfigSection(TopLevel, Build(null, TopLevel))];
        if (sections.ValueKind != JsonValueKind.Object)
            throw new RetortException($"{file}: 'sections' must be an object, each of its properties a named section");
        var all = sections.EnumerateObject().Select(s => new ConfigSection(s.Name, Build(s.Value, s.Name))).ToList();
        return all.Count > 0 ? all : [new ConfigSection(TopLevel, Build(null, TopLevel))];
    }
}
