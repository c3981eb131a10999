using System.Data.Common;
using Retort.Ops;

namespace Retort.Dialects.Sqlite;

/// <summary>
/// SQLite, the embedded default. SQLite's ALTER TABLE can rename tables and columns, add columns and drop
/// them, and nothing else (https://www.sqlite.org/lang_altertable.html): every other change of a table is
/// refused with a message that points at batch mode, which rebuilds the table.
/// </summary>
public sealed partial class SqliteDialect : Dialect
{
    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <summary>
    /// True: Microsoft.Data.Sqlite leaves transactions to SQLite, which runs DDL inside them
    /// (https://www.sqlite.org/lang_transaction.html). Alembic says false only because Python's pysqlite used
    /// to commit before each DDL statement.
    /// </summary>
    public override bool TransactionalDdl => true;

    /// <inheritdoc />
    protected override IReadOnlySet<string> ReservedWords => SqliteReservedWords.All;

    /// <inheritdoc />
    internal override SqlLexicon Lexicon => SqliteLexicon.Rules;

    /// <inheritdoc />
    public override string TypeName(SqlType type) => SqliteTypes.Name(type);

    /// <summary>1 and 0: SQLite stores booleans as integers, and TRUE/FALSE only parse from 3.23 on (https://www.sqlite.org/lang_expr.html#booleanexpr).</summary>
    protected override string BooleanLiteral(bool value) => value ? "1" : "0";

    /// <summary>
    /// A string literal. SQLite stops reading a statement's text at a NUL character, so a NUL inside a value is
    /// spliced in with <c>char(0)</c> rather than written raw.
    /// </summary>
    protected override string StringLiteral(string value) =>
        value.Contains('\0')
            ? "(" + string.Join(" || char(0) || ", value.Split('\0').Select(part => base.StringLiteral(part))) + ")"
            : base.StringLiteral(value);

    /// <summary>Reads tables, views and indexes from sqlite_master and the pragma functions, in one command.</summary>
    public override Task<DatabaseSchema> InspectAsync(DbConnection connection, IReadOnlyCollection<TableName> exclude,
        CancellationToken cancellationToken) =>
        SqliteInspector.ReadAsync(connection, exclude, cancellationToken);

    /// <summary>
    /// Comments are skipped, as Alembic does: SQLite has no place to keep them
    /// (https://www.sqlite.org/lang_createtable.html), and a model shared with other databases must still
    /// create its tables here.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> TableComment(TableCommentOperation operation) => [];

    /// <inheritdoc cref="TableComment"/>
    protected override IReadOnlyList<SqlStatement> ColumnComment(TableName table, string columnName, string? comment, Column? column) => [];

    /// <summary>An identity column carries the primary key itself: AUTOINCREMENT exists only on INTEGER PRIMARY KEY.</summary>
    protected override bool PrimaryKeyInline(Table table) => table.Columns.Any(c => c.Identity);

    /// <summary>
    /// The referenced table without its schema: SQLite's REFERENCES names a table of the same database
    /// (https://www.sqlite.org/syntax/foreign-key-clause.html), and INITIALLY DEFERRED needs DEFERRABLE before it.
    /// </summary>
    protected override string ForeignKeyClause(ForeignKey key) =>
        base.ForeignKeyClause(key with { ReferencedTable = new TableName(key.ReferencedTable.Name), Deferrable = key.Deferrable || key.InitiallyDeferred });

    /// <summary>
    /// Rows as the base writes them, with the parameters that Microsoft.Data.Sqlite would store differently from
    /// the script's literals bound as those literals' text
    /// (https://learn.microsoft.com/dotnet/standard/data/sqlite/types): it binds a Guid as a 16-byte BLOB
    /// (the column is CHAR(36)) and writes a TimeOnly with seven decimals, so online and offline runs would
    /// store different values.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> BulkInsert(BulkInsertOperation operation) =>
        base.BulkInsert(operation)
            .Select(s => s.Parameters is null ? s : s with { Parameters = s.Parameters.Select(AsLiteralText).ToList() })
            .ToList();

    private object? AsLiteralText(object? value) => value is Guid or TimeOnly ? Literal(value)[1..^1] : value;

    /// <summary>A view is replaced by dropping and creating it: SQLite has no CREATE OR REPLACE VIEW.</summary>
    protected override IReadOnlyList<SqlStatement> ReplaceObject(ReplaceObjectOperation operation) =>
        operation.Kind == ObjectKind.View
            ? [new($"DROP VIEW IF EXISTS {Quote(operation.Name)}"), new(ObjectDefinition("CREATE", operation.Kind, operation.Name, operation.Definition))]
            : throw NoRoutines(operation.Kind);

    /// <inheritdoc />
    protected override IReadOnlyList<SqlStatement> CreateObject(CreateObjectOperation operation) =>
        operation.Kind == ObjectKind.View ? base.CreateObject(operation) : throw NoRoutines(operation.Kind);

    /// <inheritdoc />
    protected override IReadOnlyList<SqlStatement> DropObject(DropObjectOperation operation) =>
        operation.Kind == ObjectKind.View ? base.DropObject(operation) : throw NoRoutines(operation.Kind);

    // SQLite runs inside the application's process: its functions are registered on each connection, and it has no procedures.
    private static NotSupportedException NoRoutines(ObjectKind kind) => new(kind == ObjectKind.Function
        ? "sqlite: SQLite has no stored functions; register the function on each connection (SqliteConnection.CreateFunction) in the application instead"
        : "sqlite: SQLite has no stored procedures; run the statements with op.Execute, or create a trigger with op.Execute");

    private static NotSupportedException NeedsRebuild(string what) =>
        new($"sqlite: cannot {what} in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)");
}
