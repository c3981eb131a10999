using Retort.Cli;
using Retort.Configuration;
using Retort.Scripting;

namespace Retort.Tests.Cli;

/// <summary>
/// check and autogenerate read the database while the model compiles; which failure the user sees must not depend on
/// which of the two finishes first.
/// </summary>
public sealed class CompareOrderTests : IDisposable
{
    // Port 1 refuses at once, so the database side fails before the model side could.
    private const string Unreachable = "postgresql://app:pw@127.0.0.1:1/db";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-compare");

    public void Dispose() => _dir.Delete(recursive: true);

    private Commands Project(string url, string? model)
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "migrations", "versions"));
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "Models"));
        if (model is not null)
            File.WriteAllText(Path.Combine(_dir.FullName, "Models", "User.cs"), model);
        var file = Path.Combine(_dir.FullName, "retort.json");
        File.WriteAllText(file, $$"""{ "scriptLocation": "migrations", "url": "{{url}}", "model": { "sources": ["Models/*.cs"] } }""");
        return CliCommands.Create(new GlobalOptions(), ConfigFile.Load(file, environment: new Dictionary<string, string>()), new Output(TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task A_model_that_does_not_compile_is_reported_even_when_the_database_cannot_be_reached()
    {
        var commands = Project(Unreachable, "public class User { public int Id { get; set } }");
        var error = await Assert.ThrowsAsync<ScriptCompilationException>(() => commands.CompareAsync());
        Assert.Contains(error.Errors, line => line.Contains("User.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_project_without_model_classes_is_told_so_even_when_the_database_cannot_be_reached()
    {
        var commands = Project(Unreachable, model: null);
        var error = await Assert.ThrowsAsync<RetortException>(() => commands.CompareAsync());
        // model.sources names a folder with no file: said before anything else, since a model without those
        // tables would have autogenerate drop them.
        Assert.StartsWith("model source 'Models/*.cs' matches no file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_model_and_an_unreachable_database_give_the_connection_error()
    {
        var commands = Project(Unreachable, "using System.ComponentModel.DataAnnotations; public class User { [Key] public int Id { get; set; } }");
        var error = await Assert.ThrowsAsync<RetortException>(() => commands.CompareAsync());
        Assert.StartsWith("Cannot connect to postgresql://app:***@127.0.0.1:1/db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_behind_its_heads_is_reported_before_any_comparison()
    {
        var commands = Project("sqlite:///app.db", "using System.ComponentModel.DataAnnotations; public class User { [Key] public int Id { get; set; } }");
        commands.Revision(new RevisionRequest("first") { RevisionId = "aaaa00000001" });
        commands.Reload();
        var error = await Assert.ThrowsAsync<RetortException>(() => commands.CompareAsync());
        Assert.StartsWith("The database is not up to date (it is at base; the heads are aaaa00000001)", error.Message, StringComparison.Ordinal);
    }
}
