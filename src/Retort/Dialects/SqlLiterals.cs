using System.Globalization;

namespace Retort.Dialects;

/// <summary>
/// How a database writes values as SQL literals, for scripts, <c>op.InlineLiteral</c> and the bookkeeping rows of a
/// <c>--sql</c> run. The base writes the ANSI forms; each dialect's <c>XLiterals.cs</c> writes its database's own
/// (SQLite's and SQL Server's booleans as numbers, MySQL's escapes, PostgreSQL's bytea, SQL Server's N'…').
/// Reached through <see cref="Dialect.Literal"/>.
/// </summary>
internal class SqlLiterals
{
    /// <summary>A value as a SQL literal, for scripts and <c>op.InlineLiteral</c>.</summary>
    public virtual string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => StringLiteral(s),
        char c => StringLiteral(c.ToString()),
        bool b => BooleanLiteral(b),
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : throw new RetortException($"{d} cannot be written as a SQL literal"),
        float f => float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : throw new RetortException($"{f} cannot be written as a SQL literal"),
        DateTime t => StringLiteral(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        DateTimeOffset t => StringLiteral(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly d => StringLiteral(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => StringLiteral(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        Guid g => StringLiteral(g.ToString()),
        byte[] bytes => BinaryLiteral(bytes),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => throw new RetortException($"A {value.GetType().Name} cannot be written as a SQL literal; pass a string, number, bool, date, Guid or byte[]"),
    };

    /// <summary>A string literal: single quotes, doubled inside.</summary>
    protected virtual string StringLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A boolean literal.</summary>
    protected virtual string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";

    /// <summary>A binary literal.</summary>
    protected virtual string BinaryLiteral(byte[] value) => "X'" + Convert.ToHexString(value) + "'";
}
