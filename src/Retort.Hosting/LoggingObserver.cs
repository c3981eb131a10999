using Microsoft.Extensions.Logging;

namespace Retort.Hosting;

/// <summary>Turns what a run does into structured log lines: one per revision, with its id, direction and elapsed milliseconds.</summary>
internal sealed class LoggingObserver(ILogger logger) : MigrationObserver
{
    private int _runs;

    /// <summary>How many runs have started: a call that leaves it unchanged found nothing to do.</summary>
    public int Runs => Volatile.Read(ref _runs);

    public override void RunStarting(MigrationRun run)
    {
        Interlocked.Increment(ref _runs);
        Log.RunStarting(logger, run.Steps, run.Database, run.Direction);
    }

    public override void StepStarting(MigrationRun run, MigrationStepInfo step) => Log.StepStarting(logger, step.Description);

    public override void StepFinished(MigrationRun run, MigrationStepInfo step, TimeSpan elapsed)
    {
        if (step.Revision is { } revision)
            Log.Applied(logger, revision, step.IsUpgrade ? "upgrade" : "downgrade", Math.Round(elapsed.TotalMilliseconds, 1), step.Number, run.Steps);
    }

    public override void RunFinished(MigrationRun run, TimeSpan elapsed, Exception? error)
    {
        if (error is not null)
            Log.RunFailed(logger, run.Direction, run.Database, Math.Round(elapsed.TotalMilliseconds, 1), error.Message);
    }
}

/// <summary>The host's log lines, with their event ids and fields.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Applying {Steps} revision(s) to {Database} ({Direction})")]
    public static partial void RunStarting(ILogger logger, int steps, string database, string direction);

    [LoggerMessage(2, LogLevel.Debug, "{Description}")]
    public static partial void StepStarting(ILogger logger, string description);

    [LoggerMessage(3, LogLevel.Information, "Applied revision {Revision} ({Direction}) in {ElapsedMs} ms [{Step}/{Steps}]")]
    public static partial void Applied(ILogger logger, string revision, string direction, double elapsedMs, int step, int steps);

    [LoggerMessage(4, LogLevel.Error, "The {Direction} of {Database} failed after {ElapsedMs} ms: {Error}")]
    public static partial void RunFailed(ILogger logger, string direction, string database, double elapsedMs, string error);

    [LoggerMessage(5, LogLevel.Information, "Migrated {Database} to {Heads} in {ElapsedMs} ms")]
    public static partial void Migrated(ILogger logger, string database, string heads, double elapsedMs);

    [LoggerMessage(6, LogLevel.Information, "Database {Database} is up to date at {Heads} ({ElapsedMs} ms)")]
    public static partial void UpToDate(ILogger logger, string database, string heads, double elapsedMs);

    [LoggerMessage(7, LogLevel.Error, "Migrating {Database} failed: {Error}")]
    public static partial void Failed(ILogger logger, string database, string error);

    [LoggerMessage(8, LogLevel.Information, "{Message}")]
    public static partial void Progress(ILogger logger, string message);
}
