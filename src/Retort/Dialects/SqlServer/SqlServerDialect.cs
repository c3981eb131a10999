using System.Globalization;
using Retort.Ops;

namespace Retort.Dialects.SqlServer;

/// <summary>
/// SQL Server (Transact-SQL). Rendered and checked against expected text: there is no server to test on here,
/// and reading a live schema is not supported yet. Scripts separate statements with <c>GO</c>, because
/// CREATE VIEW/FUNCTION/PROCEDURE must open a batch and each T-SQL block declares its own variables.
/// </summary>
public sealed partial class SqlServerDialect : Dialect
{
    /// <inheritdoc />
    public override string Name => "sqlserver";

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

    /// <inheritdoc />
    protected override string IdentityClause => "IDENTITY(1,1)";

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

    /// <summary>sp_rename: T-SQL has no ALTER TABLE … RENAME (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-rename-transact-sql).</summary>
    protected override IReadOnlyList<SqlStatement> RenameTable(RenameTableOperation operation) =>
        [new($"EXEC sp_rename {Literal(Quote(operation.Table))}, {Literal(operation.NewName)}")];

    /// <summary>CREATE OR ALTER keeps the object's permissions, where dropping it would not (SQL Server 2016 SP1+).</summary>
    protected override IReadOnlyList<SqlStatement> ReplaceObject(ReplaceObjectOperation operation) =>
        [new(ObjectDefinition("CREATE OR ALTER", operation.Kind, operation.Name, operation.Definition))];

    /// <summary>
    /// One INSERT per row, between SET IDENTITY_INSERT ON and OFF when the rows give an identity column its
    /// value (SQL Server refuses that otherwise); as Alembic does offline, but guarded, since the table's
    /// identity column is not known here.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> BulkInsert(BulkInsertOperation operation)
    {
        var rows = base.BulkInsert(operation);
        if (rows.Count == 0)
            return rows;
        var guard = $"IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID({Literal(Quote(operation.Table))}) " +
            $"AND name IN ({string.Join(", ", operation.Columns.Select(Literal))}))";
        return [new($"{guard} SET IDENTITY_INSERT {Quote(operation.Table)} ON"), .. rows, new($"{guard} SET IDENTITY_INSERT {Quote(operation.Table)} OFF")];
    }
}
