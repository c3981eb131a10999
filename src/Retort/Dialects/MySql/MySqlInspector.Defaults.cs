using System.Text.RegularExpressions;
using static Retort.Dialects.MySql.MySqlCatalog;

namespace Retort.Dialects.MySql;

internal sealed partial class MySqlInspector
{
    private static readonly HashSet<string> NumericTypes =
        ["tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double", "bit", "year"];

    /// <summary>
    /// A column's default as SQL text, as a migration would write it. MariaDB (10.2.7+) reports defaults as
    /// SQL (<c>'x'</c>, <c>0</c>, <c>current_timestamp()</c>, and <c>NULL</c> for none); MySQL reports a
    /// literal's bare value and marks expressions DEFAULT_GENERATED
    /// (https://mariadb.com/kb/en/information-schema-columns-table/,
    /// https://dev.mysql.com/doc/refman/8.0/en/information-schema-columns-table.html).
    /// An ON UPDATE clause (in EXTRA) is appended, since that is how it is declared.
    /// </summary>
    private string? ServerDefault(ColumnRow row)
    {
        var value = row.Default switch
        {
            null => null,
            "NULL" when mariaDb => null,
            var text when mariaDb => Timestamp(text),
            var text when row.Extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase) =>
                CurrentTimestamp().IsMatch(text) ? Timestamp(text) : $"({text})",
            var text when NumericTypes.Contains(row.DataType.ToLowerInvariant()) => text,
            var text => MySqlLiterals.QuoteString(text),
        };
        var onUpdate = OnUpdate().Match(row.Extra);
        return onUpdate.Success && value is not null ? $"{value} ON UPDATE {Timestamp(onUpdate.Groups[1].Value)}" : value;
    }

    // current_timestamp() is how MariaDB echoes CURRENT_TIMESTAMP; migrations say CURRENT_TIMESTAMP.
    private static string Timestamp(string text)
    {
        var match = CurrentTimestamp().Match(text);
        if (!match.Success)
            return text;
        return match.Groups[1].Value is { Length: > 0 } precision ? $"CURRENT_TIMESTAMP({precision})" : "CURRENT_TIMESTAMP";
    }

    [GeneratedRegex(@"^current_timestamp(?:\((\d*)\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex CurrentTimestamp();

    [GeneratedRegex(@"on update (\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex OnUpdate();
}
