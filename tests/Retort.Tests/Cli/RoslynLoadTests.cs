using Retort.Tests.Execution;

namespace Retort.Tests.Cli;

/// <summary>
/// Roslyn is the heaviest thing the CLI can load (tens of megabytes, and most of a cold run's time): no command that has
/// nothing to compile may load it. strace shows which files the process opens, as the OS sees them.
/// </summary>
public sealed class RoslynLoadTests
{
    private static async Task<IReadOnlyList<string>> OpenedAsync(string directory, params string[] args)
    {
        var trace = Path.Combine(directory, "trace.txt");
        var start = new System.Diagnostics.ProcessStartInfo("strace")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-f", "-qq", "-e", "trace=openat", "-o", trace, "dotnet", Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll"), .. args])
            start.ArgumentList.Add(arg);
        start.Environment.Remove("RETORT_URL");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"retort {string.Join(' ', args)}: {await stderr}");
        return [.. (await File.ReadAllLinesAsync(trace)).Where(l => l.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !l.Contains("ENOENT", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task Only_a_command_with_something_to_compile_loads_Roslyn()
    {
        if (!File.Exists("/usr/bin/strace"))
        {
            Assert.False(Live.LiveDatabase.IsCi, "CI=true, but strace is not installed (apt-get install -y strace; scripts/test.sh does it)");
            return;
        }
        using var project = new TestProject("sqlite:///app.db").TableRevision("a1").TableRevision("b1", "a1");
        File.WriteAllText(Path.Combine(project.Root, "retort.json"), """{ "scriptLocation": "migrations", "url": "sqlite:///app.db" }""");
        // The first compile loads it: what the test looks for is there to be seen.
        Assert.NotEmpty(await OpenedAsync(project.Root, "compile"));
        string[][] commands =
        [
            ["heads"], ["history"], ["branches"], ["show", "head"], ["compile"], ["upgrade", "a1"], ["upgrade", "head", "--sql"], ["upgrade", "head"],
            ["current"], ["history", "-i"], ["stamp", "a1"], ["downgrade", "base"],
        ];
        foreach (var args in commands)
            Assert.True((await OpenedAsync(project.Root, args)) is [], $"retort {string.Join(' ', args)} opened Roslyn");
    }
}
