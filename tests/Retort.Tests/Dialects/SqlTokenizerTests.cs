using Retort.Dialects;

namespace Retort.Tests.Dialects;

/// <summary>The one tokenizer, read with each database's lexical rules: its quotes, escapes, comments and dollar quotes.</summary>
public sealed class SqlTokenizerTests
{
    [Theory]
    // SQLite: three ways to quote a name, the first ] closing a bracketed one; blobs and hexadecimal integers.
    [InlineData("sqlite", "SELECT \"a\"\"b\", [c d], `e``f` FROM t", "SELECT name(a\"b) , name(c d) , name(e`f) FROM t")]
    [InlineData("sqlite", "x'0A' || 'it''s' -- a comment\n/* a block */ 0x1F <= 1e-3", "string(0A) || string(it's) number(0x1F) <= number(1e-3)")]
    [InlineData("sqlite", "[a]] 'no\\' escape'", "name(a) ] string(no\\) escape string()")]
    // PostgreSQL: dollar quotes (a parameter is none), backslashes only in E'…', comments that nest, brackets as subscripts.
    [InlineData("postgresql", "$$SELECT 1; -- kept$$ || $fn$it's$fn$ || $1", "string(SELECT 1; -- kept) || string(it's) || $ number(1)")]
    [InlineData("postgresql", @"E'it\'s' || 'a\' || b", @"string(it\'s) || string(a\) || b")]
    [InlineData("postgresql", "a /* outer /* inner */ still outer */ [1]::text[] \"Q\"\"x\" `b`", "a [ number(1) ] :: text [ ] name(Q\"x) ` b `")]
    // MySQL: backticks for names, strings in either quote with backslash escapes, # and "-- " comments.
    [InlineData("mysql", "`a``b` = \"it\\\"s\" # a comment\n-- another\n--x", "name(a`b) = string(it\\\"s) - - x")]
    [InlineData("mysql", @"'it\'s; fine' ; X'0A' /* c */ b'01' 0x1F", @"string(it\'s; fine) ; string(0A) string(01) number(0x1F)")]
    // SQL Server: brackets with ]] inside, double quotes, N'…' strings, comments that nest.
    [InlineData("sqlserver", "[a]]b] = N'it''s' /* a /* b */ c */ \"d\"", "name(a]b) = string(it's) name(d)")]
    public void Each_database_reads_its_own_quotes_escapes_and_comments(string dialect, string sql, string expected) =>
        Assert.Equal(expected, Tokens(Dialect.ForName(dialect).Lexicon, sql));

    [Theory]
    [InlineData("[name] + \"other\" + `third`", "name(name) + name(other) + name(third)")]
    [InlineData("a[1] + b[i[2]] + c::text[]", "a [ number(1) ] + b [ i [ number(2) ] ] + c :: text [ ]")]
    public void The_echo_reads_every_databases_quoted_names_but_leaves_subscripts_alone(string sql, string expected) =>
        Assert.Equal(expected, Tokens(SqlEcho.Lexicon, sql));

    [Fact]
    public void A_token_keeps_where_it_stands_in_the_source() =>
        Assert.Equal([(0, 5), (6, 11), (20, 23)],
            SqlTokenizer.Read("[a b] 'c''' /* x */ \"d\"", Dialect.ForName("sqlite").Lexicon).Select(t => (t.Start, t.End)));

    private static string Tokens(SqlLexicon lexicon, string sql) =>
        string.Join(" ", SqlTokenizer.Tokens(sql, lexicon).Select(t => t.Kind switch
        {
            SqlTokenKind.QuotedName => $"name({t.Text})",
            SqlTokenKind.String => $"string({t.Text})",
            SqlTokenKind.Number => $"number({t.Text})",
            _ => t.Text,
        }));
}
