namespace Retort.Tests.Cli;

/// <summary>
/// <c>retort baseline --from-live</c> through the built CLI, as a team adopting a SQLite database runs it: the revision
/// and model written, the database stamped, <c>check</c> with the model and <c>check --drift</c> clean, and a second
/// baseline refused.
/// </summary>
public sealed class BaselineCliTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("retort-baseline");

    private string Dir => _folder.FullName;

    [Fact]
    public async Task A_database_without_migrations_is_adopted_in_one_command()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Dir, "shop.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE, since DATE DEFAULT CURRENT_DATE);
                CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id), total NUMERIC(10,2) CHECK (total >= 0));
                CREATE INDEX orders_customer ON orders (customer_id);
                CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
                """;
            command.ExecuteNonQuery();
        }
        Assert.Equal(0, (await CliProcess.RunAsync(Dir, "init")).ExitCode);
        File.WriteAllText(Path.Combine(Dir, "retort.json"),
            """{ "scriptLocation": "migrations", "url": "sqlite:///shop.db", "model": { "sources": ["Models/*.cs"] } }""");

        var baseline = await CliProcess.RunAsync(Dir, "baseline", "--from-live", "-m", "adopt the shop", "--model-out", "Models", "--rev-id", "ad0b7ed00001");

        Assert.True(baseline.ExitCode == 0, baseline.Stdout + baseline.Stderr);
        var lines = baseline.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(Path.Combine("migrations", "versions", "ad0b7ed00001_adopt_the_shop.cs"), lines[0]["Generating ".Length..^" ... done".Length]);
        Assert.Equal("  base revision ad0b7ed00001 creates 2 tables, 1 index, 1 unique constraint, 1 foreign key, 1 check constraint, 1 view, as read from sqlite:///shop.db", lines[1]);
        Assert.Matches(@"^Proved on sqlite:////.*retort_scratch_[0-9a-f]{12}\.db, a scratch database dropped after the run: ", lines[2]);
        Assert.Equal("Stamped sqlite:///shop.db at ad0b7ed00001: Retort's version table created and stamped, the schema itself unchanged", lines[3]);
        Assert.Equal("Wrote 3 model class file(s) to Models: Customer.cs, Order.cs, BigOrders.cs", lines[4]);
        Assert.Equal("  'retort check' with them (model.sources) finds nothing to change", lines[5]);
        Assert.Equal(6, lines.Length);

        Assert.Equal("No new upgrade operations detected.\n", (await CliProcess.RunAsync(Dir, "check")).Stdout.ReplaceLineEndings("\n"));
        var drift = await CliProcess.RunAsync(Dir, "check", "--drift");
        Assert.Equal(0, drift.ExitCode);
        Assert.Contains("ad0b7ed00001 (head)", (await CliProcess.RunAsync(Dir, "current")).Stdout);

        var again = await CliProcess.RunAsync(Dir, "baseline", "--from-live");
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("retort: error: baseline writes a project's first revision, and this one has 1 already (heads: ad0b7ed00001)", again.Stderr);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
