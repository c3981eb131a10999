using System.Text.Json;
using System.Text.RegularExpressions;

namespace Retort.Configuration;

/// <summary>
/// Reads <c>retort.json</c>: JSON with comments and trailing commas, <c>${NAME}</c> replaced by environment
/// variable NAME, <c>RETORT_URL</c> overriding <c>url</c>, and named sections chosen with <c>-n</c>.
/// </summary>
public static partial class ConfigFile
{
    /// <summary>The default config file name.</summary>
    public const string DefaultName = "retort.json";

    /// <summary>
    /// Finds <c>retort.json</c> in <paramref name="startDirectory"/> or the nearest folder above it.
    /// Returns null when there is none.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultName);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>
    /// Loads the config: <paramref name="path"/> when given, else the nearest <c>retort.json</c> from the
    /// current folder upward. <paramref name="section"/> selects a named section (<c>-n</c>).
    /// </summary>
    public static RetortConfig Load(string? path = null, string? section = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var (text, file) = Read(path);
        return Parse(text, file, section, environment ?? ReadEnvironment());
    }

    // The text of the config file and its full path: PATH when given, else the nearest retort.json.
    private static (string Text, string File) Read(string? path)
    {
        var file = path is null
            ? Find(Directory.GetCurrentDirectory())
              ?? throw new RetortException($"No {DefaultName} in {Directory.GetCurrentDirectory()} or any folder above it; run 'retort init' to create one, or pass -c FILE")
            : Path.GetFullPath(path);
        if (Directory.Exists(file))
            throw new RetortException($"Config file {file} is a folder; pass the file itself (-c {Path.Combine(path ?? file, DefaultName)})");
        if (!File.Exists(file))
            throw new RetortException($"Config file {file} does not exist");
        try
        {
            return (File.ReadAllText(file), file);
        }
        catch (IOException e)
        {
            throw new RetortException($"Cannot read {file}: {e.Message}");
        }
    }

    /// <summary>Parses config text; <paramref name="file"/> names it in errors and anchors relative paths.</summary>
    public static RetortConfig Parse(string text, string file, string? section, IReadOnlyDictionary<string, string> environment)
    {
        using var document = Document(text, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new RetortException($"{file}: expected a JSON object at the top");
        var settings = new ConfigReader(file, environment);
        settings.Read(root, "");
        if (section is not null)
        {
            if (!root.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Object ||
                !sections.TryGetProperty(section, out var chosen))
            {
                var known = root.TryGetProperty("sections", out var s) && s.ValueKind == JsonValueKind.Object
                    ? string.Join(", ", s.EnumerateObject().Select(p => p.Name))
                    : "";
                throw new RetortException(known.Length == 0
                    ? $"{file}: no section '{section}' (the file has no \"sections\")"
                    : $"{file}: no section '{section}'; the sections are {known}");
            }
            settings.Read(chosen, $"sections.{section}.");
        }
        if (environment.TryGetValue("RETORT_URL", out var url) && url.Length > 0)
            settings.Set(ConfigSettings.Url, url);
        return settings.Build(Path.GetDirectoryName(file)!);
    }

    private static JsonDocument Document(string text, string file)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new RetortException($"{file}(1,1): not valid JSON: the file is empty; it needs at least {{ \"url\": \"...\" }} (run 'retort init' for a full one)");
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new RetortException($"{file}({e.LineNumber + 1},{e.BytePositionInLine + 1}): not valid JSON{Reason(e.Message)}");
        }
    }

    internal static IReadOnlyDictionary<string, string> ReadEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            result[(string)entry.Key] = (string?)entry.Value ?? "";
        return result;
    }

    // A build trimmed of resource strings (the CLI's UseSystemResourceKeys) gives a key such as
    // "ZeroDepthAtEnd, LineNumber: …" instead of a sentence; the position alone is clearer than that.
    private static string Reason(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = cut < 0 ? message : message[..cut];
        var key = sentence.Split(',', 2)[0];
        return key.All(char.IsAsciiLetter) ? "" : $": {sentence}";
    }

    internal static string? Suggest(string key) => Suggest(key, ConfigSettings.All.Select(s => s.Name));

    /// <summary>The one of <paramref name="candidates"/> that <paramref name="word"/> most likely misspells, or null.</summary>
    internal static string? Suggest(string word, IEnumerable<string> candidates) =>
        candidates.OrderBy(k => EditDistance(k.ToLowerInvariant(), word.ToLowerInvariant()))
            .FirstOrDefault(k => EditDistance(k.ToLowerInvariant(), word.ToLowerInvariant()) <= 3);

    /// <summary>Up to <paramref name="most"/> of <paramref name="candidates"/> within a few edits of <paramref name="word"/>, closest first.</summary>
    internal static IReadOnlyList<string> Closest(string word, IEnumerable<string> candidates, int most) =>
        [.. candidates.Distinct(StringComparer.Ordinal).Select(c => (Name: c, Edits: EditDistance(c.ToLowerInvariant(), word.ToLowerInvariant())))
            .Where(c => c.Edits <= Math.Max(2, word.Length / 3)).OrderBy(c => c.Edits).ThenBy(c => c.Name, StringComparer.Ordinal).Take(most).Select(c => c.Name)];

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    internal static partial Regex EnvironmentReference();
}
