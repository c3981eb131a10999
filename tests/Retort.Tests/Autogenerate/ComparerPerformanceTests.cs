using System.Diagnostics;
using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Ops;
using Xunit.Abstractions;

namespace Retort.Tests.Autogenerate;

public sealed class ComparerPerformanceTests(ITestOutputHelper output)
{
    // 1000 tables of eight columns, an index, a unique constraint and a foreign key to the table before.
    private static DatabaseSchema Tables(int count, string suffix = "") => new(Enumerable.Range(0, count).Select(i => new Table(new TableName($"t{i}"),
    [
        new Column("id", SqlType.Integer, primaryKey: true, identity: true),
        new Column("parent_id", SqlType.Integer),
        new Column("code", SqlType.String(20), nullable: false),
        new Column("name", SqlType.String(100), serverDefault: "'x'"),
        new Column("amount", SqlType.Numeric(10, 2), serverDefault: "0"),
        new Column("flag", SqlType.Boolean),
        new Column("created", SqlType.DateTime),
        new Column("note" + suffix, SqlType.Text),
        new UniqueConstraint($"uq_t{i}_code", "code"),
        .. i > 0 ? new TableElement[] { new ForeignKey($"fk_t{i}_parent", ["parent_id"], $"t{i - 1}", ["id"]) } : [],
    ], [new TableIndex($"ix_t{i}_name", $"t{i}", ["name"])])).ToList(), []);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    [InlineData("mariadb")]
    public void A_thousand_tables_compare_in_milliseconds(string dialectName)
    {
        var dialect = Dialect.ForName(dialectName);
        var wanted = Tables(1000);
        var live = Tables(1000, suffix: "_old");
        var options = new CompareOptions { CompareServerDefault = true };
        var empty = new DatabaseSchema([], []);
        SchemaDiff diff = null!, fromEmpty = null!;

        // The best of several runs: the machine may be busy with other work.
        var best = Enumerable.Range(0, 7).Min(_ =>
        {
            var watch = Stopwatch.StartNew();
            diff = SchemaComparer.Compare(wanted, live, dialect, options);
            fromEmpty = SchemaComparer.Compare(wanted, empty, dialect, options);
            return watch.Elapsed.TotalMilliseconds;
        });
        var written = Stopwatch.StartNew();
        var text = CSharpWriter.Operations(fromEmpty.Upgrade, "        ") + CSharpWriter.Operations(fromEmpty.Downgrade, "        ");
        output.WriteLine($"{dialectName}: two comparisons of 1000 tables {best:F1} ms; C# of the initial diff {written.Elapsed.TotalMilliseconds:F1} ms ({text.Length} chars)");

        Assert.Equal(2000, diff.Upgrade.Count);
        Assert.Equal(1000, fromEmpty.Upgrade.OfType<CreateTableOperation>().Count());
        Assert.True(best < 150, $"two comparisons of 1000 tables took {best:F1} ms");
    }

    [Fact]
    public void A_long_chain_of_new_tables_is_ordered_without_running_out_of_stack()
    {
        var diff = SchemaComparer.Compare(Tables(5000), new DatabaseSchema([], []), Dialect.ForName("postgresql"), new CompareOptions());

        Assert.Equal("t0", diff.Upgrade.OfType<CreateTableOperation>().First().Table.Name.Name);
    }
}
