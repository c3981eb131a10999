namespace Retort.Dialects.Postgres;

/// <summary>What autogenerate counts as no change on PostgreSQL: the ways it echoes types, defaults and expressions.</summary>
internal sealed partial class PostgresEcho(PostgresDialect dialect) : SchemaEcho(dialect)
{
    /// <summary>
    /// A type name in PostgreSQL's own spelling, as <c>format_type()</c> gives it: <c>varchar(20)</c> is
    /// <c>character varying(20)</c>, <c>int4</c> and <c>serial</c> are <c>integer</c>, <c>timestamptz</c> is
    /// <c>timestamp with time zone</c>, <c>numeric(10)</c> is <c>numeric(10,0)</c>
    /// (https://www.postgresql.org/docs/current/datatype.html#DATATYPE-TABLE).
    /// </summary>
    protected override string ComparableTypeName(SqlType type) => PostgresTypes.Canonical(Dialect.TypeName(type));

    /// <summary>
    /// A default without the casts PostgreSQL adds when it stores one (<c>'x'::character varying</c>,
    /// <c>'-1'::integer</c>); a sequence's <c>nextval(…)</c> (a serial column's) is no default of the model's;
    /// <c>now()</c> is <c>CURRENT_TIMESTAMP</c>
    /// (https://www.postgresql.org/docs/current/functions-datetime.html#FUNCTIONS-DATETIME-CURRENT).
    /// </summary>
    public override string? NormalizeDefault(string? sql)
    {
        var text = base.NormalizeDefault(sql);
        return text is null || text.StartsWith("nextval(", StringComparison.Ordinal) ? null : text;
    }

    private static readonly HashSet<string> Now = ["now", "transaction_timestamp", "current_timestamp"];

    private protected override List<SqlToken> DefaultTokens(string sql) =>
        SqlEcho.WithSynonyms(SqlEcho.WithoutCasts(SqlEcho.Tokens(sql)), Now, "current_timestamp");

    /// <summary>
    /// An index expression or condition without the casts and grouping parentheses that <c>pg_get_indexdef</c>
    /// and <c>pg_get_expr</c> add: <c>lower((email)::text)</c> is <c>lower(email)</c>.
    /// </summary>
    public override string NormalizeExpression(string sql) =>
        SqlEcho.Text(SqlEcho.WithDatesCanonical(SqlEcho.WithoutOuterParentheses(SqlEcho.WithoutGroupingParentheses(SqlEcho.WithNumbersUnquoted(SqlEcho.WithoutCasts(SqlEcho.Tokens(sql)))))));

    /// <summary>True: an enum is a type of its own (https://www.postgresql.org/docs/current/datatype-enum.html), changed with ALTER TYPE.</summary>
    public override bool EnumsAreTypes => true;

    /// <summary>
    /// Views compared as <c>pg_get_viewdef</c> rewrites them: without the table qualifiers, casts and
    /// parentheses it adds (https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-INFO-CATALOG).
    /// </summary>
    public override bool SameViewDefinition(string wanted, string live) => ComparableView(wanted, rewritten: true) == ComparableView(live, rewritten: true);

    /// <summary>A sequence's default bounds are its type's (https://www.postgresql.org/docs/current/sql-createsequence.html).</summary>
    internal override Sequence Comparable(Sequence sequence) => sequence.Type?.Kind switch
    {
        SqlTypeKind.SmallInteger => WithoutDefaults(sequence, short.MinValue, short.MaxValue),
        SqlTypeKind.Integer => WithoutDefaults(sequence, int.MinValue, int.MaxValue),
        _ => WithoutDefaults(sequence, long.MinValue, long.MaxValue),
    };
}
