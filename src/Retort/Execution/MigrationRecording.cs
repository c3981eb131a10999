using Retort.Dialects;
using Retort.Ops;

namespace Retort.Execution;

/// <summary>
/// What a migration's upgrade or downgrade calls, recorded without running it (nothing is connected): the operations in
/// order, and where recording had to stop: the migration read <c>op.Connection</c>, or failed.
/// </summary>
/// <param name="Operations">The operations it called before it stopped, or all of them.</param>
/// <param name="ReadsConnection">Whether it read <c>op.Connection</c>, which a recording cannot give it (a data migration written in ADO.NET).</param>
/// <param name="Failure">What stopped it otherwise; null when it ran to its end or read <c>op.Connection</c>.</param>
internal sealed record MigrationRecording(IReadOnlyList<MigrationOperation> Operations, bool ReadsConnection, Exception? Failure)
{
    /// <summary>Whether the recording holds every operation the migration calls.</summary>
    public bool Complete => !ReadsConnection && Failure is null;

    /// <summary>
    /// Records the upgrade (or downgrade) of the migration <paramref name="create"/> makes, as it would run on
    /// <paramref name="dialect"/>'s database. <paramref name="definitionIn"/> finds the definition a revision gave a view,
    /// function or procedure; without it a migration that asks stops there. <paramref name="suppress"/> hears each
    /// <c>.Lint(code, reason)</c> the migration writes.
    /// </summary>
    public static MigrationRecording Of(Func<Migration> create, bool upgrade, Dialect dialect, string? database,
        Func<ObjectKind, TableName, string, string>? definitionIn, Action<MigrationOperation, LintSuppression>? suppress = null)
    {
        var recorded = new List<MigrationOperation>();
        var op = suppress is null
            ? new Operations(recorded.Add, dialect.Name, dialect.Literal, null, null, database, null, definitionIn)
            : new Operations(recorded.Add, dialect.Name, dialect.Literal, suppress, definitionIn);
        try
        {
            var migration = create();
            (upgrade ? migration.UpgradeAsync(op, CancellationToken.None) : migration.DowngradeAsync(op, CancellationToken.None))
                .GetAwaiter().GetResult();
            return new MigrationRecording(recorded, false, null);
        }
        catch (ConnectionUnavailableException)
        {
            return new MigrationRecording(recorded, true, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // What was recorded before the failure still counts.
            return new MigrationRecording(recorded, false, e);
        }
    }
}
