using Microsoft.Data.Sqlite;
using Retort.Dialects;
using Retort.Tests.Dialects;

namespace Retort.Tests.BadInput;

/// <summary>
/// The corpus of hostile names and values given to operations: reserved words, case, spaces, every dialect's
/// quote characters, unicode and injection attempts, with the exact SQL each dialect must write for them.
/// </summary>
public sealed class HostileSqlTests
{
    private const string Injection = "; DROP TABLE users; --";

    [Theory]
    [InlineData("postgresql", "order", "DROP TABLE \"order\"")]
    [InlineData("postgresql", "Order", "DROP TABLE \"Order\"")]
    [InlineData("postgresql", "user", "DROP TABLE \"user\"")]
    [InlineData("postgresql", "select", "DROP TABLE \"select\"")]
    [InlineData("postgresql", "my table", "DROP TABLE \"my table\"")]
    [InlineData("postgresql", "1st", "DROP TABLE \"1st\"")]
    [InlineData("postgresql", "naïve", "DROP TABLE \"naïve\"")]
    [InlineData("postgresql", "x\"" + Injection, "DROP TABLE \"x\"\"; DROP TABLE users; --\"")]
    [InlineData("postgresql", "x`" + Injection, "DROP TABLE \"x`; DROP TABLE users; --\"")]
    [InlineData("postgresql", "_plain_1", "DROP TABLE _plain_1")]
    [InlineData("mysql", "order", "DROP TABLE `order`")]
    [InlineData("mysql", "Order", "DROP TABLE `Order`")]
    [InlineData("mysql", "my table", "DROP TABLE `my table`")]
    [InlineData("mysql", "naïve", "DROP TABLE `naïve`")]
    [InlineData("mysql", "x`" + Injection, "DROP TABLE `x``; DROP TABLE users; --`")]
    [InlineData("mysql", "x\"" + Injection, "DROP TABLE `x\"; DROP TABLE users; --`")]
    [InlineData("mariadb", "x`" + Injection, "DROP TABLE `x``; DROP TABLE users; --`")]
    [InlineData("sqlite", "order", "DROP TABLE \"order\"")]
    [InlineData("sqlite", "Order", "DROP TABLE \"Order\"")]
    [InlineData("sqlite", "naïve", "DROP TABLE \"naïve\"")]
    [InlineData("sqlite", "x\"" + Injection, "DROP TABLE \"x\"\"; DROP TABLE users; --\"")]
    [InlineData("sqlserver", "order", "DROP TABLE [order]")]
    [InlineData("sqlserver", "Order", "DROP TABLE [Order]")]
    [InlineData("sqlserver", "user", "DROP TABLE [user]")]
    [InlineData("sqlserver", "naïve", "DROP TABLE [naïve]")]
    [InlineData("sqlserver", "x]" + Injection, "DROP TABLE [x]]; DROP TABLE users; --]")]
    [InlineData("sqlserver", "x\"" + Injection, "DROP TABLE [x\"; DROP TABLE users; --]")]
    public void A_hostile_name_is_quoted_so_that_it_stays_one_name(string dialect, string name, string sql) =>
        Assert.Equal([sql], new RenderedSql(dialect).Of(op => op.DropTable(name)));

    [Theory]
    [InlineData("postgresql", "ALTER TABLE \"sch'ema\".\"it's\" RENAME TO \"o'k\"")]
    [InlineData("mysql", "RENAME TABLE `sch'ema`.`it's` TO `sch'ema`.`o'k`")]
    [InlineData("sqlite", "ALTER TABLE \"sch'ema\".\"it's\" RENAME TO \"o'k\"")]
    [InlineData("sqlserver", "EXEC sp_rename N'[sch''ema].[it''s]', N'o''k'")]
    public void Names_with_single_quotes_stay_names_and_are_doubled_where_a_dialect_passes_names_as_strings(string dialect, string sql) =>
        Assert.Equal([sql], new RenderedSql(dialect).Of(op => op.RenameTable("it's", "o'k", schema: "sch'ema")));

    [Theory]
    [InlineData("postgresql", "'" + Injection, "INSERT INTO \"order\" (\"na\"\"me\") VALUES ('''; DROP TABLE users; --')")]
    [InlineData("postgresql", "\\'" + Injection, "INSERT INTO \"order\" (\"na\"\"me\") VALUES ('\\''; DROP TABLE users; --')")]
    [InlineData("postgresql", "naïve ☃", "INSERT INTO \"order\" (\"na\"\"me\") VALUES ('naïve ☃')")]
    [InlineData("mysql", "'" + Injection, "INSERT INTO `order` (`na\"me`) VALUES ('''; DROP TABLE users; --')")]
    [InlineData("mysql", "\\'" + Injection, "INSERT INTO `order` (`na\"me`) VALUES ('\\\\''; DROP TABLE users; --')")]
    [InlineData("mysql", "a\0b\u001ac", "INSERT INTO `order` (`na\"me`) VALUES ('a\\0b\\Zc')")]
    [InlineData("mariadb", "\\'" + Injection, "INSERT INTO `order` (`na\"me`) VALUES ('\\\\''; DROP TABLE users; --')")]
    [InlineData("sqlite", "'" + Injection, "INSERT INTO \"order\" (\"na\"\"me\") VALUES ('''; DROP TABLE users; --')")]
    [InlineData("sqlite", "a\0b", "INSERT INTO \"order\" (\"na\"\"me\") VALUES (('a' || char(0) || 'b'))")]
    [InlineData("sqlserver", "'" + Injection, "INSERT INTO [order] ([na\"me]) VALUES (N'''; DROP TABLE users; --')")]
    [InlineData("sqlserver", "naïve ☃", "INSERT INTO [order] ([na\"me]) VALUES (N'naïve ☃')")]
    public void A_hostile_value_is_a_parameter_online_and_a_proper_literal_offline(string dialect, string value, string script)
    {
        var insert = new RenderedSql(dialect).Dialect
            .Render(RenderedSql.Operation(op => op.BulkInsert("order", [new Dictionary<string, object?> { ["na\"me"] = value }])))
            .Single(s => s.Sql.StartsWith("INSERT", StringComparison.Ordinal));
        Assert.Equal((script, value), (insert.ScriptText, Assert.Single(insert.Parameters!)));
        Assert.EndsWith("VALUES (@p0)", insert.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NUL_character_in_a_PostgreSQL_string_is_refused_with_one_line() =>
        Assert.Equal("postgresql: a string with a NUL character cannot be stored in PostgreSQL text; remove it or store the value as bytes",
            Assert.Throws<RetortException>(() => Dialect.ForName("postgresql").Literal("a\0b")).Message);

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    public void An_empty_name_or_one_with_NUL_is_refused(string name) =>
        Assert.Equal(name.Length == 0 ? "An empty name cannot be used in SQL" : "The name 'a\\0b' contains a NUL character",
            Assert.Throws<RetortException>(() => Dialect.ForName("postgresql").Quote(name)).Message);

    [Fact]
    public void On_SQLite_hostile_names_and_values_run_as_data_online_and_offline_and_drop_nothing()
    {
        var sqlite = new RenderedSql("sqlite");
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Run(connection, "CREATE TABLE users (id INTEGER)");
        string[] names = ["order", "x\"" + Injection, "naïve ☃", "x'" + Injection];
        string[] values = ["'" + Injection, "\\'" + Injection, "a\0b", "naïve ☃"];
        foreach (var name in names)
        {
            var create = RenderedSql.Operation(op => op.CreateTable(name, new Column(name, SqlType.Text)));
            foreach (var statement in sqlite.Dialect.Render(create))
                Run(connection, statement.Sql);
            foreach (var value in values)
            {
                var insert = sqlite.Dialect.Render(RenderedSql.Operation(op => op.BulkInsert(name, [new Dictionary<string, object?> { [name] = value }]))).Single();
                Run(connection, insert.Sql, insert.Parameters);
                Run(connection, insert.ScriptText);
            }
            Assert.Equal(values.SelectMany(v => new[] { v, v }), Read(connection, $"SELECT {sqlite.Dialect.Quote(name)} FROM {sqlite.Dialect.Quote(name)} ORDER BY rowid"));
        }
        Assert.Equal(["0"], Read(connection, "SELECT count(*) FROM users"));
    }

    private static void Run(SqliteConnection connection, string sql, IReadOnlyList<object?>? parameters = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < (parameters?.Count ?? 0); i++)
            command.Parameters.AddWithValue($"@p{i}", parameters![i]);
        command.ExecuteNonQuery();
    }

    private static List<string> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
