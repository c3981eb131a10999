using Retort.Revisions;

namespace Retort;

/// <summary>What <c>Commands.StatusAsync</c> finds: the known revisions the database is at, and warnings.</summary>
/// <param name="Heads">The revisions of the version table that a script defines.</param>
/// <param name="Warnings">One line each, for a person to read.</param>
public sealed record DatabaseStatus(IReadOnlyList<Revision> Heads, IReadOnlyList<string> Warnings);
