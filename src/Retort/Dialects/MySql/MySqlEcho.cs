namespace Retort.Dialects.MySql;

/// <summary>What autogenerate counts as no change on MySQL and MariaDB.</summary>
internal sealed partial class MySqlEcho(MySqlDialect dialect) : SchemaEcho(dialect)
{
    /// <summary>
    /// Column and index names ignore case in MySQL (https://dev.mysql.com/doc/refman/8.0/en/identifier-case-sensitivity.html);
    /// table names are compared the same way, since a model rarely keeps two tables apart by case alone.
    /// </summary>
    public override StringComparer NameComparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>True: MySQL keeps a unique constraint as a unique index (https://dev.mysql.com/doc/refman/8.0/en/create-table.html#create-table-indexes-keys).</summary>
    public override bool UniqueConstraintsAreIndexes => true;

    /// <summary>
    /// True: InnoDB adds an index named after a foreign key when none serves it, and keeps it after the key is
    /// dropped (https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html#foreign-key-restrictions).
    /// </summary>
    public override bool IndexesForeignKeys => true;

    /// <summary>True: MODIFY COLUMN restates the column (see <c>MySqlDialect.AlterColumn</c>).</summary>
    public override bool RestatesColumns => true;

    /// <summary>False on MariaDB, which has no NOT NULL generated column (https://mariadb.com/kb/en/generated-columns/).</summary>
    internal override bool KeepsComputedNullability => !dialect.MariaDb;

    /// <summary>False: MySQL indexes every row, so an index's condition (written nowhere) is not compared.</summary>
    public override bool HasPartialIndexes => false;

    /// <summary>
    /// The same type, and on MariaDB a wanted JSON column that reads back as LONGTEXT, which is what MariaDB's
    /// JSON is (https://mariadb.com/kb/en/json-data-type/) when its json_valid check is gone.
    /// </summary>
    public override bool SameType(SqlType wanted, SqlType live) =>
        base.SameType(wanted, live) || Holds(wanted, live) || Holds(live, wanted);

    // A generic type and a stored one that holds its values as the generic type's own would: see MySqlTypes.Stores.
    private bool Holds(SqlType generic, SqlType stored) =>
        generic.Kind != SqlTypeKind.Raw && MySqlTypes.Stores(generic.Kind, ComparableTypeName(stored), dialect.MariaDb);

    /// <summary>
    /// A type name in the catalog's spelling: BOOL is <c>tinyint(1)</c>, INTEGER is <c>int</c>, display widths
    /// (<c>int(11)</c>) do not count (https://dev.mysql.com/doc/refman/8.0/en/numeric-type-attributes.html),
    /// DECIMAL is <c>decimal(10,0)</c>, REAL and DOUBLE PRECISION are <c>double</c>.
    /// </summary>
    protected override string ComparableTypeName(SqlType type) => MySqlTypes.Canonical(Dialect.TypeName(type));

    /// <summary>
    /// The tokens of a default as MySQL echoes it: TRUE and FALSE are 1 and 0, <c>now()</c>, <c>current_timestamp()</c> and
    /// <c>localtimestamp</c> are <c>CURRENT_TIMESTAMP</c> (MariaDB echoes <c>current_timestamp()</c>:
    /// https://mariadb.com/kb/en/now/), quoted numbers are numbers (MySQL echoes a literal's bare text).
    /// </summary>
    private protected override List<SqlToken> DefaultTokens(string sql) =>
        WithBooleansAsNumbers(SqlEcho.WithSynonyms(SqlEcho.WithSynonyms(SqlEcho.WithSynonyms(SqlEcho.Tokens(sql),
            Timestamps, "current_timestamp"), Dates, "current_date"), Times, "current_time"));

    // MariaDB echoes CURRENT_DATE as curdate() and CURRENT_TIME as curtime().
    private static readonly HashSet<string> Dates = ["current_date", "curdate"];
    private static readonly HashSet<string> Times = ["current_time", "curtime"];

    private static readonly HashSet<string> Timestamps = ["current_timestamp", "now", "localtimestamp", "localtime"];

    /// <summary>
    /// An expression (a check, a computed column's) as MariaDB echoes it besides quoting: <c>UPPER</c> and <c>LOWER</c>
    /// come back as their synonyms <c>ucase</c> and <c>lcase</c>.
    /// </summary>
    public override string NormalizeExpression(string sql) =>
        base.NormalizeExpression(SqlEcho.Text(SqlEcho.WithSynonyms(SqlEcho.WithSynonyms(SqlEcho.Tokens(sql), Upper, "upper"), Lower, "lower")));

    private static readonly HashSet<string> Upper = ["upper", "ucase"];
    private static readonly HashSet<string> Lower = ["lower", "lcase"];

    /// <summary>
    /// A default as MySQL echoes it, where <c>CURRENT_TIMESTAMP(6)</c> is <c>CURRENT_TIMESTAMP</c>: the precision
    /// follows the column's (MariaDB echoes <c>current_timestamp(6)</c> for a DATETIME(6) column).
    /// </summary>
    public override string? NormalizeDefault(string? sql)
    {
        var text = base.NormalizeDefault(sql);
        return text is null ? null : TimestampPrecision().Replace(text, "current_timestamp");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"current_timestamp\(\d*\)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TimestampPrecision();

    /// <summary>
    /// RESTRICT and NO ACTION are the same in InnoDB, and what a key without an action does; so is SET DEFAULT, which
    /// InnoDB does not have and MariaDB stores as RESTRICT (https://mariadb.com/kb/en/foreign-keys/).
    /// </summary>
    public override string? NormalizeReferentialAction(string? action) =>
        base.NormalizeReferentialAction(action) is "RESTRICT" or "SET DEFAULT" ? null : base.NormalizeReferentialAction(action);

    /// <summary>Views compared as MySQL rewrites them: qualified, backquoted, each column aliased to itself.</summary>
    public override bool SameViewDefinition(string wanted, string live) => ComparableView(wanted, rewritten: true) == ComparableView(live, rewritten: true);

    /// <summary>
    /// MariaDB's sequences are bigint, one short of its range at either end (https://mariadb.com/kb/en/create-sequence/);
    /// a declared type is not kept, so it does not count.
    /// </summary>
    internal override Sequence Comparable(Sequence sequence) => WithoutDefaults(sequence, long.MinValue + 1, long.MaxValue - 1, typed: false);
}
