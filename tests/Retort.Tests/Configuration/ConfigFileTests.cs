using Retort.Configuration;

namespace Retort.Tests.Configuration;

public sealed class ConfigFileTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new();

    [Fact]
    public void Reads_settings_with_comments_trailing_commas_and_relative_paths()
    {
        var config = ConfigFile.Parse("""
            {
              // the migrations
              "scriptLocation": "db/migrations",
              "url": "sqlite:///app.db",
              "versionTable": "alembic_version",
              "model": { "sources": ["Models/**/*.cs"], },
            }
            """, "/proj/retort.json", null, NoEnvironment);
        Assert.Equal("/proj/db/migrations", config.ScriptLocation);
        Assert.Equal(["/proj/db/migrations/versions"], config.VersionLocations);
        Assert.Equal("alembic_version", config.VersionTable);
        Assert.Equal(["Models/**/*.cs"], config.Model.Sources);
        Assert.Equal("{rev}_{slug}", config.FileTemplate);
    }

    [Fact]
    public void Replaces_environment_references_and_lets_RETORT_URL_win()
    {
        var env = new Dictionary<string, string> { ["DB_HOST"] = "db1", ["RETORT_URL"] = "sqlite:///override.db" };
        var config = ConfigFile.Parse("""{ "url": "postgresql://u@${DB_HOST}/app", "versionTable": "v_${DB_HOST}" }""", "/p/retort.json", null, env);
        Assert.Equal("sqlite:///override.db", config.Url);
        Assert.Equal("v_db1", config.VersionTable);
    }

    [Fact]
    public void A_missing_environment_variable_names_the_setting()
    {
        var error = Assert.Throws<RetortException>(() =>
            ConfigFile.Parse("""{ "url": "postgresql://${NOPE}/x" }""", "/p/retort.json", null, NoEnvironment));
        Assert.Equal("/p/retort.json: 'url' uses ${NOPE}, but environment variable NOPE is not set", error.Message);
    }

    [Fact]
    public void A_misspelt_setting_gets_a_suggestion()
    {
        var error = Assert.Throws<RetortException>(() =>
            ConfigFile.Parse("""{ "scriptLocaton": "m" }""", "/p/retort.json", null, NoEnvironment));
        Assert.Equal("/p/retort.json: unknown setting 'scriptLocaton' (did you mean 'scriptLocation'?)", error.Message);
    }

    [Fact]
    public void Broken_json_is_reported_with_line_and_column()
    {
        var error = Assert.Throws<RetortException>(() =>
            ConfigFile.Parse("{\n  \"url\": \"x\"\n  \"versionTable\": \"y\"\n}", "/p/retort.json", null, NoEnvironment));
        Assert.StartsWith("/p/retort.json(3,3): not valid JSON:", error.Message);
    }

    [Fact]
    public void A_wrongly_typed_setting_says_what_it_must_be()
    {
        var error = Assert.Throws<RetortException>(() =>
            ConfigFile.Parse("""{ "transactionPerMigration": "yes" }""", "/p/retort.json", null, NoEnvironment));
        Assert.Equal("/p/retort.json: 'transactionPerMigration' must be true or false", error.Message);
    }

    [Fact]
    public void A_section_overrides_the_top_level()
    {
        const string text = """{ "url": "sqlite:///main.db", "sections": { "analytics": { "url": "sqlite:///a.db", "versionTable": "av" } } }""";
        var config = ConfigFile.Parse(text, "/p/retort.json", "analytics", NoEnvironment);
        Assert.Equal("sqlite:///a.db", config.Url);
        Assert.Equal("av", config.VersionTable);
        var error = Assert.Throws<RetortException>(() => ConfigFile.Parse(text, "/p/retort.json", "nope", NoEnvironment));
        Assert.Equal("/p/retort.json: no section 'nope'; the sections are analytics", error.Message);
    }

    [Fact]
    public void Loading_without_a_config_anywhere_says_how_to_make_one()
    {
        var dir = Directory.CreateTempSubdirectory("retort-noconfig");
        var missing = Path.Combine(dir.FullName, "retort.json");
        var error = Assert.Throws<RetortException>(() => ConfigFile.Load(missing));
        Assert.Equal($"Config file {missing} does not exist", error.Message);
        dir.Delete(true);
    }

    [Fact]
    public void The_log_is_on_by_default_and_named_after_the_version_table()
    {
        var config = ConfigFile.Parse("""{ "versionTable": "alembic_version" }""", "/p/retort.json", null, NoEnvironment);
        Assert.True(config.Log);
        Assert.Equal("alembic_version_log", config.LogTable);
        var off = ConfigFile.Parse("""{ "log": false, "logTable": "applied" }""", "/p/retort.json", null, NoEnvironment);
        Assert.False(off.Log);
        Assert.Equal("applied", off.LogTable);
    }

    [Theory]
    [InlineData("""{ "logTable": "" }""", "/p/retort.json: 'logTable' must not be empty; set \"log\": false to keep no log")]
    [InlineData("""{ "logTable": "Retort_Version" }""", "/p/retort.json: 'logTable' must differ from 'versionTable' (retort_version)")]
    [InlineData("""{ "log": "off" }""", "/p/retort.json: 'log' must be true or false")]
    [InlineData("""{ "logtable": "x" }""", "/p/retort.json: unknown setting 'logtable' (did you mean 'logTable'?)")]
    public void Bad_log_settings_say_what_is_wrong(string json, string message) =>
        Assert.Equal(message, Assert.Throws<RetortException>(() => ConfigFile.Parse(json, "/p/retort.json", null, NoEnvironment)).Message);
}
