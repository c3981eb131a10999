using System.Data.Common;

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

    private protected override SchemaEcho CreateEcho() => new SqliteEcho(this);
    private protected override RunPreparation CreatePreparation() => new SqliteRunPreparation(this);
    private protected override Bookkeeping CreateBookkeeping() => new SqliteBookkeeping(this);
    private protected override SqlLiterals CreateLiterals() => new SqliteLiterals();

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


    /// <summary>Reads tables, views and indexes from sqlite_master and the pragma functions, in one command.</summary>
    public override Task<DatabaseSchema> InspectAsync(DbConnection connection, IReadOnlyCollection<TableName> exclude,
        CancellationToken cancellationToken) =>
        SqliteInspector.ReadAsync(connection, exclude, cancellationToken);
}
