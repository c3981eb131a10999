using System.Text.Json;

namespace Retort.Tests.Cli;

/// <summary><c>--json</c> on the inspecting commands: each document against its golden file, each with the schema version.</summary>
public sealed class JsonOutputTests(OutputProject project) : IClassFixture<OutputProject>
{
    [Theory]
    [InlineData("history", "history.json", 0, "history", "--json")]
    [InlineData("history", "history_format.json", 0, "history", "--format", "json")]
    [InlineData("heads", "heads.json", 0, "heads", "--json")]
    [InlineData("branches", "branches.json", 0, "branches", "--json")]
    [InlineData("show", "show.json", 0, "show", "b2000000002", "--json")]
    [InlineData("current", "current.json", 0, "current", "--json")]
    [InlineData("check", "check.json", 1, "check", "--json")]
    [InlineData("upgrade", "upgrade_plan.json", 0, "upgrade", "e5000000005", "--sql", "--json")]
    [InlineData("downgrade", "downgrade_plan.json", 0, "downgrade", "e5000000005:b2000000002", "--sql", "--json")]
    public async Task Each_command_prints_its_documented_shape(string command, string golden, int exitCode, params string[] args)
    {
        var result = await CliProcess.RunAsync(project.Folder, args);
        Assert.True(result.ExitCode == exitCode, $"retort {string.Join(" ", args)} exited {result.ExitCode}: {result.Stderr}");
        var json = result.Stdout.ReplaceLineEndings("\n");
        GoldenFile.Matches(Path.Combine("Output", golden), json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("retort/v1", document.RootElement.GetProperty("schema").GetString());
        Assert.Equal(command, document.RootElement.GetProperty("command").GetString());
    }

    [Fact]
    public async Task Stamp_json_says_where_the_database_was_and_where_it_is()
    {
        // A database of its own (relative to the project folder), so the fixture's stays at its heads.
        var first = await CliProcess.RunAsync(project.Folder, "stamp", "e5000000005", "--json", "--url", "sqlite:///stamped.db");
        Assert.True(first.ExitCode == 0, first.Stderr);
        GoldenFile.Matches(Path.Combine("Output", "stamp.json"), first.Stdout.ReplaceLineEndings("\n"));

        using var second = JsonDocument.Parse(await project.OkAsync("stamp", "b2000000002", "f2000000007", "--purge", "--json", "--url", "sqlite:///stamped.db"));
        Assert.Equal("stamp", second.RootElement.GetProperty("command").GetString());
        Assert.True(second.RootElement.GetProperty("purged").GetBoolean());
        Assert.Equal(["e5000000005"], second.RootElement.GetProperty("from").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["b2000000002", "f2000000007"], second.RootElement.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Order());

        var script = await CliProcess.RunAsync(project.Folder, "stamp", "e5000000005", "--sql", "--json");
        Assert.Equal(2, script.ExitCode);
        Assert.Equal("", script.Stdout);
        Assert.StartsWith("retort: error: --json is for a stamp of the database; with --sql the script is the output", script.Stderr);
    }

    [Fact]
    public async Task History_json_marks_the_revisions_the_database_is_at()
    {
        using var document = JsonDocument.Parse(await project.OkAsync("history", "--json", "-i"));
        var current = document.RootElement.GetProperty("revisions").EnumerateArray()
            .Where(r => r.GetProperty("current").GetBoolean()).Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["e5000000005", "f2000000007"], current);
    }

    [Fact]
    public async Task An_error_with_json_is_one_line_on_stderr_and_nothing_on_stdout()
    {
        var result = await CliProcess.RunAsync(project.Folder, "show", "zzzz", "--json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("retort: error: No revision, branch label or symbol named 'zzzz'\n", result.Stderr.ReplaceLineEndings("\n"));

        var online = await CliProcess.RunAsync(project.Folder, "upgrade", "heads", "--json");
        Assert.Equal(2, online.ExitCode);
        Assert.Equal("", online.Stdout);
        Assert.Equal("retort: error: --json is for --sql (the plan of a script) or --all (the fleet's summary); online runs print their progress (see 'retort upgrade --help')\n",
            online.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_plan_holds_the_statements_the_script_runs()
    {
        var script = await project.OkAsync("upgrade", "e5000000005", "--sql");
        using var plan = JsonDocument.Parse(await project.OkAsync("upgrade", "e5000000005", "--sql", "--json"));
        var statements = plan.RootElement.GetProperty("steps").EnumerateArray()
            .SelectMany(s => s.GetProperty("statements").EnumerateArray().Select(x => x.GetString()!)).ToList();
        Assert.Equal(5, plan.RootElement.GetProperty("steps").GetArrayLength());
        Assert.NotEmpty(statements);
        Assert.All(statements, statement => Assert.Contains(statement, script));
    }
}
