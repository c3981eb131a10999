using System.Text.Json;

namespace Retort.Configuration;

/// <summary>Collects settings from the top level of retort.json and then from a chosen section over it.</summary>
internal sealed class ConfigReader(string file, IReadOnlyDictionary<string, string> environment)
{
    private static readonly Dictionary<string, ConfigSetting<RetortConfig>> ByName =
        ConfigSettings.All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    private readonly Dictionary<ConfigSetting, object?> values = [];

    public void Read(JsonElement obj, string prefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var key = prefix + property.Name;
            // System.Text.Json keeps the last of two equal keys; a setting written twice is a mistake to show, not to guess at.
            if (!seen.Add(property.Name))
                throw new RetortException($"{file}: '{key}' is set twice");
            if (!ByName.TryGetValue(property.Name, out var setting))
            {
                var suggestion = ConfigFile.Suggest(property.Name);
                throw new RetortException($"{file}: unknown setting '{key}'" +
                    (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
            }
            if (setting.IsRead)
                values[setting] = setting.Read(this, key, property.Value);
        }
    }

    /// <summary>The value read for <paramref name="setting"/> so far, else its default.</summary>
    public T Get<T>(ConfigSetting<RetortConfig, T> setting) => (T)Value(setting)!;

    public void Set<T>(ConfigSetting<RetortConfig, T> setting, T value) => values[setting] = value;

    public RetortConfig Build(string baseDirectory)
    {
        // All are checked before any is applied, so that a bad value is reported before paths are resolved from the others.
        foreach (var setting in ConfigSettings.All)
        {
            if (setting.Check(Value(setting), this) is { } rule)
                throw new RetortException($"{file}: '{setting.Name}' must {rule}");
        }
        // The paths are required up front; scriptLocation and versionLocations, applied first, set them.
        var config = new RetortConfig { FilePath = file, BaseDirectory = baseDirectory, ScriptLocation = baseDirectory, VersionLocations = [] };
        foreach (var setting in ConfigSettings.All)
            config = setting.Apply(config, Value(setting));
        return config;
    }

    private object? Value(ConfigSetting<RetortConfig> setting) =>
        values.TryGetValue(setting, out var value) ? value : setting.DefaultValue;

    /// <summary>
    /// An object-valued setting <paramref name="name"/> (at <paramref name="key"/>), read part by part over <paramref name="start"/>.
    /// </summary>
    public TTarget Object<TTarget>(string name, string key, JsonElement value, IReadOnlyList<ConfigSetting<TTarget>> parts, TTarget start)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Expected(key, $"an object with {string.Join(", ", parts.Select(p => $"\"{p.Name}\""))}");
        var target = start;
        foreach (var property in value.EnumerateObject())
        {
            var partKey = $"{key}.{property.Name}";
            var part = parts.FirstOrDefault(p => p.Name == property.Name)
                ?? throw new RetortException($"{file}: unknown setting '{partKey}' ({name} takes {string.Join(", ", parts.Select(p => p.Name))})");
            target = part.Apply(target, part.Read(this, partKey, property.Value));
        }
        return target;
    }

    public string Choice(string key, JsonElement value, IReadOnlyList<string> choices)
    {
        var text = String(key, value);
        if (choices.Contains(text))
            return text;
        var quoted = choices.Select(c => $"\"{c}\"").ToArray();
        throw Expected(key, $"{string.Join(", ", quoted[..^1])} or {quoted[^1]}");
    }

    public string String(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw Expected(key, "a string");
        return Substitute(key, value.GetString()!);
    }

    public List<string> Strings(string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
            return [Substitute(key, value.GetString()!)];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw Expected(key, "a list of strings");
        return value.EnumerateArray().Select(e => Substitute(key, e.GetString()!)).ToList();
    }

    public bool Bool(string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Expected(key, "true or false"),
    };

    public int Int(string key, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : throw Expected(key, "a whole number");

    private RetortException Expected(string key, string what) => new($"{file}: '{key}' must be {what}");

    private string Substitute(string key, string text) => !text.Contains("${", StringComparison.Ordinal) ? text :
        ConfigFile.EnvironmentReference().Replace(text, match =>
            environment.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new RetortException($"{file}: '{key}' uses ${{{match.Groups[1].Value}}}, but environment variable {match.Groups[1].Value} is not set"));
}
