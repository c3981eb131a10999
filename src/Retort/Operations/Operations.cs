using System.Data.Common;
using Retort.Ops;

namespace Retort;

/// <summary>
/// The <c>op</c> facade that revision files call: each method builds one operation record and hands it
/// on at once, so that operations run in the order the revision calls them, and a data migration can read
/// through <see cref="Connection"/> between them.
/// </summary>
public sealed partial class Operations
{
    private readonly Action<MigrationOperation> _sink;
    private readonly DbConnection? _connection;

    /// <summary>Creates a facade that hands each operation to <paramref name="sink"/> (for recording and tests).</summary>
    public Operations(Action<MigrationOperation> sink) => _sink = sink;

    private readonly Func<object?, string>? _literal;
    private readonly Func<DbTransaction?>? _transaction;
    private readonly Action? _beforeConnection;
    private readonly Func<ObjectKind, TableName, string, string>? _definitionIn;

    /// <summary>The facade of a run on the database named <paramref name="dialect"/>, whose SQL literals
    /// <paramref name="literal"/> writes: operations go to <paramref name="sink"/>; reading <see cref="Connection"/>
    /// first calls <paramref name="beforeConnection"/> (which runs the operations queued so far);
    /// <paramref name="definitionIn"/> finds the definition a revision gave a replaceable object.</summary>
    internal Operations(Action<MigrationOperation> sink, string dialect, Func<object?, string> literal, DbConnection? connection,
        Func<DbTransaction?>? transaction, string? database, Action? beforeConnection, Func<ObjectKind, TableName, string, string>? definitionIn)
    {
        _sink = sink;
        Dialect = dialect;
        _literal = literal;
        _connection = connection;
        _transaction = transaction;
        Database = database;
        _beforeConnection = beforeConnection;
        _definitionIn = definitionIn;
    }

    /// <summary>
    /// The database name when one revision serves several databases (the <c>multidb</c> template), else null.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>
    /// The name of the database the revision runs on, as <see cref="Execute"/>'s <c>dialect</c> spells it
    /// (<c>sqlite</c>, <c>postgresql</c>, <c>mysql</c>, <c>mariadb</c>, <c>sqlserver</c>), or null when only recording.
    /// </summary>
    /// <remarks>
    /// A name, no longer the dialect object: the operations know no dialect. Compare it with a name
    /// (<c>op.Dialect == "sqlite"</c>), and write values with <see cref="InlineLiteral"/>, which spells them as the
    /// database does.
    /// </remarks>
    public string? Dialect { get; }

    /// <summary>
    /// The open connection, for data migrations that read or write through ADO.NET. Not available in
    /// <c>--sql</c> mode, where nothing is connected.
    /// </summary>
    public DbConnection Connection
    {
        get
        {
            if (_connection is null)
                throw new ConnectionUnavailableException("op.Connection is not available here: in --sql mode nothing is connected; write the data change as op.Execute or op.BulkInsert");
            _beforeConnection?.Invoke();
            return _connection;
        }
    }

    /// <summary>The transaction the revision runs in, for commands on <see cref="Connection"/>; null when there is none.</summary>
    public DbTransaction? Transaction => _transaction?.Invoke();

    /// <summary>The definition revision <paramref name="revision"/> gave a view, function or procedure.</summary>
    private string DefinitionIn(ObjectKind kind, TableName name, string revision) =>
        _definitionIn is null
            ? throw new RetortException($"The definition of {kind.ToString().ToLowerInvariant()} {name} in revision {revision} can only be read during a run")
            : _definitionIn(kind, name, revision);

    /// <summary>Hands an operation record on as it is (for operations built elsewhere, e.g. by autogenerate).</summary>
    public OperationCall Invoke(MigrationOperation operation)
    {
        _sink(operation ?? throw new ArgumentNullException(nameof(operation)));
        return new OperationCall(operation, _suppress);
    }

    // Only lint listens; a run ignores suppressions.
    private readonly Action<MigrationOperation, LintSuppression>? _suppress;

    /// <summary>A recording facade for lint: operations go to <paramref name="sink"/>, each <c>.Lint(code, reason)</c> to <paramref name="suppress"/>.</summary>
    internal Operations(Action<MigrationOperation> sink, string dialect, Func<object?, string> literal,
        Action<MigrationOperation, LintSuppression> suppress, Func<ObjectKind, TableName, string, string>? definitionIn)
        : this(sink, dialect, literal, null, null, null, null, definitionIn) => _suppress = suppress;

    /// <summary>Runs SQL text as it is; with <paramref name="dialect"/>, only on that database.</summary>
    /// <example><code>op.Execute("UPDATE users SET name = 'x'"); op.Execute("VACUUM", dialect: "sqlite");</code></example>
    public OperationCall Execute(string sql, string? dialect = null) => Invoke(new ExecuteSqlOperation(sql, dialect));

    /// <summary>
    /// A value as a SQL literal of this database, for SQL text that must work offline too.
    /// </summary>
    /// <example><code>op.Execute($"UPDATE account SET created = {op.InlineLiteral(new DateOnly(2026, 1, 1))}");</code></example>
    public string InlineLiteral(object? value) =>
        (_literal ?? throw new RetortException("op.InlineLiteral needs a dialect; it is not available while only recording operations"))(value);
}
