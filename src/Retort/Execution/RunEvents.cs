using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Retort.Execution;

/// <summary>
/// What one run tells the world as it goes: the project's <see cref="MigrationObserver"/>, and OpenTelemetry's sources
/// (an <see cref="ActivitySource"/> and a <see cref="Meter"/> both named <c>Retort</c>), a span per run and per step.
/// </summary>
/// <remarks>
/// The source and meter are process-wide, as .NET's telemetry wants them (listeners subscribe by name); they hold no
/// state of a run. With no listener, starting a span returns null and a measurement costs a check.
/// </remarks>
internal sealed class RunEvents(MigrationObserver? observer, MigrationRun run, string dialect)
{
    /// <summary>The name OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c> take.</summary>
    public const string Name = "Retort";

    private static readonly ActivitySource Source = new(Name, typeof(RunEvents).Assembly.GetName().Version?.ToString());
    private static readonly Meter Meter = new(Name, typeof(RunEvents).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Applied = Meter.CreateCounter<long>("retort.revisions.applied", "{revision}",
        "Revisions applied or undone by runs against a database (not scripts)");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("retort.revision.duration", "s",
        "How long one revision took to apply or undo, its version-table move included");

    private Activity? _runSpan;
    private Activity? _stepSpan;
    private long _runStarted;
    private long _stepStarted;
    private MigrationStep? _step;

    // What the observer is told of the step; made only when there is an observer (its Description formats a line).
    private MigrationStepInfo? _info;
    private int _number;

    public void RunStarting()
    {
        _runStarted = Stopwatch.GetTimestamp();
        _runSpan = Source.StartActivity($"retort {run.Direction}");
        _runSpan?.SetTag("db.system", dialect);
        _runSpan?.SetTag("retort.direction", run.Direction);
        _runSpan?.SetTag("retort.steps", run.Steps);
        _runSpan?.SetTag("retort.offline", run.Offline);
        observer?.RunStarting(run);
    }

    public void StepStarting(MigrationStep step)
    {
        _step = step;
        _number++;
        _stepStarted = Stopwatch.GetTimestamp();
        var revision = (step as RevisionStep)?.Revision.Id;
        _stepSpan = Source.StartActivity(revision is not null ? $"retort revision {revision}" : "retort stamp");
        _stepSpan?.SetTag("retort.revision", revision);
        _stepSpan?.SetTag("retort.direction", step.IsUpgrade ? "upgrade" : "downgrade");
        _stepSpan?.SetTag("retort.step", _number);
        if (observer is not null)
        {
            _info = MigrationStepInfo.Of(step, _number);
            observer.StepStarting(run, _info);
        }
    }

    public void StatementStarting(string sql)
    {
        if (_info is not null)
            observer?.StatementStarting(run, _info, sql);
    }

    public void StepFinished()
    {
        if (_step is not { } step)
            return;
        var elapsed = Stopwatch.GetElapsedTime(_stepStarted);
        _stepSpan?.Dispose();
        _stepSpan = null;
        _step = null;
        if (step is RevisionStep && !run.Offline)
        {
            var direction = new KeyValuePair<string, object?>("retort.direction", step.IsUpgrade ? "upgrade" : "downgrade");
            var system = new KeyValuePair<string, object?>("db.system", dialect);
            Applied.Add(1, direction, system);
            Duration.Record(elapsed.TotalSeconds, direction, system);
        }
        if (_info is { } info)
            observer?.StepFinished(run, info, elapsed);
        _info = null;
    }

    public void RunFinished(Exception? error)
    {
        if (error is not null)
        {
            _stepSpan?.SetStatus(ActivityStatusCode.Error, error.Message);
            _runSpan?.SetStatus(ActivityStatusCode.Error, error.Message);
        }
        _stepSpan?.Dispose();
        _runSpan?.Dispose();
        observer?.RunFinished(run, Stopwatch.GetElapsedTime(_runStarted), error);
    }
}
