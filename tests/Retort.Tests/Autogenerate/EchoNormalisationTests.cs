using Retort.Dialects;
using Retort.Dialects.MySql;
using Retort.Dialects.Postgres;

namespace Retort.Tests.Autogenerate;

/// <summary>The ways each database echoes what it was given, each of which must read as no change.</summary>
public sealed class EchoNormalisationTests
{
    private static readonly SchemaEcho Sqlite = Dialect.ForName("sqlite").Echo;
    private static readonly SchemaEcho Postgres = Dialect.ForName("postgresql").Echo;
    private static readonly SchemaEcho MySql = Dialect.ForName("mysql").Echo;
    private static readonly SchemaEcho MariaDb = Dialect.ForName("mariadb").Echo;

    [Theory]
    [InlineData("varchar(20)", "character varying(20)")]
    [InlineData("int4", "integer")]
    [InlineData("serial", "integer")]
    [InlineData("BIGSERIAL", "bigint")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("timestamptz(3)", "timestamp(3) with time zone")]
    [InlineData("TIMESTAMP", "timestamp without time zone")]
    [InlineData("decimal(8)", "numeric(8,0)")]
    [InlineData("NUMERIC(10, 2)", "numeric(10,2)")]
    [InlineData("float", "double precision")]
    [InlineData("float(10)", "real")]
    [InlineData("bool", "boolean")]
    [InlineData("char", "character(1)")]
    [InlineData("int[]", "integer[]")]
    [InlineData("citext", "citext")]
    public void Postgres_type_synonyms_read_as_the_catalog_spells_them(string written, string catalog) =>
        Assert.Equal(catalog, PostgresTypes.Canonical(written));

    [Theory]
    [InlineData("INTEGER", "int")]
    [InlineData("int(11)", "int")]
    [InlineData("TINYINT UNSIGNED", "tinyint unsigned")]
    [InlineData("tinyint(3) unsigned", "tinyint unsigned")]
    [InlineData("BOOL", "tinyint(1)")]
    [InlineData("tinyint(1)", "tinyint(1)")]
    [InlineData("DECIMAL", "decimal(10,0)")]
    [InlineData("NUMERIC(8)", "decimal(8,0)")]
    [InlineData("DECIMAL(10, 2)", "decimal(10,2)")]
    [InlineData("REAL", "double")]
    [InlineData("character varying(20)", "varchar(20)")]
    [InlineData("datetime(0)", "datetime")]
    public void MySql_type_synonyms_read_as_the_catalog_spells_them(string written, string catalog) =>
        Assert.Equal(catalog, MySqlTypes.Canonical(written));

    [Fact]
    public void Types_written_alike_in_a_database_are_the_same_there()
    {
        Assert.True(Postgres.SameType(SqlType.Binary(16), SqlType.Binary()));
        Assert.True(Sqlite.SameType(SqlType.Guid, SqlType.Char(36)));
        Assert.True(Sqlite.SameType(SqlType.Enum("k", "a", "bbb"), SqlType.String(3)));
        Assert.True(MySql.SameType(SqlType.Enum("kind", "a", "b"), SqlType.Enum("column_name", "a", "b")));
        Assert.True(MySql.SameType(SqlType.Numeric(), SqlType.Numeric(10, 0)));
        Assert.True(MySql.SameType(SqlType.Raw("BOOLEAN"), SqlType.Boolean));
        Assert.True(MariaDb.SameType(SqlType.Json, SqlType.Text));
        Assert.True(Postgres.SameType(SqlType.Raw("varchar(40)"), SqlType.String(40)));
        Assert.True(Postgres.SameType(SqlType.Numeric(10), SqlType.Numeric(10, 0)));
    }

    [Fact]
    public void Different_types_stay_different()
    {
        Assert.False(Postgres.SameType(SqlType.String(50), SqlType.String(80)));
        Assert.False(Postgres.SameType(SqlType.Enum("k", "a", "b"), SqlType.Enum("k", "b", "a")));
        Assert.False(MySql.SameType(SqlType.Enum("kind", "a", "b"), SqlType.Enum("kind", "a", "c")));
        Assert.False(MySql.SameType(SqlType.Text, SqlType.Json));
        Assert.False(Sqlite.SameType(SqlType.String(50), SqlType.String(80)));
        Assert.False(Sqlite.SameType(SqlType.Integer, SqlType.Text));
    }

    [Fact]
    public void Sqlite_compares_its_own_type_names_by_affinity_and_identity_columns_as_integer()
    {
        Assert.True(Sqlite.SameType(SqlType.Raw("INT"), SqlType.Integer));
        Assert.True(Sqlite.SameType(SqlType.String(40), SqlType.Raw("NVARCHAR(40)")));
        Assert.False(Sqlite.SameType(SqlType.String(40), SqlType.Raw("NVARCHAR(30)")));
        Assert.True(Sqlite.SameColumnType(new Column("id", SqlType.BigInteger, primaryKey: true, identity: true),
            new Column("id", SqlType.Integer, primaryKey: true, identity: true)));
        Assert.False(Sqlite.SameColumnType(new Column("n", SqlType.BigInteger), new Column("n", SqlType.Integer)));
    }

    [Theory]
    [InlineData("'x'", "'x'::character varying")]
    [InlineData("-1", "'-1'::integer")]
    [InlineData("0", "(0)")]
    [InlineData("1.50", "1.5")]
    [InlineData("CURRENT_TIMESTAMP", "now()")]
    [InlineData("TRUE", "true")]
    [InlineData("lower('ABC')", "lower('ABC'::text)")]
    [InlineData("'member'", "'member'::\"user_kind\"")]
    [InlineData("'2000-01-01'", "'2000-01-01'::date")]
    [InlineData("'{}'", "'{}'::jsonb")]
    [InlineData("'{}'", "'{}'::text[]")]
    [InlineData("'2020-01-01'", "'2020-01-01 00:00:00'::timestamp without time zone")]
    [InlineData("'x'", "'x'::\"Mixed\".\"Type\"")]
    public void Postgres_defaults_match_their_echo(string written, string echoed) =>
        Assert.Equal(Postgres.NormalizeDefault(written), Postgres.NormalizeDefault(echoed));

    [Fact]
    public void A_sequence_default_is_no_default_and_null_is_none()
    {
        Assert.Null(Postgres.NormalizeDefault("nextval('users_id_seq'::regclass)"));
        Assert.Null(Postgres.NormalizeDefault("NULL::character varying"));
        Assert.Null(MySql.NormalizeDefault("NULL"));
        Assert.Null(Sqlite.NormalizeDefault("  "));
    }

    [Theory]
    [InlineData("CURRENT_TIMESTAMP", "current_timestamp()")]
    [InlineData("CURRENT_TIMESTAMP(6)", "current_timestamp(6)")]
    [InlineData("now()", "CURRENT_TIMESTAMP")]
    [InlineData("TRUE", "1")]
    [InlineData("FALSE", "'0'")]
    [InlineData("0", "0.00")]
    [InlineData("1.5", "'1.50'")]
    [InlineData("'it''s'", "'it''s'")]
    [InlineData("'2020-01-01'", "'2020-01-01 00:00:00.000000'")]
    [InlineData("'2020-01-01 10:30:00'", "'2020-01-01 10:30:00.000000'")]
    [InlineData("CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", "current_timestamp() ON UPDATE current_timestamp()")]
    public void MySql_defaults_match_their_echo(string written, string echoed) =>
        Assert.Equal(MySql.NormalizeDefault(written), MySql.NormalizeDefault(echoed));

    [Theory]
    [InlineData("datetime('now')", "(datetime('now'))")]
    [InlineData("'x'", "'x'")]
    [InlineData("-1", "-1")]
    public void Sqlite_defaults_match_their_echo(string written, string echoed) =>
        Assert.Equal(Sqlite.NormalizeDefault(written), Sqlite.NormalizeDefault(echoed));

    [Theory]
    [InlineData("'x'", "'y'")]
    [InlineData("1", "2")]
    [InlineData("'true'", "'false'")]
    [InlineData("CURRENT_DATE", "CURRENT_TIMESTAMP")]
    [InlineData("'2020-01-01'", "'2020-01-01 10:30:00'")]
    public void Different_defaults_stay_different(string a, string b)
    {
        Assert.NotEqual(Postgres.NormalizeDefault(a), Postgres.NormalizeDefault(b));
        Assert.NotEqual(MySql.NormalizeDefault(a), MySql.NormalizeDefault(b));
        Assert.NotEqual(Sqlite.NormalizeDefault(a), Sqlite.NormalizeDefault(b));
    }

    [Fact]
    public void A_string_true_is_not_the_number_one_on_mysql()
    {
        Assert.NotEqual(MySql.NormalizeDefault("'true'"), MySql.NormalizeDefault("1"));
    }

    [Theory]
    [InlineData("(lower(email))", "lower((email)::text)")]
    [InlineData("shipped IS NOT NULL", "(shipped IS NOT NULL)")]
    [InlineData("status = 'x'", "((status)::text = 'x'::text)")]
    [InlineData("(a + b)", "(\"a\" + \"b\")")]
    public void Postgres_index_expressions_match_their_echo(string written, string echoed) =>
        Assert.Equal(Postgres.NormalizeExpression(written), Postgres.NormalizeExpression(echoed));

    [Fact]
    public void Different_expressions_stay_different()
    {
        Assert.NotEqual(Postgres.NormalizeExpression("lower(email)"), Postgres.NormalizeExpression("upper(email)"));
        Assert.NotEqual(Postgres.NormalizeExpression("a IN (1, 2)"), Postgres.NormalizeExpression("a IN (1, 3)"));
    }

    [Fact]
    public void Views_match_how_postgresql_and_mysql_rewrite_them()
    {
        const string wanted = "SELECT u.id, a.name FROM users u JOIN accounts a ON a.id = u.account_id";
        Assert.True(Postgres.SameViewDefinition(wanted, " SELECT u.id,\n    a.name\n   FROM (users u\n     JOIN accounts a ON ((a.id = u.account_id)));"));
        Assert.True(MariaDb.SameViewDefinition(wanted,
            "select `u`.`id` AS `id`,`a`.`name` AS `name` from (`users` `u` join `accounts` `a` on(`a`.`id` = `u`.`account_id`))"));
        Assert.True(Sqlite.SameViewDefinition("SELECT 1;", "select 1"));
        Assert.False(Postgres.SameViewDefinition("SELECT id FROM users WHERE score > 10", " SELECT users.id\n   FROM users\n  WHERE users.score > 20;"));
    }
}
