using System.Diagnostics;

namespace Retort.Tests.Packaging;

/// <summary>
/// The packages of this checkout, made once by <c>scripts/pack.sh</c> into a temporary folder that serves as a local
/// NuGet feed. The version is unique to the run, so that NuGet's global package folder never hands back a package
/// packed from older code under the same version; those entries are removed again at the end.
/// </summary>
public sealed class PackagedFeed : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("retort-feed").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public static string Repository => TestArtifacts.RepositoryRoot() ?? throw new InvalidOperationException("The tests run outside the repository");

    public async Task InitializeAsync()
    {
        var pack = await RunAsync(Repository, "bash", "scripts/pack.sh", "-o", Feed, "--version", Version);
        Assert.True(pack.ExitCode == 0, $"scripts/pack.sh failed:\n{pack.Output}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "retort", "retort.cli", "retort.hosting", "retort.entityframeworkcore" })
        {
            var folder = Path.Combine(cache, id, Version);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs a program to its end (10 minutes at most), its stdout and stderr together in one text.</summary>
    public static async Task<Result> RunAsync(string directory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // The tool and the sample must see what a fresh shell sees, not the test host's settings.
        start.Environment.Remove("RETORT_URL");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        void Add(object _, DataReceivedEventArgs e)
        {
            lock (output)
                output.AppendLine(e.Data);
        }
        process.OutputDataReceived += Add;
        process.ErrorDataReceived += Add;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 10 minutes:\n{output}");
        }
        lock (output)
            return new Result(process.ExitCode, output.ToString());
    }
}
