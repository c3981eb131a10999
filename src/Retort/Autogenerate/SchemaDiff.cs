using Retort.Ops;

namespace Retort.Autogenerate;

/// <summary>
/// What it takes to turn the live schema into the wanted one: the upgrade's operations, in an order that runs,
/// the downgrade's (each upgrade operation reversed, in reverse order), and warnings for a person to read
/// (a probable rename, a change no operation expresses).
/// </summary>
public sealed record SchemaDiff(IReadOnlyList<MigrationOperation> Upgrade, IReadOnlyList<MigrationOperation> Downgrade, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether the schemas agree: no operation to run.</summary>
    public bool IsEmpty => Upgrade.Count == 0;
}
