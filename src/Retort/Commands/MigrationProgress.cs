namespace Retort;

/// <summary>
/// Where a run is, for a live display: step n of N, the step's line, how long its statement has been running, and an
/// estimate of what remains. Set it as <see cref="Commands.Observer"/>; read <see cref="Snapshot"/> from any thread (a
/// display's timer), and redraw on <see cref="Changed"/>.
/// </summary>
/// <remarks>
/// The estimate is the mean time of the steps finished so far times the steps left, less what the running step has
/// taken already (never less than the steps after it); none before the first step finishes. Revisions differ, so it is
/// a guide, not a promise.
/// </remarks>
public sealed class MigrationProgress(TimeProvider? time = null) : MigrationObserver
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private string _direction = "";
    private int _steps;
    private int _number;
    private int _finished;
    private string? _description;
    private long _runStarted;
    private long _stepStarted;
    private long? _statementStarted;
    private TimeSpan _finishedTime;
    private bool _done;

    /// <summary>A step started or the run ended: a display redraws now rather than at its next tick. Raised on the run's thread.</summary>
    public event Action? Changed;

    /// <inheritdoc/>
    public override void RunStarting(MigrationRun run)
    {
        lock (_lock)
        {
            _direction = run.Direction;
            _steps = run.Steps;
            _runStarted = _time.GetTimestamp();
        }
        Changed?.Invoke();
    }

    /// <inheritdoc/>
    public override void StepStarting(MigrationRun run, MigrationStepInfo step)
    {
        lock (_lock)
        {
            _number = step.Number;
            _description = step.Description;
            _stepStarted = _time.GetTimestamp();
            _statementStarted = null;
        }
        Changed?.Invoke();
    }

    /// <inheritdoc/>
    public override void StatementStarting(MigrationRun run, MigrationStepInfo step, string sql)
    {
        lock (_lock)
            _statementStarted = _time.GetTimestamp();
    }

    /// <inheritdoc/>
    public override void StepFinished(MigrationRun run, MigrationStepInfo step, TimeSpan elapsed)
    {
        lock (_lock)
        {
            _finished++;
            _finishedTime += elapsed;
            _statementStarted = null;
        }
    }

    /// <inheritdoc/>
    public override void RunFinished(MigrationRun run, TimeSpan elapsed, Exception? error)
    {
        lock (_lock)
            _done = true;
        Changed?.Invoke();
    }

    /// <summary>Where the run is now; <see cref="ProgressSnapshot.Steps"/> is 0 until the run knows its plan.</summary>
    public ProgressSnapshot Snapshot()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            TimeSpan? remaining = null;
            if (_finished > 0)
            {
                var mean = _finishedTime / _finished;
                var running = _number > _finished && !_done;
                // A step running longer than the mean still leaves the steps after it.
                remaining = running
                    ? TimeSpan.FromTicks(Math.Max((mean - _time.GetElapsedTime(_stepStarted, now)).Ticks, 0)) + mean * (_steps - _finished - 1)
                    : mean * (_steps - _finished);
            }
            return new ProgressSnapshot(_direction, _number, _steps, _finished, _description,
                _steps == 0 ? TimeSpan.Zero : _time.GetElapsedTime(_runStarted, now),
                _statementStarted is { } started ? _time.GetElapsedTime(started, now) : null, remaining, _done);
        }
    }
}

/// <summary>A moment of a run, as <see cref="MigrationProgress.Snapshot"/> gives it.</summary>
/// <param name="Direction"><c>upgrade</c>, <c>downgrade</c> or <c>stamp</c>; empty before the run starts.</param>
/// <param name="Step">The step running (or the last one run), from 1; 0 before the first.</param>
/// <param name="Steps">How many steps the run applies.</param>
/// <param name="Finished">How many steps are done.</param>
/// <param name="Description">The running step's line (<c>Running upgrade a -> b, message</c>).</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Statement">How long the running statement has taken so far; null between statements.</param>
/// <param name="Remaining">The estimate of what remains; null until a step has finished.</param>
/// <param name="Done">The run ended.</param>
public sealed record ProgressSnapshot(string Direction, int Step, int Steps, int Finished, string? Description, TimeSpan Elapsed,
    TimeSpan? Statement, TimeSpan? Remaining, bool Done);
