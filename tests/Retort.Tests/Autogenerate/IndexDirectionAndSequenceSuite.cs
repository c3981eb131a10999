using Retort.Autogenerate;
using Retort.Ops;
using Retort.Tests.Live;

namespace Retort.Tests.Autogenerate;

/// <summary>
/// Descending index keys and sequences on a live database: written by hand as a DBA writes them, read back and compared
/// clean with the model that declares them; a change of direction and a changed sequence found, applied, and reversed.
/// </summary>
public abstract class IndexDirectionAndSequenceSuite<TDatabase>(TDatabase db) where TDatabase : RoundTripDatabase
{
    private static readonly TableName EventsName = new("dx_events");

    private static Table Events(params bool[] descending) => new(EventsName,
        [new Column("id", SqlType.Integer, primaryKey: true), new Column("a", SqlType.Integer), new Column("b", SqlType.Integer)],
        descending.Length == 0 ? [] : [new TableIndex("ix_dx_events_ab", EventsName.Name, ["a", "b"], descending: descending)]);

    private DatabaseSchema Model(Table? events = null, params Sequence[] sequences) =>
        db.Wanted with { Tables = events is null ? db.Wanted.Tables : [.. db.Wanted.Tables, events], Sequences = sequences };

    private SchemaDiff Compare(DatabaseSchema wanted, DatabaseSchema live) => SchemaComparer.Compare(wanted, live, db.Dialect, new CompareOptions());

    private async Task AssertCleanAsync(DatabaseSchema wanted, string when)
    {
        var diff = Compare(wanted, await db.InspectAsync());
        Assert.True(diff.IsEmpty, $"{when}:\n" + CSharpWriter.Operations(diff.Upgrade, "  "));
    }

    [DatabaseFact]
    public async Task A_descending_index_written_by_hand_compares_clean_and_a_change_of_direction_round_trips()
    {
        await db.ApplyAsync([new CreateTableOperation(Events())]);
        try
        {
            await LiveApply.ExecuteAsync(db.Dialect, db.Connection, "CREATE INDEX ix_dx_events_ab ON dx_events (a, b DESC)");
            var live = await db.InspectAsync();
            Assert.Equal([false, true], Assert.Single(live.Table(EventsName)!.Indexes).Descending);
            await AssertCleanAsync(Model(Events(false, true)), "As written by hand");

            var diff = Compare(Model(Events(true, false)), live);
            Assert.Equal(["DropIndexOperation", "CreateIndexOperation"], diff.Upgrade.Select(o => o.GetType().Name));
            Assert.Equal([true, false], diff.Upgrade.OfType<CreateIndexOperation>().Single().Index.Descending);
            await db.ApplyAsync(diff.Upgrade);
            await AssertCleanAsync(Model(Events(true, false)), "After the upgrade");
            await db.ApplyAsync(diff.Downgrade);
            await AssertCleanAsync(Model(Events(false, true)), "After the downgrade");
        }
        finally
        {
            await db.ApplyAsync([new DropTableOperation(EventsName)]);
        }
    }

    [DatabaseFact]
    public async Task A_sequence_written_by_hand_compares_clean_and_a_change_round_trips()
    {
        if (db.Dialect.Name == "sqlite")
        {
            Assert.Empty((await db.InspectAsync()).Sequences);
            var refused = Assert.Throws<NotSupportedException>(() => db.Dialect.Render(new CreateSequenceOperation(new Sequence("dx_numbers"))));
            Assert.StartsWith("sqlite: SQLite has no sequences", refused.Message);
            return;
        }
        await LiveApply.ExecuteAsync(db.Dialect, db.Connection, "CREATE SEQUENCE dx_numbers START WITH 100 INCREMENT BY 5");
        try
        {
            var declared = new Sequence("dx_numbers", start: 100, increment: 5);
            await AssertCleanAsync(Model(null, declared), "As written by hand");

            var changed = declared with { Increment = 10, MaxValue = 100000, Cycle = true };
            var diff = Compare(Model(null, changed), await db.InspectAsync());
            OperationJson.Equal([new AlterSequenceOperation(changed, declared)], diff.Upgrade);
            await db.ApplyAsync(diff.Upgrade);
            await AssertCleanAsync(Model(null, changed), "After the upgrade");
            await db.ApplyAsync(diff.Downgrade);
            await AssertCleanAsync(Model(null, declared), "After the downgrade");

            var dropped = Compare(Model(), await db.InspectAsync());
            OperationJson.Equal([new DropSequenceOperation(declared.Name, declared)], dropped.Upgrade);
            await db.ApplyAsync(dropped.Upgrade);
            Assert.Empty((await db.InspectAsync()).Sequences);
            await db.ApplyAsync(dropped.Downgrade);
            await AssertCleanAsync(Model(null, declared), "Dropped and created again");
        }
        finally
        {
            await LiveApply.ExecuteAsync(db.Dialect, db.Connection, "DROP SEQUENCE IF EXISTS dx_numbers");
        }
    }

    [DatabaseFact(Except = [TestDatabase.Sqlite, TestDatabase.Mysql], Because = "only PostgreSQL has serial columns, whose sequences the column owns")]
    public async Task A_serial_column_s_own_sequence_is_the_column_s_not_the_schema_s()
    {
        await LiveApply.ExecuteAsync(db.Dialect, db.Connection, "CREATE TABLE dx_counted (id serial PRIMARY KEY)");
        try
        {
            Assert.Empty((await db.InspectAsync()).Sequences);
        }
        finally
        {
            await LiveApply.ExecuteAsync(db.Dialect, db.Connection, "DROP TABLE dx_counted");
        }
    }
}

[RunsOn(TestDatabase.Sqlite)]
public sealed class SqliteIndexDirectionAndSequenceTests(SqliteRoundTripDatabase db)
    : IndexDirectionAndSequenceSuite<SqliteRoundTripDatabase>(db), IClassFixture<SqliteRoundTripDatabase>;

[RunsOn(TestDatabase.Postgresql)]
public sealed class PostgresIndexDirectionAndSequenceTests(PostgresRoundTripDatabase db)
    : IndexDirectionAndSequenceSuite<PostgresRoundTripDatabase>(db), IClassFixture<PostgresRoundTripDatabase>;

[RunsOn(TestDatabase.Mysql)]
public sealed class MySqlIndexDirectionAndSequenceTests(MySqlRoundTripDatabase db)
    : IndexDirectionAndSequenceSuite<MySqlRoundTripDatabase>(db), IClassFixture<MySqlRoundTripDatabase>;
