using System.Reflection;
using Retort.Configuration;

namespace Retort.Tests.Configuration;

/// <summary>The declarations of retort.json's settings, and what follows from them: defaults, errors, suggestions, the README.</summary>
public sealed class ConfigSettingsTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new();

    private static RetortConfig Parse(string json, string? section = null) =>
        ConfigFile.Parse(json, "/p/retort.json", section, NoEnvironment);

    private static string Error(string json, string? section = null) =>
        Assert.Throws<RetortException>(() => Parse(json, section)).Message;

    /// <summary>Each setting that is a value: a value to set it to in JSON, and its value as <see cref="Seen"/> shows it by default and once set.</summary>
    public static TheoryData<string, string, string?, string> Values => new()
    {
        { "scriptLocation", "\"db\"", "/p/migrations", "/p/db" },
        { "versionLocations", "[\"v1\", \"v2\"]", "/p/migrations/versions", "/p/v1, /p/v2" },
        { "recursiveVersionLocations", "true", "False", "True" },
        { "url", "\"sqlite:///app.db\"", null, "sqlite:///app.db" },
        { "provider", "\"sqlite\"", null, "sqlite" },
        { "connectionString", "\"Data Source=x.db\"", null, "Data Source=x.db" },
        { "model", "{ \"types\": [\"Shop.Order\"] }", "[] [] [] asIs", "[] [] [Shop.Order] asIs" },
        { "model.sources", "\"Models/*.cs\"", "", "Models/*.cs" },
        { "model.assemblies", "[\"m.dll\", \"n.dll\"]", "", "m.dll, n.dll" },
        { "model.types", "[\"Shop.Order\"]", "", "Shop.Order" },
        { "model.naming", "\"snake_case\"", "asIs", "snake_case" },
        { "model.efCore", "{ \"project\": \"src/App\", \"context\": \"AppDb\" }", "   Debug", "src/App  AppDb Debug" },
        { "versionTable", "\"alembic_version\"", "retort_version", "alembic_version" },
        { "versionTableSchema", "\"meta\"", null, "meta" },
        { "log", "false", "True", "False" },
        { "logTable", "\"applied\"", "retort_version_log", "applied" },
        { "fileTemplate", "\"{year}_{rev}\"", "{rev}_{slug}", "{year}_{rev}" },
        { "truncateSlugLength", "12", "40", "12" },
        { "timezone", "\"UTC\"", null, "UTC" },
        { "transactionPerMigration", "true", "False", "True" },
        { "compareType", "false", "True", "False" },
        { "compareServerDefault", "true", "False", "True" },
        { "compareImplicitNames", "true", "False", "True" },
        { "compareDeclaredTypes", "true", "False", "True" },
        { "sqliteAutoBatch", "true", "False", "True" },
        { "lock", "\"table\"", "session", "table" },
        { "lockTimeout", "0", "300", "0" },
        { "lockLease", "3", "30", "3" },
        { "lint", "{ \"failOn\": [\"destructive\"] }", "[]", "[destructive]" },
        { "lint.failOn", "[\"destructive\", \"RT301\"]", "", "destructive, RT301" },
        { "databases", "[\"engine1\", \"engine2\"]", "", "engine1, engine2" },
        { "tags", "[\"eu\", \"shard\"]", "", "eu, shard" },
        { "targets", "{ \"query\": \"SELECT 1\" }", "||url", "SELECT 1||url" },
        { "targets.query", "\"SELECT s FROM t\"", null, "SELECT s FROM t" },
        { "targets.file", "\"t.txt\"", null, "/p/t.txt" },
        { "targets.each", "\"schema\"", "url", "schema" },
    };

    private static string? Seen(RetortConfig config, string name) => name switch
    {
        "scriptLocation" => config.ScriptLocation,
        "versionLocations" => string.Join(", ", config.VersionLocations),
        "recursiveVersionLocations" => $"{config.RecursiveVersionLocations}",
        "url" => config.Url,
        "provider" => config.Provider,
        "connectionString" => config.ConnectionString,
        "model" => $"[{Seen(config, "model.sources")}] [{Seen(config, "model.assemblies")}] [{Seen(config, "model.types")}] {config.Model.Naming}",
        "model.sources" => string.Join(", ", config.Model.Sources),
        "model.assemblies" => string.Join(", ", config.Model.Assemblies),
        "model.types" => string.Join(", ", config.Model.Types),
        "model.naming" => config.Model.Naming,
        "model.efCore" => $"{config.Model.EfCore.Project} {config.Model.EfCore.Assembly} {config.Model.EfCore.Context} {config.Model.EfCore.Configuration}",
        "versionTable" => config.VersionTable,
        "versionTableSchema" => config.VersionTableSchema,
        "log" => $"{config.Log}",
        "logTable" => config.LogTable,
        "fileTemplate" => config.FileTemplate,
        "truncateSlugLength" => $"{config.TruncateSlugLength}",
        "timezone" => config.Timezone,
        "transactionPerMigration" => $"{config.TransactionPerMigration}",
        "compareType" => $"{config.CompareType}",
        "compareServerDefault" => $"{config.CompareServerDefault}",
        "compareImplicitNames" => $"{config.CompareImplicitNames}",
        "compareDeclaredTypes" => $"{config.CompareDeclaredTypes}",
        "sqliteAutoBatch" => $"{config.SqliteAutoBatch}",
        "lint" => $"[{Seen(config, "lint.failOn")}]",
        "lint.failOn" => string.Join(", ", config.Lint.FailOn),
        "lock" => config.Lock,
        "lockTimeout" => $"{config.LockTimeout}",
        "lockLease" => $"{config.LockLease}",
        "databases" => string.Join(", ", config.Databases),
        "tags" => string.Join(", ", config.Tags),
        "targets" => $"{config.Targets.Query}|{config.Targets.File}|{config.Targets.Each}",
        "targets.query" => config.Targets.Query,
        "targets.file" => config.Targets.File,
        "targets.each" => config.Targets.Each,
        _ => throw new ArgumentException($"no property known for '{name}'", nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Each_setting_has_its_default_and_lands_in_its_own_property(string name, string json, string? byDefault, string set)
    {
        Assert.Equal(byDefault, Seen(Parse("{}"), name));
        var path = name.Split('.');
        var file = path.Reverse().Aggregate(json, (value, key) => $$"""{ "{{key}}": {{value}} }""");
        Assert.Equal(set, Seen(Parse(file), name));
    }

    [Fact]
    public void Every_setting_that_is_a_value_is_checked_for_its_default()
    {
        var declared = ConfigSettings.All.SelectMany(s => s.Parts.Select(p => $"{s.Name}.{p.Name}").Prepend(s.Name));
        var listed = Values.Select(row => (string)row[0]).Concat(["sections", "$schema"]);
        Assert.Equal(declared.Order(), listed.Order());
    }

    [Fact]
    public void A_config_built_in_code_has_the_defaults_of_one_read_from_an_empty_file()
    {
        var read = Parse("{}");
        var built = new RetortConfig { FilePath = read.FilePath, BaseDirectory = "/p", ScriptLocation = "/p/migrations", VersionLocations = read.VersionLocations };
        Assert.Equal(read, built with { XArguments = read.XArguments });
    }

    [Theory]
    [InlineData("""{ "scriptLocation": 1 }""", "'scriptLocation' must be a string")]
    [InlineData("""{ "versionLocations": ["a", 1] }""", "'versionLocations' must be a list of strings")]
    [InlineData("""{ "truncateSlugLength": 2.5 }""", "'truncateSlugLength' must be a whole number")]
    [InlineData("""{ "compareType": "no" }""", "'compareType' must be true or false")]
    [InlineData("""{ "lock": "mutex" }""", "'lock' must be \"session\", \"table\" or \"none\"")]
    [InlineData("""{ "model": { "naming": "camelCase" } }""", "'model.naming' must be \"asIs\" or \"snake_case\"")]
    [InlineData("""{ "model": ["Models/*.cs"] }""", "'model' must be an object with \"sources\", \"assemblies\", \"types\", \"naming\", \"efCore\"")]
    [InlineData("""{ "model": { "efCore": { "project": "a", "assembly": "b.dll" } } }""", "'model' must name efCore.project or efCore.assembly, not both")]
    [InlineData("""{ "model": { "efCore": { "context": "AppDb" } } }""", "'model' must name efCore.project or efCore.assembly")]
    [InlineData("""{ "model": { "efCore": { "projekt": "a" } } }""", "unknown setting 'model.efCore.projekt' (efCore takes project, assembly, context, configuration, environment)")]
    [InlineData("""{ "model": { "source": [] } }""", "unknown setting 'model.source' (model takes sources, assemblies, types, naming, efCore)")]
    [InlineData("""{ "versionTable": "" }""", "'versionTable' must not be empty")]
    [InlineData("""{ "truncateSlugLength": 0 }""", "'truncateSlugLength' must be at least 1")]
    [InlineData("""{ "lockTimeout": -1 }""", "'lockTimeout' must be 0 or more seconds")]
    [InlineData("""{ "lockLease": 2 }""", "'lockLease' must be at least 3 seconds")]
    [InlineData("""{ "fileTemplate": "{slug}" }""", "'fileTemplate' must contain {rev} so that every revision gets its own file")]
    [InlineData("""{ "versionTable": "v", "logTable": "V" }""", "'logTable' must differ from 'versionTable' (v)")]
    public void A_bad_value_says_what_it_must_be(string json, string message) =>
        Assert.Equal($"/p/retort.json: {message}", Error(json));

    [Fact]
    public void A_bad_value_in_a_section_is_named_by_its_place_there()
    {
        const string json = """{ "sections": { "a": { "model": { "naming": 1 } } } }""";
        Assert.Equal("/p/retort.json: 'sections.a.model.naming' must be a string", Error(json, "a"));
    }

    [Fact]
    public void Values_are_checked_once_the_section_is_over_the_top_level()
    {
        var config = Parse("""{ "versionTable": "", "sections": { "a": { "versionTable": "v" } } }""", "a");
        Assert.Equal("v", config.VersionTable);
        Assert.Equal("v_log", config.LogTable);
    }

    [Theory]
    [InlineData("scriptLocaton", "scriptLocation")]
    [InlineData("versiontable", "versionTable")]
    [InlineData("compareTypes", "compareType")]
    [InlineData("lockLeese", "lockLease")]
    [InlineData("sqliteAutobatch", "sqliteAutoBatch")]
    [InlineData("section", "sections")]
    [InlineData("schema", "$schema")]
    [InlineData("databse", "databases")]
    public void A_misspelt_setting_is_told_the_declared_name(string word, string meant) =>
        Assert.Equal($"/p/retort.json: unknown setting '{word}' (did you mean '{meant}'?)", Error($$"""{ "{{word}}": 1 }"""));

    [Fact]
    public void A_setting_like_no_declared_one_gets_no_suggestion() =>
        Assert.Equal("/p/retort.json: unknown setting 'colour'", Error("""{ "colour": "blue" }"""));

    [Fact]
    public void Every_setting_has_one_line_of_doc_fit_for_a_table_cell()
    {
        Assert.All(ConfigSettings.All.Concat(ConfigSettings.All.SelectMany(s => s.Parts)), setting =>
        {
            Assert.False(string.IsNullOrWhiteSpace(setting.Doc), $"'{setting.Name}' has no doc line");
            Assert.DoesNotContain('\n', setting.Doc);
            Assert.DoesNotContain('|', setting.Doc + setting.ShownDefault);
        });
    }

    [Fact]
    public void Every_declared_setting_is_in_the_table()
    {
        var parts = ConfigSettings.All.SelectMany(s => s.Parts).ToList();
        var listed = ConfigSettings.All.Concat(parts).Concat(parts.SelectMany(p => p.Parts)).ToHashSet();
        var declared = typeof(ConfigSettings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(ConfigSetting).IsAssignableFrom(f.FieldType))
            .Select(f => (ConfigSetting)f.GetValue(null)!)
            .ToList();
        Assert.Equal(listed.Count, declared.Count);
        Assert.All(declared, setting => Assert.Contains(setting, listed));
    }

    [Fact]
    public void The_README_shows_the_table_the_declarations_make()
    {
        var root = TestArtifacts.RepositoryRoot() ?? throw new InvalidOperationException("the tests run outside the repository");
        var lines = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n").Split('\n');
        var header = ConfigSettings.MarkdownTable().Split('\n')[0];
        var start = Array.IndexOf(lines, header);
        Assert.True(start >= 0, $"README.md has no line '{header}'");
        var table = lines.Skip(start).TakeWhile(line => line.StartsWith('|')).Select(line => line + "\n");
        Assert.Equal(ConfigSettings.MarkdownTable(), string.Concat(table));
    }
}
