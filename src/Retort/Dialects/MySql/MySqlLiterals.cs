using System.Globalization;

namespace Retort.Dialects.MySql;

/// <summary>Values as MySQL and MariaDB write them.</summary>
internal sealed class MySqlLiterals : SqlLiterals
{
    /// <summary>
    /// A value as a literal. Times keep at most six fractional digits (MySQL's precision); a date with an
    /// offset is converted to the session's time zone by the server, since MariaDB's literals take no offset.
    /// </summary>
    public override string Literal(object? value) => value switch
    {
        DateTime t => StringLiteral(Fraction(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture))),
        TimeOnly t => StringLiteral(Fraction(t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture))),
        DateTimeOffset t => $"CONVERT_TZ({Literal(t.DateTime)}, '{t.ToString("zzz", CultureInfo.InvariantCulture)}', @@session.time_zone)",
        _ => base.Literal(value),
    };

    /// <inheritdoc />
    protected override string StringLiteral(string value) => QuoteString(value);

    /// <summary>
    /// A string literal: quotes doubled, and backslashes escaped because MySQL reads <c>\</c> as an escape
    /// inside strings; NUL and Ctrl-Z are escaped so that a script survives any client.
    /// https://dev.mysql.com/doc/refman/8.0/en/string-literals.html#character-escape-sequences
    /// </summary>
    internal static string QuoteString(string value)
    {
        var text = new System.Text.StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\'' => "''",
                '\\' => @"\\",
                '\0' => @"\0",
                '\x1a' => @"\Z",
                _ => c.ToString(),
            });
        }
        return text.Append('\'').ToString();
    }

    private static string Fraction(string time) => time.TrimEnd('.');
}
