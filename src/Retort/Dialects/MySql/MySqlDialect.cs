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

    /// <inheritdoc />
    private protected override SchemaEcho CreateEcho() => new MySqlEcho(this);

    /// <inheritdoc />
    private protected override RunPreparation CreatePreparation() => new MySqlRunPreparation(this);

    /// <inheritdoc />
    private protected override Bookkeeping CreateBookkeeping() => new MySqlBookkeeping(this);

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
