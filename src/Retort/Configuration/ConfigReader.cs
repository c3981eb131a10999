using System.Text.Json;

namespace Retort.Configuration;

/// <summary>Collects settings from the top level of retort.json and then from a chosen section over it.</summary>
internal sealed class ConfigReader(string file, IReadOnlyDictionary<string, string> environment)
{
    public string ScriptLocation = "migrations";
    public List<string>? VersionLocations;
    public bool RecursiveVersionLocations;
    public string? Url;
    public string? Provider;
    public string? ConnectionString;
    public ModelSettings Model = new();
    public string VersionTable = "retort_version";
    public string? VersionTableSchema;
    public bool Log = true;
    public string? LogTable;
    public string FileTemplate = "{rev}_{slug}";
    public int TruncateSlugLength = 40;
    public string? Timezone;
    public bool TransactionPerMigration;
    public bool SqliteAutoBatch;
    public string Lock = "session";
    public int LockTimeout = 300;
    public int LockLease = 30;
    public bool CompareType = true;
    public bool CompareServerDefault;
    public bool CompareImplicitNames;
    public bool CompareDeclaredTypes;
    public List<string> Databases = [];

    public void Read(JsonElement obj, string prefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var key = prefix + property.Name;
            // System.Text.Json keeps the last of two equal keys; a setting written twice is a mistake to show, not to guess at.
            if (!seen.Add(property.Name))
                throw new RetortException($"{file}: '{key}' is set twice");
            var value = property.Value;
            switch (property.Name)
            {
                case "$schema" or "sections": break;
                case "scriptLocation": ScriptLocation = String(key, value); break;
                case "versionLocations": VersionLocations = Strings(key, value); break;
                case "recursiveVersionLocations": RecursiveVersionLocations = Bool(key, value); break;
                case "url": Url = String(key, value); break;
                case "provider": Provider = String(key, value); break;
                case "connectionString": ConnectionString = String(key, value); break;
                case "model": Model = ReadModel(key, value); break;
                case "versionTable": VersionTable = String(key, value); break;
                case "versionTableSchema": VersionTableSchema = String(key, value); break;
                case "log": Log = Bool(key, value); break;
                case "logTable": LogTable = String(key, value); break;
                case "fileTemplate": FileTemplate = String(key, value); break;
                case "truncateSlugLength": TruncateSlugLength = Int(key, value); break;
                case "timezone": Timezone = String(key, value); break;
                case "transactionPerMigration": TransactionPerMigration = Bool(key, value); break;
                case "sqliteAutoBatch": SqliteAutoBatch = Bool(key, value); break;
                case "lock": Lock = String(key, value) is var l && l is "session" or "table" or "none" ? l : throw Expected(key, "\"session\", \"table\" or \"none\""); break;
                case "lockTimeout": LockTimeout = Int(key, value); break;
                case "lockLease": LockLease = Int(key, value); break;
                case "compareType": CompareType = Bool(key, value); break;
                case "compareServerDefault": CompareServerDefault = Bool(key, value); break;
                case "compareImplicitNames": CompareImplicitNames = Bool(key, value); break;
                case "compareDeclaredTypes": CompareDeclaredTypes = Bool(key, value); break;
                case "databases": Databases = Strings(key, value); break;
                default:
                    var suggestion = ConfigFile.Suggest(property.Name);
                    throw new RetortException($"{file}: unknown setting '{key}'" +
                        (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
            }
        }
    }

    public RetortConfig Build(string baseDirectory)
    {
        if (VersionTable.Length == 0)
            throw new RetortException($"{file}: 'versionTable' must not be empty");
        if (LogTable is { Length: 0 })
            throw new RetortException($"{file}: 'logTable' must not be empty; set \"log\": false to keep no log");
        if (string.Equals(LogTable, VersionTable, StringComparison.OrdinalIgnoreCase))
            throw new RetortException($"{file}: 'logTable' must differ from 'versionTable' ({VersionTable})");
        if (LockTimeout < 0)
            throw new RetortException($"{file}: 'lockTimeout' must be 0 or more seconds");
        if (LockLease < 3)
            throw new RetortException($"{file}: 'lockLease' must be at least 3 seconds");
        if (TruncateSlugLength < 1)
            throw new RetortException($"{file}: 'truncateSlugLength' must be at least 1");
        if (!FileTemplate.Contains("{rev}", StringComparison.Ordinal))
            throw new RetortException($"{file}: 'fileTemplate' must contain {{rev}} so that every revision gets its own file");
        var scriptLocation = Path.GetFullPath(ScriptLocation, baseDirectory);
        var versions = VersionLocations is { Count: > 0 }
            ? VersionLocations.Select(v => Path.GetFullPath(v, baseDirectory)).ToList()
            : [Path.Combine(scriptLocation, "versions")];
        return new RetortConfig
        {
            FilePath = file,
            BaseDirectory = baseDirectory,
            ScriptLocation = scriptLocation,
            VersionLocations = versions,
            RecursiveVersionLocations = RecursiveVersionLocations,
            Url = Url,
            Provider = Provider,
            ConnectionString = ConnectionString,
            Model = Model,
            VersionTable = VersionTable,
            VersionTableSchema = VersionTableSchema,
            Log = Log,
            LogTable = LogTable ?? VersionTable + "_log",
            FileTemplate = FileTemplate,
            TruncateSlugLength = TruncateSlugLength,
            Timezone = Timezone,
            TransactionPerMigration = TransactionPerMigration,
            SqliteAutoBatch = SqliteAutoBatch,
            Lock = Lock,
            LockTimeout = LockTimeout,
            LockLease = LockLease,
            CompareType = CompareType,
            CompareServerDefault = CompareServerDefault,
            CompareImplicitNames = CompareImplicitNames,
            CompareDeclaredTypes = CompareDeclaredTypes,
            Databases = Databases,
        };
    }

    private ModelSettings ReadModel(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Expected(key, "an object with \"sources\", \"assemblies\", \"types\", \"naming\"");
        var model = new ModelSettings();
        foreach (var property in value.EnumerateObject())
        {
            var name = $"{key}.{property.Name}";
            model = property.Name switch
            {
                "sources" => model with { Sources = Strings(name, property.Value) },
                "assemblies" => model with { Assemblies = Strings(name, property.Value) },
                "types" => model with { Types = Strings(name, property.Value) },
                "naming" => model with { Naming = String(name, property.Value) is var n && n is "asIs" or "snake_case" ? n
                    : throw Expected(name, "\"asIs\" or \"snake_case\"") },
                _ => throw new RetortException($"{file}: unknown setting '{name}' (model takes sources, assemblies, types, naming)"),
            };
        }
        return model;
    }

    private string String(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw Expected(key, "a string");
        return Substitute(key, value.GetString()!);
    }

    private List<string> Strings(string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
            return [Substitute(key, value.GetString()!)];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw Expected(key, "a list of strings");
        return value.EnumerateArray().Select(e => Substitute(key, e.GetString()!)).ToList();
    }

    private bool Bool(string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Expected(key, "true or false"),
    };

    private int Int(string key, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : throw Expected(key, "a whole number");

    private RetortException Expected(string key, string what) => new($"{file}: '{key}' must be {what}");

    private string Substitute(string key, string text) => !text.Contains("${", StringComparison.Ordinal) ? text :
        ConfigFile.EnvironmentReference().Replace(text, match =>
            environment.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new RetortException($"{file}: '{key}' uses ${{{match.Groups[1].Value}}}, but environment variable {match.Groups[1].Value} is not set"));
}
