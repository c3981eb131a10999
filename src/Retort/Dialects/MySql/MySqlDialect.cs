using System.Data.Common;
using System.Globalization;

namespace Retort.Dialects.MySql;

/// <summary>
/// MySQL (8.0.16 and later) and MariaDB (10.5 and later; 10.7 for the native UUID type): backtick-quoted
/// names, DDL that commits itself, columns changed by restating them whole, comments written inline.
/// </summary>
/// <remarks>
/// String literals escape backslashes, which assumes the server's default <c>sql_mode</c> (without
/// <c>NO_BACKSLASH_ESCAPES</c>): https://dev.mysql.com/doc/refman/8.0/en/string-literals.html
/// </remarks>
public sealed partial class MySqlDialect(bool mariaDb = false) : Dialect
{
    /// <inheritdoc />
    public override string Name => MariaDb ? "mariadb" : "mysql";

    private protected override SchemaEcho CreateEcho() => new MySqlEcho(this);
    private protected override RunPreparation CreatePreparation() => new MySqlRunPreparation(this);
    private protected override Bookkeeping CreateBookkeeping() => new MySqlBookkeeping(this);
    private protected override SqlLiterals CreateLiterals() => new MySqlLiterals();

    /// <summary>Whether this is MariaDB rather than MySQL.</summary>
    public bool MariaDb { get; } = mariaDb;

    /// <summary>
    /// False: every DDL statement commits the transaction it runs in, so scripts get no BEGIN/COMMIT.
    /// https://dev.mysql.com/doc/refman/8.0/en/implicit-commit.html
    /// </summary>
    public override bool TransactionalDdl => false;

    /// <inheritdoc />
    public override string TypeName(SqlType type) => MySqlTypes.Name(type, MariaDb);

    /// <inheritdoc />
    protected override IReadOnlySet<string> ReservedWords => MySqlReservedWords.All;

    /// <inheritdoc />
    internal override SqlLexicon Lexicon => MySqlLexicon.Rules;

    /// <inheritdoc />
    protected override char OpenQuote => '`';

    /// <inheritdoc />
    protected override char CloseQuote => '`';


    /// <summary>
    /// Reads the connection's current database from information_schema in one round trip of nine queries.
    /// MySQL keeps a unique constraint as a unique index and cannot tell them apart, so every unique index over
    /// plain columns reads back as a <see cref="UniqueConstraint"/>; the index MySQL adds for a foreign key is left
    /// out; referential actions RESTRICT and NO ACTION (the same in InnoDB) read back as the default (null).
    /// </summary>
    public override Task<DatabaseSchema> InspectAsync(DbConnection connection, IReadOnlyCollection<TableName> exclude,
        CancellationToken cancellationToken) =>
        MySqlInspector.ReadAsync(connection, exclude, cancellationToken);
}
