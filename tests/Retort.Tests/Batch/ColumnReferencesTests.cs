using Retort.Dialects;
using Retort.Ops;

namespace Retort.Tests.Batch;

/// <summary>
/// Columns inside SQL text, found and renamed by each database's own rules: a MySQL batch reads its check
/// conditions as MySQL does, where SQLite's rules would rename inside a <c>#</c> comment and a backslash-escaped string.
/// </summary>
public sealed class ColumnReferencesTests
{
    private static readonly TableName Stock = new("stock");

    // A backtick-quoted column, a comment that MySQL ends at the line's end, and a string with a backslash-escaped quote.
    private const string Condition = "`qty` >= 0 # qty counts\n AND note <> 'it\\'s qty' AND qty < 100";

    private static Table Table(string condition) =>
        new(Stock, [new Column("qty", SqlType.Integer), new Column("note", SqlType.Text), new CheckConstraint("ck_stock", condition)]);

    [Fact]
    public void A_MySQL_batch_renames_a_column_in_a_check_condition_by_MySQLs_rules()
    {
        MigrationOperation[] batch = [new AlterColumnOperation(Stock, "qty") { NewName = "amount" }, new DropConstraintOperation(Stock, "ck_stock", ConstraintKind.Check)];
        string DroppedCondition(string dialect) =>
            ((CheckConstraint)((DropConstraintOperation)AlteredTable.CompleteEach(Table(Condition), batch, Dialect.ForName(dialect).ColumnReferences)[1]).Existing!).Condition;

        Assert.Equal("amount >= 0 # qty counts\n AND note <> 'it\\'s qty' AND amount < 100", DroppedCondition("mysql"));
        Assert.Equal("amount >= 0 # amount counts\n AND note <> 'it\\'s amount' AND qty < 100", DroppedCondition("sqlite"));
    }

    [Fact]
    public void A_name_in_backticks_is_renamed_and_quoted_as_MySQL_quotes_it() =>
        Assert.Equal("`select` + `Total` + 'qty'",
            Dialect.ForName("mysql").ColumnReferences.Replace("`qty` + total + 'qty'", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["qty"] = "select", ["total"] = "Total" }));

    [Fact]
    public void A_column_named_only_in_a_MySQL_comment_or_string_is_not_used_by_the_check()
    {
        var table = Table("note <> 'it\\'s qty' # qty counts");
        Assert.Null(AlteredTable.UserOf(table, "qty", Dialect.ForName("mysql").ColumnReferences));
        Assert.Equal("check constraint ck_stock", AlteredTable.UserOf(table, "note", Dialect.ForName("mysql").ColumnReferences));
        Assert.Equal("check constraint ck_stock", AlteredTable.UserOf(table, "qty", Dialect.ForName("sqlite").ColumnReferences));
    }
}
