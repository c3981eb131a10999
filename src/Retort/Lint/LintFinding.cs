using Retort.Dialects;
using Retort.Ops;

namespace Retort.Lint;

/// <summary>
/// A count that tells whether a finding bites on a live database: the rows (or NULLs, duplicates, orphans, rows failing a
/// check) it would meet. A finding whose count stays under <paramref name="Threshold"/> is dropped.
/// </summary>
/// <param name="Table">The table counted; a table the database does not have yet has nothing to count.</param>
/// <param name="Count">The query, returning one number.</param>
/// <param name="Counted">What the number counts, in words ("rows", "NULLs in users.email").</param>
/// <param name="Threshold">The count from which the finding stands.</param>
public sealed record LintProbe(TableName Table, SqlStatement Count, string Counted, long Threshold = 1);

/// <summary>One rule that fires on one operation (or on a suppression) of one revision.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Revision">The revision's id, or null for operations not yet written (autogenerate).</param>
/// <param name="Operation">The operation, or null for a finding about a suppression.</param>
/// <param name="Message">What fires, in words: <c>drops column users.fax</c>.</param>
public sealed record LintFinding(LintRule Rule, string? Revision, MigrationOperation? Operation, string Message)
{
    /// <summary>The table the finding is about, when its rows or locks matter.</summary>
    public TableName? Table { get; init; }

    /// <summary>The count a live database can give, or null.</summary>
    public LintProbe? Probe { get; init; }

    /// <summary>What the probe counted on the live database, when it ran.</summary>
    public long? Count { get; init; }

    /// <summary>The reason of the suppression that silences this finding, or null when it stands.</summary>
    public string? SuppressedBecause { get; init; }

    /// <summary>Whether a suppression silences it.</summary>
    public bool Suppressed => SuppressedBecause is not null;
}

/// <summary>The operations one revision's upgrade makes, with the suppressions it declares, as lint reads them.</summary>
/// <param name="Revision">The revision's id, or null for operations autogenerate is about to write.</param>
/// <param name="PostDeploy">Whether the revision runs after the new application version is deployed.</param>
/// <param name="Operations">The upgrade's operations, in order.</param>
/// <param name="Suppressions">Each <c>.Lint(code, reason)</c> with the operation it follows.</param>
/// <param name="RevisionSuppressions">The revision's <c>[Lint(code, reason)]</c> attributes.</param>
public sealed record LintInput(string? Revision, bool PostDeploy, IReadOnlyList<MigrationOperation> Operations,
    IReadOnlyList<(MigrationOperation Operation, LintSuppression Suppression)> Suppressions, IReadOnlyList<LintSuppression> RevisionSuppressions);

/// <summary>What lint knows of the database the revisions will run on.</summary>
/// <param name="Dialect">The database.</param>
/// <param name="Version">The server's version when read from a live database; null assumes a current release.</param>
/// <param name="AutoBatch">Whether the project batches SQLite's table rebuilds itself (<c>sqliteAutoBatch</c>).</param>
public sealed record LintTarget(Dialect Dialect, Version? Version = null, bool AutoBatch = false)
{
    /// <summary>Reads a version from a server's version text (<c>15.4 (Debian …)</c>, <c>10.11.6-MariaDB-0+deb12u1</c>).</summary>
    public static Version? ParseVersion(string? text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text ?? "", @"^\D*(\d+)(?:\.(\d+))?");
        return match.Success ? new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0) : null;
    }
}
