using Retort.Ops;

namespace Retort.Autogenerate;

/// <summary>
/// What it takes to turn the live schema into the wanted one: the upgrade's operations, in an order that runs,
/// the downgrade's (each upgrade operation reversed, in reverse order), and warnings for a person to read
/// (a probable rename, a change no operation expresses).
/// </summary>
public sealed record SchemaDiff(IReadOnlyList<MigrationOperation> Upgrade, IReadOnlyList<MigrationOperation> Downgrade, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The warnings that concern one operation of <see cref="Upgrade"/> (a possible rename, a NOT NULL column without
    /// a default, a change that may lose data), by the operation itself: a revision file writes them next to it.
    /// </summary>
    public IReadOnlyDictionary<MigrationOperation, IReadOnlyList<string>> Notes { get; init; } =
        new Dictionary<MigrationOperation, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the schemas agree: no operation to run.</summary>
    public bool IsEmpty => Upgrade.Count == 0;
}
