using System.Text.RegularExpressions;
using Retort.Execution;

namespace Retort.Tests.Execution;

/// <summary>
/// Masks what differs from run to run or machine to machine in a script's log rows (the run's GUID, the user and
/// host, Retort's version), so that golden scripts stay comparable.
/// </summary>
internal static partial class VolatileValues
{
    public static string Masked(string sql) => RunId().Replace(sql, "'RUN-ID'")
        .Replace($"'{Environment.UserName}@{Environment.MachineName}'", "'USER@HOST'", StringComparison.Ordinal)
        .Replace($"'{StepJournal.ToolVersion}'", "'VERSION'", StringComparison.Ordinal);

    [GeneratedRegex("'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'")]
    private static partial Regex RunId();
}
