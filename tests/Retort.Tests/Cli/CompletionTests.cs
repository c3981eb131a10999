using System.Diagnostics;

namespace Retort.Tests.Cli;

/// <summary>
/// <c>retort completion bash|zsh|pwsh</c>: the scripts against their golden files, and bash (and zsh, where installed)
/// loading the script and completing commands, options and the project's revisions through it. PowerShell is not
/// installed here: its script is checked against its golden file only.
/// </summary>
public sealed class CompletionTests(OutputProject project) : IClassFixture<OutputProject>
{
    [Theory]
    [InlineData("bash", "completion.bash")]
    [InlineData("zsh", "completion.zsh")]
    [InlineData("pwsh", "completion.ps1")]
    public async Task Each_shell_gets_its_script(string shell, string golden) =>
        GoldenFile.Matches(Path.Combine("Output", golden), await project.OkAsync("completion", shell));

    [Fact]
    public async Task An_unknown_shell_is_bad_usage()
    {
        var result = await CliProcess.RunAsync(project.Folder, "completion", "fish");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("fish", result.Stderr);
    }

    [Theory]
    [InlineData("1", "up", "upgrade")]
    [InlineData("2", "upgrade ", "--sql|a1000000001|audit@head|base|e5000000005|f2000000007|head|heads|main@head")]
    [InlineData("2", "upgrade f", "f1000000006|f2000000007")]
    [InlineData("3", "upgrade --phase ", "post|pre")]
    [InlineData("3", "revision --head ", "a1000000001|audit|base|head")]
    [InlineData("2", "show --j", "--json")]
    [InlineData("3", "-c retort.json hea", "heads")]
    public async Task The_completion_request_offers_commands_options_and_revisions(string cword, string line, string expected)
    {
        var words = line.Split(' ');
        var candidates = (await project.OkAsync(["__complete", cword, "retort", .. words])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var candidate in expected.Split('|'))
            Assert.Contains(candidate, candidates);
        var typed = int.Parse(cword, System.Globalization.CultureInfo.InvariantCulture) - 1 < words.Length ? words[^1] : "";
        Assert.All(candidates, c => Assert.StartsWith(typed, c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_folder_without_a_project_still_completes_commands()
    {
        var empty = Directory.CreateTempSubdirectory("retort-complete");
        try
        {
            var result = await CliProcess.RunAsync(empty.FullName, "__complete", "2", "retort", "upgrade", "");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            Assert.Contains("--sql", result.Stdout.Split('\n'));
            Assert.DoesNotContain("head", result.Stdout.Split('\n'));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bash_loads_the_script_and_completes_commands_and_revision_ids()
    {
        var script = Path.Combine(project.Folder, "retort.bash");
        File.WriteAllText(script, await project.OkAsync("completion", "bash"));
        var syntax = await RunAsync("bash", "-n", script);
        Assert.True(syntax.Code == 0, syntax.Error);

        var commands = await RunAsync("bash", "-c", $"{Retort} source <(retort completion bash); COMP_WORDS=(retort up); COMP_CWORD=1; _retort_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        Assert.True(commands.Code == 0, commands.Error);
        Assert.Equal(["upgrade"], commands.Lines);

        var revisions = await RunAsync("bash", "-c", $"{Retort} source <(retort completion bash); COMP_WORDS=(retort downgrade ''); COMP_CWORD=2; _retort_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        Assert.True(revisions.Code == 0, revisions.Error);
        Assert.Contains("b2000000002", revisions.Lines);
        Assert.Contains("base", revisions.Lines);
        Assert.Contains("audit@head", revisions.Lines);
    }

    [Fact]
    public async Task Zsh_loads_the_script_and_completes_revision_ids()
    {
        if (!File.Exists("/usr/bin/zsh") && !File.Exists("/bin/zsh"))
        {
            Assert.False(Live.LiveDatabase.IsCi, "CI=true, but zsh is not installed (apt-get install -y zsh; scripts/test.sh does it)");
            return;
        }
        var script = Path.Combine(project.Folder, "retort.zsh");
        File.WriteAllText(script, await project.OkAsync("completion", "zsh"));
        var syntax = await RunAsync("zsh", "-n", script);
        Assert.True(syntax.Code == 0, syntax.Error);

        // compadd only works inside a completion widget; a function of that name stands in for it and prints what it is given.
        var run = await RunAsync("zsh", "-c", $"{Retort} autoload -U compinit && compinit -u; source {script}; compadd() {{ shift; print -l -- \"$@\"; }}; " +
            "words=(retort stamp b2); CURRENT=3; _retort");
        Assert.True(run.Code == 0, run.Error);
        Assert.Equal(["b2000000002"], run.Lines);
    }

    // A shell function standing for the installed tool: the test build of the CLI.
    private static string Retort => $"retort() {{ dotnet '{Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll")}' \"$@\"; }};";

    private async Task<(int Code, string[] Lines, string Error)> RunAsync(string shell, params string[] args)
    {
        var start = new ProcessStartInfo(shell) { WorkingDirectory = project.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["HOME"] = project.Folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries), await error);
    }
}
