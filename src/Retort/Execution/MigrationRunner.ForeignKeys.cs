using Retort.Dialects;
using Retort.Ops;

namespace Retort.Execution;

internal sealed partial class MigrationRunner
{
    // Whether this run switched foreign-key enforcement off for the transaction now open.
    private bool _foreignKeysOff;

    // Whether the run's one transaction is being committed, so that a failure there (the foreign-key check) is not
    // put down to the last step.
    private bool _committingRun;

    /// <summary>
    /// Before a transaction begins: switches foreign-key enforcement off when the steps it will hold rebuild a table
    /// (SQLite, whose switch does nothing inside a transaction). The steps are recorded first to find out, as
    /// <see cref="DefinitionIn"/> records them; online, only when enforcement is on. A script switches it off
    /// whenever a rebuild is coming, since it cannot ask.
    /// </summary>
    private async Task SwitchForeignKeysOffAsync(IEnumerable<MigrationStep> steps, CancellationToken cancellationToken)
    {
        if (dialect.Preparation.ForeignKeySwitch is not { } fk)
            return;
        if (!await sink.ForeignKeysOnAsync(fk, cancellationToken))
            return;
        if (!steps.OfType<RevisionStep>().Any(s => Batched(Record(s)).Any(dialect.Preparation.NeedsForeignKeysOff)))
            return;
        await sink.ExecuteAsync(fk.Off, cancellationToken);
        _foreignKeysOff = true;
    }

    /// <summary>Before a commit with enforcement off: fails the run when any row breaks a foreign key.</summary>
    private async Task CheckForeignKeysAsync(CancellationToken cancellationToken)
    {
        if (!_foreignKeysOff)
            return;
        foreach (var statement in dialect.Preparation.ForeignKeySwitch!.Check)
            await sink.ExecuteAsync(statement, cancellationToken);
    }

    /// <summary>After the commit: enforcement back on.</summary>
    private async Task SwitchForeignKeysOnAsync(CancellationToken cancellationToken)
    {
        if (!_foreignKeysOff)
            return;
        _foreignKeysOff = false;
        await sink.ExecuteAsync(dialect.Preparation.ForeignKeySwitch!.On, cancellationToken);
    }

    /// <summary>After a rollback: enforcement back on, without hiding the failure that led here.</summary>
    private async Task RestoreForeignKeysAsync()
    {
        if (!_foreignKeysOff)
            return;
        _foreignKeysOff = false;
        await sink.RestoreAsync(dialect.Preparation.ForeignKeySwitch!.On);
    }

    // Steps whose migration was recorded to the end: the run replays these operations instead of calling the
    // migration's code a second time.
    private readonly Dictionary<RevisionStep, List<MigrationOperation>> _recorded = [];

    /// <summary>
    /// The operations a step's migration calls, recorded without running them. Recording stops where the migration
    /// needs the database (it reads op.Connection) or fails; the run itself meets those again, calling the code anew.
    /// </summary>
    private List<MigrationOperation> Record(RevisionStep step)
    {
        var recorded = MigrationRecording.Of(() =>
        {
            var migration = source().Create(step.Revision);
            _warmer?.Reached();
            return migration;
        }, step.IsUpgrade, dialect, options.Database, DefinitionIn);
        if (recorded.Complete)
            _recorded[step] = [.. recorded.Operations];
        return [.. recorded.Operations];
    }
}
