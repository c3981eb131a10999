using Retort.Dialects.MySql;
using static Retort.Dialects.MySql.MySqlCatalog;

namespace Retort.Tests.Dialects.MySql;

/// <summary>
/// The inspector on catalog rows shaped as MySQL 8 reports them (no MySQL server runs here; the live tests
/// cover MariaDB), and on MariaDB's forms that differ.
/// </summary>
public sealed class MySqlInspectorTests
{
    private static ColumnRow Row(string name, string dataType, string columnType, string? @default = null, string extra = "",
        bool nullable = true, long? length = null, long? timePrecision = null) =>
        new("t", name, @default, nullable, dataType, columnType, length, null, null, timePrecision, null, extra, "");

    private static Table Inspect(bool mariaDb, Action<MySqlCatalog> fill)
    {
        var catalog = new MySqlCatalog { Database = "app" };
        catalog.Tables.Add(new TableRow("t", "BASE TABLE", "", "utf8mb4_0900_ai_ci"));
        fill(catalog);
        return Assert.Single(new MySqlInspector(catalog, mariaDb, []).Schema().Tables);
    }

    [Fact]
    public void MySQL_bare_default_values_are_quoted_by_type_and_expressions_keep_their_parentheses()
    {
        var table = Inspect(mariaDb: false, c => c.Columns.AddRange(
        [
            Row("n", "int", "int", "0"), Row("s", "varchar", "varchar(5)", "it's", length: 5),
            Row("at", "datetime", "datetime(6)", "CURRENT_TIMESTAMP(6)", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(6)", timePrecision: 6),
            Row("u", "char", "char(36)", "uuid()", "DEFAULT_GENERATED", length: 36), Row("none", "varchar", "varchar(5)", length: 5),
        ]));
        Assert.Equal(["0", "'it''s'", "CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)", "(uuid())", null],
            table.Columns.Select(c => c.ServerDefault));
    }

    [Fact]
    public void MariaDB_defaults_are_already_sql_and_NULL_means_none()
    {
        var table = Inspect(mariaDb: true, c => c.Columns.AddRange(
        [
            Row("s", "varchar", "varchar(5)", "'NULL'", length: 5), Row("none", "varchar", "varchar(5)", "NULL", length: 5),
            Row("at", "timestamp", "timestamp(6)", "current_timestamp(6)", "on update current_timestamp(6)", timePrecision: 6),
            Row("d", "datetime", "datetime", "current_timestamp()", timePrecision: 0),
        ]));
        Assert.Equal(["'NULL'", null, "CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)", "CURRENT_TIMESTAMP"], table.Columns.Select(c => c.ServerDefault));
    }

    [Fact]
    public void Catalog_types_map_back_to_generic_types_where_they_match_and_stay_raw_otherwise() =>
        Assert.Equal([SqlType.Boolean, SqlType.Raw("tinyint(4)"), SqlType.Raw("int(10) unsigned"), SqlType.Raw("datetime"), SqlType.Text, SqlType.Raw("text"), SqlType.Json],
            Inspect(mariaDb: false, c => c.Columns.AddRange(
            [
                Row("a", "tinyint", "tinyint(1)"), Row("b", "tinyint", "tinyint(4)"), Row("c", "int", "int(10) unsigned"),
                Row("d", "datetime", "datetime", timePrecision: 0), Row("e", "longtext", "longtext"), Row("f", "text", "text"), Row("g", "json", "json"),
            ])).Columns.Select(c => c.Type));

    [Fact]
    public void A_MySQL_check_finds_its_table_through_table_constraints_and_a_functional_index_part_reads_as_an_expression()
    {
        var table = Inspect(mariaDb: false, c =>
        {
            c.Columns.Add(Row("email", "varchar", "varchar(50)", length: 50));
            c.Constraints.Add(new ConstraintRow("t", "ck_t_email", "CHECK"));
            c.Checks.Add(new CheckRow(null, "ck_t_email", "(`email` <> _utf8mb4'')", null));
            c.Indexes.Add(new IndexRow("t", "ix_t_lower", NonUnique: true, null, "lower(`email`)"));
        });
        Assert.Equal("(`email` <> _utf8mb4'')", Assert.Single(table.Constraints.OfType<CheckConstraint>()).Condition);
        Assert.Equal(["(lower(`email`))"], Assert.Single(table.Indexes).Columns);
    }

    [Fact]
    public void MariaDB_json_is_longtext_with_a_json_valid_check_which_reads_back_as_json_without_the_check()
    {
        var table = Inspect(mariaDb: true, c =>
        {
            c.Columns.Add(Row("doc", "longtext", "longtext") with { Collation = "utf8mb4_bin" });
            c.Constraints.Add(new ConstraintRow("t", "doc", "CHECK"));
            c.Checks.Add(new CheckRow("t", "doc", "json_valid(`doc`)", "Column"));
        });
        Assert.Equal((SqlType.Json, null), (table.Columns[0].Type, table.Columns[0].Collation));
        Assert.Empty(table.Constraints);
    }

    [Fact]
    public void A_foreign_key_to_another_database_keeps_its_schema_and_restrict_reads_as_the_default()
    {
        var table = Inspect(mariaDb: false, c =>
        {
            c.Columns.Add(Row("team_id", "int", "int"));
            c.Constraints.Add(new ConstraintRow("t", "fk_t_team", "FOREIGN KEY"));
            c.KeyColumns.Add(new KeyColumnRow("t", "fk_t_team", "team_id", "hr", "teams", "id"));
            c.Rules.Add(new RuleRow("t", "fk_t_team", "RESTRICT", "CASCADE"));
            c.Indexes.Add(new IndexRow("t", "fk_t_team", NonUnique: true, "team_id", null));
        });
        var key = Assert.Single(table.Constraints.OfType<ForeignKey>());
        Assert.Equal((new TableName("teams", "hr"), "CASCADE", null), (key.ReferencedTable, key.OnDelete, key.OnUpdate));
        Assert.Empty(table.Indexes);
    }
}
