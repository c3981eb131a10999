
namespace Retort;

/// <summary>What <see cref="SafetyNet.DriftAsync"/> found.</summary>
/// <param name="Database">The database compared.</param>
/// <param name="Heads">The revisions its version table says it is at.</param>
/// <param name="Differences">What was done to the database beyond its revisions, one change each ("added column 'users.nickname'").</param>
public sealed record DriftReport(string Database, IReadOnlyList<string> Heads, IReadOnlyList<string> Differences)
{
    /// <summary>Whether the database differs from what its revisions make.</summary>
    public bool Drifted => Differences.Count > 0;
}
