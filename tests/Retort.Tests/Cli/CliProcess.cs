using System.Diagnostics;

namespace Retort.Tests.Cli;

/// <summary>The built retort CLI run as a separate process, as a user runs it.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) =>
        RunProgramAsync("dotnet", workingDirectory, null, [Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll"), .. args]);

    /// <summary>Runs <paramref name="program"/> (a bundle, the native front) as a user would, with <paramref name="environment"/> over RETORT_URL unset.</summary>
    public static async Task<Result> RunProgramAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(program, workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the CLI with stdout and stderr redirected, for a test that watches or kills it.</summary>
    public static Process Start(string workingDirectory, params string[] args) =>
        Start("dotnet", workingDirectory, null, [Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll"), .. args]);

    /// <summary>Starts <paramref name="program"/> (a bundle, the native front) with stdout and stderr redirected.</summary>
    public static Process StartProgram(string program, string workingDirectory, params string[] args) => Start(program, workingDirectory, null, args);

    private static Process Start(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("RETORT_URL");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return Process.Start(start)!;
    }
}

/// <summary>A CLI process a test watches: its stderr collected, a line waited for, signals sent.</summary>
internal sealed class WatchedCli : IDisposable
{
    private readonly System.Text.StringBuilder _stderr = new();
    private readonly System.Text.StringBuilder _stdout = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    private WatchedCli(Process process) => Process = process;

    public Process Process { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    /// <summary>What the process wrote to stdout so far (all of it once <see cref="ExitAsync"/> returns).</summary>
    public string Stdout
    {
        get
        {
            lock (_stdout)
                return _stdout.ToString();
        }
    }

    public static WatchedCli Start(string workingDirectory, params string[] args) => Watch(CliProcess.Start(workingDirectory, args));

    /// <summary>Starts and watches <paramref name="program"/> (the native front) rather than the managed CLI.</summary>
    public static WatchedCli StartProgram(string program, string workingDirectory, params string[] args) =>
        Watch(CliProcess.StartProgram(program, workingDirectory, args));

    private static WatchedCli Watch(Process process)
    {
        var watched = new WatchedCli(process);
        watched.Process.ErrorDataReceived += (_, e) =>
        {
            lock (watched._stderr)
            {
                watched._stderr.AppendLine(e.Data);
                foreach (var (text, seen) in watched._waits)
                    if (e.Data?.Contains(text, StringComparison.Ordinal) == true)
                        seen.TrySetResult();
            }
        };
        watched.Process.OutputDataReceived += (_, e) =>
        {
            lock (watched._stdout)
                watched._stdout.AppendLine(e.Data);
        };
        watched.Process.BeginErrorReadLine();
        watched.Process.BeginOutputReadLine();
        return watched;
    }

    /// <summary>Waits until a line of stderr contains <paramref name="text"/>.</summary>
    public Task WaitForAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stderr)
        {
            if (_stderr.ToString().Contains(text, StringComparison.Ordinal))
                return Task.CompletedTask;
            _waits.Add((text, seen));
        }
        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>Sends a signal (STOP, CONT, INT, TERM) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGKILL: no finally block, no rollback, no unlock.</summary>
    public async Task KillAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
    }

    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        await Process.WaitForExitAsync().WaitAsync(timeout);
        // The last lines of stderr arrive after the exit; WaitForExit without a timeout waits for them.
        Process.WaitForExit();
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
