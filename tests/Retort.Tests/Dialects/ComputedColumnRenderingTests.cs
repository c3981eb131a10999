using System.Text;
using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Tests.Dialects;

/// <summary>Computed (generated) columns in CREATE TABLE and ADD COLUMN on every dialect, against Golden/Dialects/computed_columns.sql.</summary>
public sealed class ComputedColumnRenderingTests
{
    private static readonly Table Items = new(new TableName("items"),
    [
        new Column("id", SqlType.Integer, primaryKey: true),
        new Column("price", SqlType.Numeric(10, 2), nullable: false),
        new Column("qty", SqlType.Integer, nullable: false),
        new Column("total", SqlType.Numeric(12, 2), nullable: false, computed: "price * qty", stored: true),
    ]);

    private static readonly MigrationOperation[] Samples =
    [
        new CreateTableOperation(Items),
        new AddColumnOperation(new TableName("items"), new Column("doubled", SqlType.Integer, computed: "qty * 2", stored: true)),
        new AddColumnOperation(new TableName("items"), new Column("shout", SqlType.String(40), computed: "upper(label)")),
    ];

    [Fact]
    public void Every_dialect_writes_computed_columns_as_the_golden_script()
    {
        var text = new StringBuilder();
        foreach (var name in new[] { "sqlite", "postgresql", "mysql", "mariadb", "sqlserver" })
        {
            var dialect = Dialect.ForName(name);
            text.Append("-- ").Append(name).Append('\n');
            foreach (var sample in Samples)
            {
                try
                {
                    text.AppendJoin("\n", dialect.Render(sample).Select(s => dialect.ScriptStatement(s.ScriptText))).Append('\n');
                }
                catch (NotSupportedException e)
                {
                    text.Append("-- refused: ").Append(e.Message).Append('\n');
                }
            }
            text.Append('\n');
        }
        GoldenFile.Matches(Path.Combine("Dialects", "computed_columns.sql"), text.ToString());
    }

    [Fact]
    public void A_computed_column_with_a_server_default_or_identity_is_refused_naming_the_column()
    {
        var withDefault = Assert.Throws<ArgumentException>(() => new Column("total", SqlType.Integer, serverDefault: "0", computed: "a + b"));
        var withIdentity = Assert.Throws<ArgumentException>(() => new Column("total", SqlType.Integer, identity: true, computed: "a + b"));

        Assert.StartsWith("column total is computed (a + b), so it cannot also have the server default 0", withDefault.Message, StringComparison.Ordinal);
        Assert.StartsWith("column total is computed (a + b), so it cannot also have identity", withIdentity.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computed_column_differs_from_the_same_plain_column_and_by_its_storage()
    {
        var plain = new Column("total", SqlType.Integer);
        var computed = plain with { Computed = "a + b", Stored = true };

        Assert.NotEqual(plain, computed);
        Assert.NotEqual(computed, computed with { Stored = false });
        Assert.Equal(computed, new Column("total", SqlType.Integer, computed: "a + b", stored: true));
    }

    [Fact]
    public void SQLite_adds_a_stored_computed_column_only_by_rebuilding_the_table_and_a_virtual_one_in_place()
    {
        var stored = new AddColumnOperation(new TableName("items"), new Column("doubled", SqlType.Integer, computed: "qty * 2", stored: true));
        var @virtual = stored with { Column = stored.Column with { Stored = false } };

        Assert.True(Retort.Dialects.Sqlite.SqliteDialect.NeedsRebuild(stored));
        Assert.False(Retort.Dialects.Sqlite.SqliteDialect.NeedsRebuild(@virtual));
    }

    [Fact]
    public void The_revision_writer_writes_the_computed_expression_and_its_storage()
    {
        var code = CSharpWriter.Operations([Samples[1], Samples[2]], "");

        Assert.Contains("new Column(\"doubled\", SqlType.Integer, computed: \"qty * 2\", stored: true)", code, StringComparison.Ordinal);
        Assert.Contains("new Column(\"shout\", SqlType.String(40), computed: \"upper(label)\")", code, StringComparison.Ordinal);
    }
}
