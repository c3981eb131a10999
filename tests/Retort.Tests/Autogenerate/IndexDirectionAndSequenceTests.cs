using System.ComponentModel.DataAnnotations.Schema;
using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Model;
using Retort.Ops;
using static Retort.Tests.Autogenerate.Schemas;

namespace Retort.Tests.Autogenerate;

/// <summary>Descending index columns and sequences: in the schema model, compared by autogenerate, declared by models.</summary>
public sealed class IndexDirectionAndSequenceTests
{
    private static readonly TableName UsersName = new("users");

    private static DatabaseSchema WithNameIndex(params bool[] descending) =>
        Shop().Replacing(Users().Without("ix_users_name").WithIndexes(new TableIndex("ix_users_name", "users", ["name", "id"], descending: descending)));

    [Fact]
    public void A_change_of_direction_drops_and_creates_the_index()
    {
        var ascending = new TableIndex("ix_users_name", "users", ["name", "id"]);
        var descending = new TableIndex("ix_users_name", "users", ["name", "id"], descending: [false, true]);

        var diff = Compare(WithNameIndex(false, true), WithNameIndex());

        OperationJson.Equal([new DropIndexOperation("ix_users_name", UsersName, ascending), new CreateIndexOperation(descending)], diff.Upgrade);
        OperationJson.Equal([new DropIndexOperation("ix_users_name", UsersName, descending), new CreateIndexOperation(ascending)], diff.Downgrade);
    }

    [Fact]
    public void Flags_all_false_are_an_ascending_index()
    {
        Assert.True(Compare(WithNameIndex(false, false), WithNameIndex()).IsEmpty);
        Assert.Equal(new TableIndex("ix", "t", ["a"], descending: [false]), new TableIndex("ix", "t", ["a"]));
        Assert.NotEqual(new TableIndex("ix", "t", ["a"], descending: [true]), new TableIndex("ix", "t", ["a"]));
        Assert.Empty(new TableIndex("ix", "t", ["a", "b"], descending: [false, false]).Descending);
    }

    [Fact]
    public void A_flag_for_each_column_or_an_error_that_says_so()
    {
        var error = Assert.Throws<ArgumentException>(() => new TableIndex("ix_t_ab", "t", ["a", "b"], descending: [true]));
        Assert.Equal("Index ix_t_ab has 2 column(s) and 1 descending flag(s); give one flag per column", error.Message);
        var builder = Assert.Throws<RetortException>(() => new SchemaBuilder().Table("t", t => t.Column("a", SqlType.Integer).Index(["a"], descending: [true, false])));
        Assert.Equal("table t: index over (a) has 2 descending flag(s) for 1 column(s); give one per column", builder.Message);
    }

    [Fact]
    public void SQLite_index_DDL_gives_each_key_part_s_direction_apart_from_its_expression()
    {
        var (_, columns, _, descending) = Retort.Dialects.Sqlite.SqliteDdl.ParseIndex("CREATE INDEX ix ON t (a, lower(b) DESC, c COLLATE NOCASE ASC, \"d\" desc)");

        Assert.Equal(["a", "(lower(b))", "c", "d"], columns);
        Assert.Equal([false, true, false, true], descending);
    }

    [Fact]
    public void A_sequence_only_the_model_has_is_created_and_one_only_the_database_has_dropped()
    {
        var sequence = new Sequence("order_numbers", start: 1000, increment: 5);

        AssertSingle(Compare(Shop() with { Sequences = [sequence] }, Shop()), new CreateSequenceOperation(sequence));
        AssertSingle(Compare(Shop(), Shop() with { Sequences = [sequence] }), new DropSequenceOperation(sequence.Name, sequence));
    }

    [Fact]
    public void A_changed_sequence_is_altered_with_what_it_was()
    {
        var before = new Sequence("order_numbers", start: 1000, increment: 5);
        var after = before with { Increment = 10, Cycle = true, MaxValue = 99999 };

        AssertSingle(Compare(Shop() with { Sequences = [after] }, Shop() with { Sequences = [before] }), new AlterSequenceOperation(after, before));
    }

    [Theory]
    [InlineData("postgresql", SqlTypeKind.Integer, 1L, 2147483647L)]
    [InlineData("postgresql", SqlTypeKind.BigInteger, 1L, long.MaxValue)]
    [InlineData("mariadb", SqlTypeKind.BigInteger, 1L, long.MaxValue - 1)]
    public void Bounds_and_type_the_database_gives_by_default_are_no_change(string dialect, SqlTypeKind kind, long min, long max)
    {
        var type = kind == SqlTypeKind.Integer ? SqlType.Integer : SqlType.BigInteger;
        var live = new Sequence("s", start: 100, increment: 5, minValue: min, maxValue: max, type: type);
        var wanted = new Sequence("s", start: 100, increment: 5, type: kind == SqlTypeKind.Integer ? SqlType.Integer : null);

        Assert.True(Compare(Shop() with { Sequences = [wanted] }, Shop() with { Sequences = [live] }, Dialect.ForName(dialect)).IsEmpty);
        Assert.False(Compare(Shop() with { Sequences = [wanted with { MaxValue = 5000 }] }, Shop() with { Sequences = [live] }, Dialect.ForName(dialect)).IsEmpty);
    }

    [Fact]
    public void A_descending_sequence_defaults_to_the_lowest_value_and_minus_one()
    {
        var live = new Sequence("countdown", start: -1, increment: -1, minValue: long.MinValue, maxValue: -1);

        Assert.True(Compare(Shop() with { Sequences = [new Sequence("countdown", start: -1, increment: -1)] }, Shop() with { Sequences = [live] }).IsEmpty);
    }

    [Fact]
    public void Include_can_leave_sequences_out()
    {
        var options = new CompareOptions { Include = o => o.Kind != SchemaObjectKind.Sequence };

        Assert.True(Compare(Shop(), Shop() with { Sequences = [new Sequence("legacy_ids")] }, options: options).IsEmpty);
    }

    [Fact]
    public void The_written_calls_read_as_the_design_shows_them()
    {
        Assert.Equal("op.CreateIndex(\"ix_users_name\", \"users\", new[] { \"name\", \"id\" }, descending: new[] { false, true });",
            CSharpWriter.Statement(new CreateIndexOperation(new TableIndex("ix_users_name", "users", ["name", "id"], descending: [false, true]))));
        Assert.Equal("op.CreateSequence(\"order_numbers\", start: 1000, increment: 5, type: SqlType.Integer);",
            CSharpWriter.Statement(new CreateSequenceOperation(new Sequence("order_numbers", start: 1000, increment: 5, type: SqlType.Integer))));
        Assert.Equal("op.DropSequence(\"order_numbers\");", CSharpWriter.Statement(new DropSequenceOperation(new TableName("order_numbers"), new Sequence("order_numbers"))));
    }

    [Fact]
    public void A_builder_declares_sequences_and_descending_indexes()
    {
        var schema = new SchemaBuilder()
            .Table("events", t => t.Column("id", SqlType.Integer, primaryKey: true).Column("at", SqlType.DateTime).Index("at", descending: true))
            .Sequence("order_numbers", start: 1000)
            .Build();

        Assert.Equal([true], schema.Tables[0].Indexes[0].Descending);
        Assert.Equal([new Sequence("order_numbers", start: 1000)], schema.Sequences);
        Assert.Equal("events is declared twice",
            Assert.Throws<RetortException>(() => new SchemaBuilder().Table("events", t => t.Column("id", SqlType.Integer)).Sequence("events").Build()).Message);
    }

    [Fact]
    public void Model_classes_declare_sequences_and_descending_indexes_with_attributes()
    {
        var schema = SchemaModel.FromTypes([typeof(Ticket), typeof(Counters)]);

        var table = Assert.Single(schema.Tables);
        Assert.Equal("tickets", table.Name.Name);
        Assert.Equal([false, true], Assert.Single(table.Indexes).Descending);
        Assert.Equal([new Sequence("ticket_numbers", start: 100, increment: 5, type: SqlType.Integer), new Sequence("batch_numbers", maxValue: 999, cycle: true)],
            schema.Sequences);
    }

    [Table("tickets")]
    [Index(nameof(Queue), nameof(OpenedAt), Descending = [false, true])]
    [Sequence("ticket_numbers", Start = 100, Increment = 5, ClrType = typeof(int))]
    public sealed class Ticket
    {
        [Column("id")] public int Id { get; set; }
        [Column("queue")] public int Queue { get; set; }
        [Column("opened_at")] public DateTime OpenedAt { get; set; }
    }

    [Sequence("batch_numbers", MaxValue = 999, Cycle = true)]
    public sealed class Counters;
}
