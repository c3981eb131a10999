using System.Globalization;

namespace Retort.Dialects.SqlServer;

/// <summary>
/// SQL Server (Transact-SQL), rendered only: scripts and their expected text, with no inspector and no comparison,
/// since the CLI cannot connect to SQL Server (and there is no server here to test them against); so this
/// folder has no <c>SqlServerInspector.cs</c> and no <c>SqlServerDialect.Compare.cs</c>. Scripts separate statements
/// with <c>GO</c>, because CREATE VIEW/FUNCTION/PROCEDURE must open a batch and each T-SQL block declares its own variables.
/// </summary>
public sealed partial class SqlServerDialect : Dialect
{
    /// <inheritdoc />
    public override string Name => "sqlserver";

    /// <inheritdoc />
    private protected override Bookkeeping CreateBookkeeping() => new SqlServerBookkeeping(this);

    /// <inheritdoc />
    public override string BeginTransaction => "BEGIN TRANSACTION";

    /// <inheritdoc />
    public override string? BatchSeparator => "GO";

    /// <inheritdoc />
    protected override IReadOnlySet<string> ReservedWords => SqlServerReservedWords.All;

    /// <inheritdoc />
    internal override SqlLexicon Lexicon => SqlServerLexicon.Rules;

    /// <inheritdoc />
    protected override char OpenQuote => '[';

    /// <inheritdoc />
    protected override char CloseQuote => ']';

    /// <inheritdoc />
    public override string TypeName(SqlType type) => SqlServerTypes.Name(type);

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
