using System.Globalization;

namespace Retort.Dialects.SqlServer;

/// <summary>Values as SQL Server writes them.</summary>
internal sealed class SqlServerLiterals : SqlLiterals
{
    /// <summary>
    /// Dates and times in ISO 8601 with a T: the only form SQL Server reads the same under every language and
    /// DATEFORMAT setting (https://learn.microsoft.com/sql/t-sql/data-types/datetime-transact-sql#supported-string-literal-formats-for-datetime).
    /// </summary>
    public override string Literal(object? value) => value switch
    {
        DateTime t => StringLiteral(t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateTimeOffset t => StringLiteral(t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        _ => base.Literal(value),
    };

    /// <summary>N'…': a Unicode literal, since plain '…' is read in the database's code page and loses characters.</summary>
    protected override string StringLiteral(string value) => "N" + base.StringLiteral(value);

    /// <summary>1 and 0: BIT has no TRUE or FALSE.</summary>
    protected override string BooleanLiteral(bool value) => value ? "1" : "0";

    /// <summary>0x… hexadecimal.</summary>
    protected override string BinaryLiteral(byte[] value) => "0x" + Convert.ToHexString(value);
}
