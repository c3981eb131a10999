using Retort.Execution;

namespace Retort;

/// <summary>
/// Hears what a run does as it happens: each revision started and finished, each statement sent. The CLI draws its
/// progress from it and <c>Retort.Hosting</c> its structured log lines; the methods do nothing unless overridden.
/// </summary>
/// <remarks>
/// Called on the run's own thread, between statements: an override that blocks holds the migration (and its lock) up.
/// An exception thrown by an override fails the run like a failing statement would, so an observer should not throw.
/// </remarks>
public abstract class MigrationObserver
{
    /// <summary>A run is about to apply <see cref="MigrationRun.Steps"/> steps; the lock is held and the plan known.</summary>
    public virtual void RunStarting(MigrationRun run) { }

    /// <summary>A step (a revision applied or undone, or a stamp) starts.</summary>
    public virtual void StepStarting(MigrationRun run, MigrationStepInfo step) { }

    /// <summary>A statement is about to be sent (online) or written (<c>--sql</c>).</summary>
    public virtual void StatementStarting(MigrationRun run, MigrationStepInfo step, string sql) { }

    /// <summary>A step's work and its move of the version table are done (committed, where each step commits).</summary>
    public virtual void StepFinished(MigrationRun run, MigrationStepInfo step, TimeSpan elapsed) { }

    /// <summary>
    /// The run ended: <paramref name="error"/> is null when every step was applied (and committed), else what stopped it
    /// (its message says what was kept).
    /// </summary>
    public virtual void RunFinished(MigrationRun run, TimeSpan elapsed, Exception? error) { }
}

/// <summary>One run of steps, as a <see cref="MigrationObserver"/> hears of it.</summary>
/// <param name="Direction"><c>upgrade</c>, <c>downgrade</c> or <c>stamp</c>.</param>
/// <param name="Steps">How many steps the run applies.</param>
/// <param name="Offline">Statements are written as a script (<c>--sql</c>), not run.</param>
/// <param name="Database">The database, as shown to people (no password).</param>
public sealed record MigrationRun(string Direction, int Steps, bool Offline, string Database);

/// <summary>One step of a run.</summary>
/// <param name="Number">Its place in the run, from 1.</param>
/// <param name="Revision">The revision applied or undone; null for a stamp.</param>
/// <param name="IsUpgrade">Applied (true) or undone (false).</param>
/// <param name="From">The revisions the step leaves.</param>
/// <param name="To">The revisions it arrives at.</param>
/// <param name="Description">The line Alembic prints for it: <c>Running upgrade a -> b, message</c>.</param>
public sealed record MigrationStepInfo(int Number, string? Revision, bool IsUpgrade, IReadOnlyList<string> From, IReadOnlyList<string> To,
    string Description)
{
    internal static MigrationStepInfo Of(MigrationStep step, int number) =>
        new(number, (step as RevisionStep)?.Revision.Id, step.IsUpgrade, step.From, step.To, step.Describe());
}
