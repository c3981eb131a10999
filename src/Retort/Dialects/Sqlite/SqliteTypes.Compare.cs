using System.Text.RegularExpressions;

namespace Retort.Dialects.Sqlite;

internal static partial class SqliteTypes
{
    /// <summary>The affinity rules of https://www.sqlite.org/datatype3.html#determination_of_column_affinity, in their order.</summary>
    internal static string Affinity(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal))
            return "INTEGER";
        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal))
            return "TEXT";
        if (type.Contains("BLOB", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(type))
            return "BLOB";
        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal))
            return "REAL";
        return "NUMERIC";
    }

    /// <summary>A declared type's arguments (<c>(10,2)</c>) without spaces, or null when it has none.</summary>
    internal static string? Arguments(string declared) =>
        ArgumentsPattern().Match(declared) is { Success: true } m ? Regex.Replace(m.Value, @"\s", "") : null;

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex ArgumentsPattern();
}
