using Retort.Ops;

namespace Retort.Tests.Scripting;

/// <summary>Runs a migration's Upgrade or Downgrade and returns the operations it produced, in order.</summary>
internal static class RecordedOperations
{
    public static IReadOnlyList<MigrationOperation> Upgrade(Migration migration)
    {
        var recorded = new List<MigrationOperation>();
        migration.Upgrade(new Operations(recorded.Add));
        return recorded;
    }

    public static IReadOnlyList<MigrationOperation> Downgrade(Migration migration)
    {
        var recorded = new List<MigrationOperation>();
        migration.Downgrade(new Operations(recorded.Add));
        return recorded;
    }
}
