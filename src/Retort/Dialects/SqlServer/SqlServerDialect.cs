using System.Globalization;

namespace Retort.Dialects.SqlServer;

/// <summary>
/// SQL Server (Transact-SQL), rendered only: scripts and their expected text, with no inspector and no comparison,
/// since the CLI cannot connect to SQL Server (and there is no server here to test them against); so this
/// folder has no <c>SqlServerInspector.cs</c> and no <c>SqlServerEcho.cs</c>. Scripts separate statements
/// with <c>GO</c>, because CREATE VIEW/FUNCTION/PROCEDURE must open a batch and each T-SQL block declares its own variables.
/// </summary>
public sealed partial class SqlServerDialect : Dialect
{
    /// <inheritdoc />
    public override string Name => "sqlserver";

    private protected override Bookkeeping CreateBookkeeping() => new SqlServerBookkeeping(this);
    private protected override SqlLiterals CreateLiterals() => new SqlServerLiterals();

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

}
