using Retort.Configuration;
using Retort.Revisions;
using Retort.Scripting;

namespace Retort.Tests.Execution;

/// <summary>The quickstart's two revisions as offline SQL on every dialect, against golden files.</summary>
public sealed class QuickstartScriptTests
{
    private static readonly string Repository = FindRepository();

    [Theory]
    [InlineData("sqlite", "sqlite:///quickstart.db")]
    [InlineData("postgresql", "postgresql://app@localhost/shop")]
    [InlineData("mysql", "mysql://app@localhost/shop")]
    [InlineData("sqlserver", "sqlserver://app@localhost/shop")]
    public async Task Upgrade_head_as_sql_matches_the_golden_script(string dialect, string url)
    {
        var project = Path.Combine(Repository, "samples", "quickstart");
        var config = ConfigFile.Load(Path.Combine(project, "retort.json")) with { Url = url };
        var cache = Directory.CreateTempSubdirectory("retort-quickstart");
        var commands = new Commands(config, loadMigrations: async (scripts, ct) =>
            new Compiled(await new ScriptCompiler().CompileAsync(scripts.CompileSources(), cache.FullName, null, ct)));
        var writer = new StringWriter();
        await commands.UpgradeAsync("head", writer);
        cache.Delete(recursive: true);
        var sql = VolatileValues.Masked(writer.ToString());

        GoldenFile.Matches(Path.Combine("Quickstart", dialect + ".sql"), sql);
    }

    private sealed class Compiled(CompiledScripts scripts) : MigrationSource
    {
        public override Migration Create(Revision revision) => scripts.CreateMigration(revision.Id);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Retort.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("The tests run outside the repository");
    }
}
