using Retort.Dialects;
using Retort.Execution;

namespace Retort.Tests.Execution;

public sealed class BookkeepingStatementTests
{
    private static LogEntry Entry(int step) => new("run", step, $"r{step}", "upgrade", "done", "abc", 1,
        new DateTime(2026, 11, 27, 3, 4, 5, 678), 9, null, null, null, "o'neil@host", "0.1.0", @"it's C:\x");

    [Fact]
    public void Sqlite_gets_the_version_and_log_values_written_in_with_quotes_doubled()
    {
        var sqlite = Dialect.ForName("sqlite");
        var update = new VersionTable(sqlite, new TableName("retort_version")).Update("a'1", "b1");
        Assert.Null(update.Parameters);
        Assert.Equal("UPDATE retort_version SET version_num='b1' WHERE retort_version.version_num = 'a''1'", update.Sql);
        var insert = new VersionLog(sqlite, new TableName("retort_version_log")).Insert(Entry(1));
        Assert.Null(insert.Parameters);
        Assert.EndsWith("VALUES ('run', 1, 'r1', 'upgrade', 'done', 'abc', 1, '2026-11-27 03:04:05.678', 9, NULL, NULL, NULL, 'o''neil@host', '0.1.0', 'it''s C:\\x')", insert.Sql);
    }

    [Fact]
    public void A_value_with_a_nul_character_goes_as_a_parameter_even_on_sqlite()
    {
        var log = new VersionLog(Dialect.ForName("sqlite"), new TableName("retort_version_log"));
        var entry = Entry(1) with { Error = "bad byte \0 here" };
        Assert.Equal("bad byte \0 here", log.Insert(entry).Parameters![11]);
        var rows = log.InsertMany([Entry(1), entry]).ToList();
        // A row at a time then, only the one with the NUL as parameters.
        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Parameters);
        Assert.Equal(15, rows[1].Parameters!.Count);
    }

    [Fact]
    public void Postgres_keeps_them_as_parameters()
    {
        var postgres = Dialect.ForName("postgresql");
        var update = new VersionTable(postgres, new TableName("retort_version")).Update("a1", "b1");
        Assert.Equal(["b1", "a1"], update.Parameters!);
        Assert.Contains("@p0", update.Sql);
    }

    [Fact]
    public void Many_log_rows_go_in_inserts_of_at_most_a_thousand_rows_within_the_parameter_limit()
    {
        var entries = Enumerable.Range(1, 2001).Select(Entry).ToList();
        var postgres = new VersionLog(Dialect.ForName("postgresql"), new TableName("retort_version_log")).InsertMany(entries).ToList();
        Assert.Equal([15000, 15000, 15], postgres.Select(s => s.Parameters!.Count));
        Assert.All(postgres, s => Assert.True(s.Parameters!.Count <= 65535));
        Assert.Contains("@p14999)", postgres[0].Sql);
        Assert.Equal("r1001", postgres[1].Parameters![2]);

        var sqlite = new VersionLog(Dialect.ForName("sqlite"), new TableName("retort_version_log")).InsertMany(entries).ToList();
        Assert.Equal(3, sqlite.Count);
        Assert.All(sqlite, s => Assert.Null(s.Parameters));
        Assert.Equal(1000, sqlite[0].Sql.Split("), ('run'").Length);
        Assert.Contains("'r2001'", sqlite[2].Sql);
    }
}
