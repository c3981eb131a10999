using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// The checks that run revisions on a scratch database, on every database. <c>verify</c>: each revision up, down and up
/// again, a downgrade that does not give back the schema before its upgrade named with what it leaves, the project's own
/// database never touched. <c>check --drift</c>: the database against what its revisions make, each change by hand named.
/// </summary>
public abstract class SafetyNetSuite : LiveProjectTests
{
    private const string Table = "op.CreateTable(\"users\", new Column(\"id\", SqlType.Integer, primaryKey: true), new Column(\"name\", SqlType.String(40)));";

    // On a server the scratch database is made beside the test's own; SQLite's is a temporary file.
    private VerifyRequest Request(string? range = null, bool severalHeads = false) =>
        new(range, Target.Server is null ? null : Project.Url, severalHeads);

    [DatabaseFact]
    public async Task Revisions_whose_downgrades_reverse_them_pass_and_the_scratch_database_is_gone_after()
    {
        Project.Revision("a1", [], Table, "op.DropTable(\"users\");")
            .Revision("b1", ["a1"], "op.AddColumn(\"users\", new Column(\"email\", SqlType.String(80))); op.CreateIndex(\"ix_users_email\", \"users\", [\"email\"]);",
                "op.DropIndex(\"ix_users_email\", \"users\"); op.DropColumn(\"users\", \"email\");")
            .Revision("c1", ["b1"], "op.CreateView(\"named\", \"SELECT id, name FROM users WHERE name IS NOT NULL\");", "op.DropView(\"named\");");

        var report = await Project.Commands().SafetyNet.VerifyAsync(Request());

        Assert.True(report.Passed, string.Join("\n", CommandText.Verify(report)));
        Assert.Equal(["a1", "b1", "c1"], report.Revisions.Select(r => r.Id));
        Assert.All(report.Revisions, r => Assert.Null(r.Failure));
        Assert.Contains("retort_scratch_", report.Database);
        Assert.Empty(await TablesAsync());
        Assert.False(await ScratchExistsAsync(report.Database), $"{report.Database} is still there");
    }

    [DatabaseFact]
    public async Task A_downgrade_that_misses_a_column_fails_and_names_the_column()
    {
        Project.Revision("a1", [], Table, "op.DropTable(\"users\");")
            .Revision("b1", ["a1"], "op.AddColumn(\"users\", new Column(\"address\", SqlType.String(200)));", "")
            .Revision("c1", ["b1"], "op.AddColumn(\"users\", new Column(\"phone\", SqlType.String(20)));", "op.DropColumn(\"users\", \"phone\");");

        var report = await Project.Commands().SafetyNet.VerifyAsync(Request());

        Assert.False(report.Passed);
        Assert.Equal(["a1", "b1"], report.Revisions.Select(r => r.Id));
        var failed = report.Revisions[^1];
        Assert.Equal("its downgrade changes nothing, so the upgrade's changes stay", failed.Failure);
        Assert.Equal(["added column 'users.address'"], failed.Differences);
        Assert.Contains("the revisions after the first failure were not run", report.Notes);
        Assert.False(await ScratchExistsAsync(report.Database));
    }

    [DatabaseFact]
    public async Task A_downgrade_that_drops_the_wrong_index_is_named_with_both_indexes()
    {
        Project.Revision("a1", [], Table + " op.CreateIndex(\"ix_users_name\", \"users\", [\"name\"]);", "op.DropTable(\"users\");")
            .Revision("b1", ["a1"], "op.CreateIndex(\"ix_users_id_name\", \"users\", [\"id\", \"name\"]);", "op.DropIndex(\"ix_users_name\", \"users\");");

        var report = await Project.Commands().SafetyNet.VerifyAsync(Request());

        var failed = Assert.Single(report.Revisions, r => r.Failure is not null);
        Assert.Equal("b1", failed.Id);
        Assert.Equal("its downgrade does not give back the schema before the upgrade", failed.Failure);
        Assert.Equal(["added index 'ix_users_id_name' on 'users' (id, name)", "removed index 'ix_users_name' on 'users'"], failed.Differences.Order(StringComparer.Ordinal));
        Assert.Contains("FAIL  b1", string.Join("\n", CommandText.Verify(report)));
    }

    [DatabaseFact]
    public async Task A_downgrade_that_raises_is_reported_with_the_database_message()
    {
        Project.Revision("a1", [], Table, "op.DropTable(\"no_such_table\");");

        var report = await Project.Commands().SafetyNet.VerifyAsync(Request());

        var failed = Assert.Single(report.Revisions);
        Assert.StartsWith("its downgrade failed: ", failed.Failure);
        Assert.Contains("no_such_table", failed.Failure);
        Assert.False(await ScratchExistsAsync(report.Database));
    }

    [DatabaseFact]
    public async Task A_range_checks_only_its_revisions_and_runs_the_ones_below_it_plainly()
    {
        Project.Revision("a1", [], Table, "")
            .Revision("b1", ["a1"], "op.AddColumn(\"users\", new Column(\"email\", SqlType.String(80)));", "op.DropColumn(\"users\", \"email\");");

        var report = await Project.Commands().SafetyNet.VerifyAsync(Request(range: "b1:"));

        Assert.True(report.Passed, string.Join("\n", CommandText.Verify(report)));
        Assert.Equal(["b1"], report.Revisions.Select(r => r.Id));
        await Assert.ThrowsAsync<RetortException>(() => Project.Commands().SafetyNet.VerifyAsync(Request(range: "b1:a1")));
    }

    [DatabaseFact]
    public async Task Several_heads_are_a_problem_unless_allowed()
    {
        Project.TableRevision("a1").TableRevision("b1", "a1").TableRevision("c1", "a1");

        var report = await Project.Commands().SafetyNet.VerifyAsync(Request());
        Assert.False(report.Passed);
        Assert.Contains(report.Problems, p => p.StartsWith("the graph has 2 heads (", StringComparison.Ordinal));
        Assert.All(report.Revisions, r => Assert.Null(r.Failure));

        Assert.True((await Project.Commands().SafetyNet.VerifyAsync(Request(severalHeads: true))).Passed);
    }

    [DatabaseFact]
    public async Task A_database_at_its_revisions_has_no_drift()
    {
        Project.Revision("a1", [], Table + " op.CreateIndex(\"ix_users_name\", \"users\", [\"name\"]);", "op.DropTable(\"users\");")
            .Revision("b1", ["a1"], "op.CreateView(\"named\", \"SELECT id, name FROM users WHERE name IS NOT NULL\");", "op.DropView(\"named\");");
        await Project.Commands().UpgradeAsync("head");

        var report = await Project.Commands().SafetyNet.DriftAsync();

        Assert.False(report.Drifted, string.Join("\n", report.Differences));
        Assert.Equal(["b1"], report.Heads);
        Assert.Equal(["No drift: " + report.Database + " is what its revisions make (at b1)."], CommandText.Drift(report));
    }

    [DatabaseFact]
    public async Task Changes_made_by_hand_are_named_as_drift()
    {
        Project.Revision("a1", [], Table + " op.CreateIndex(\"ix_users_name\", \"users\", [\"name\"]);", "op.DropTable(\"users\");")
            .Revision("b1", ["a1"], "op.AddColumn(\"users\", new Column(\"email\", SqlType.String(80)));", "op.DropColumn(\"users\", \"email\");");
        await Project.Commands().UpgradeAsync("a1");
        await ExecuteAsync("ALTER TABLE users ADD COLUMN nickname VARCHAR(20)");
        await ExecuteAsync(Target.Database == TestDatabase.Mysql ? "DROP INDEX ix_users_name ON users" : "DROP INDEX ix_users_name");
        await ExecuteAsync("CREATE TABLE audit (id INTEGER PRIMARY KEY)");

        var report = await Project.Commands().SafetyNet.DriftAsync();

        Assert.True(report.Drifted);
        Assert.Equal(["a1"], report.Heads);
        Assert.Equal(["added column 'users.nickname'", "added table 'audit'", "removed index 'ix_users_name' on 'users'"], report.Differences.Order(StringComparer.Ordinal));
        Assert.Equal($"Drift from what the revisions make at a1 (3):", CommandText.Drift(report)[0]);
    }

    [DatabaseFact]
    public async Task A_data_migration_is_checked_on_its_fixture_rows_and_a_wrong_one_names_the_row_it_misses()
    {
        const string fixture = "public override DataFixture Fixture => new DataFixture().Before(\"users\", new { id = 1, name = \"ann\" }, new { id = 2, name = (string?)null })" +
            ".After(\"users\", new { id = 1, shout = \"ANN\" }, new { id = 2, shout = (string?)null });";
        Project.Revision("a1", [], Table, "op.DropTable(\"users\");")
            .Revision("b1", ["a1"], "op.AddColumn(\"users\", new Column(\"shout\", SqlType.String(40))); op.Execute(\"UPDATE users SET shout = UPPER(name)\");",
                "op.DropColumn(\"users\", \"shout\");", members: fixture);

        var passed = await Project.Commands().SafetyNet.VerifyAsync(Request());
        Assert.True(passed.Passed, string.Join("\n", CommandText.Verify(passed)));

        Project.Revision("b1", ["a1"], "op.AddColumn(\"users\", new Column(\"shout\", SqlType.String(40))); op.Execute(\"UPDATE users SET shout = LOWER(name)\");",
            "op.DropColumn(\"users\", \"shout\");", members: fixture);
        var failed = await Project.Commands().SafetyNet.VerifyAsync(Request());

        Assert.False(failed.Passed);
        var verdict = failed.Revisions[^1];
        Assert.Equal(("b1", "its upgrade does not leave the rows its fixture expects"), (verdict.Id, verdict.Failure));
        Assert.Equal(["users: id = 1, shout = 'ANN'"], verdict.Differences);
        Assert.False(await ScratchExistsAsync(failed.Database));
    }

    // Whether the scratch database the report names is still there (for SQLite, its file).
    private async Task<bool> ScratchExistsAsync(string database)
    {
        var name = database[(database.LastIndexOf("retort_scratch_", StringComparison.Ordinal))..].Replace(".db", "", StringComparison.Ordinal);
        if (Target.Server is null)
            return File.Exists(Path.Combine(Path.GetTempPath(), name + ".db"));
        var query = Target.Database == TestDatabase.Postgresql
            ? $"SELECT datname FROM pg_database WHERE datname = '{name}'"
            : $"SELECT schema_name FROM information_schema.schemata WHERE schema_name = '{name}'";
        return (await ColumnAsync(query)).Count > 0;
    }
}

[RunsOn(TestDatabase.Sqlite)]
public sealed class SqliteSafetyNetTests : SafetyNetSuite
{
    // SQLite's states are told apart by their DDL text; a rebuild writes the same table in other words, which must still
    // count as the same schema.
    [Fact]
    public async Task A_table_rebuilt_in_other_words_is_the_same_schema()
    {
        Project.Revision("a1", [], "op.Execute(\"CREATE TABLE items (id integer primary key, name   varchar(40))\");", "op.Execute(\"DROP TABLE items\");")
            .Revision("b1", ["a1"], "op.BatchAlterTable(\"items\", b => b.AddColumn(new Column(\"qty\", SqlType.Integer, nullable: false, serverDefault: \"0\")), recreate: BatchMode.Always);",
                "op.BatchAlterTable(\"items\", b => b.DropColumn(\"qty\"), recreate: BatchMode.Always);");

        var report = await Project.Commands().SafetyNet.VerifyAsync();

        Assert.True(report.Passed, string.Join("\n", CommandText.Verify(report)));
        Assert.Equal(["a1", "b1"], report.Revisions.Select(r => r.Id));
    }
}

[RunsOn(TestDatabase.Postgresql)]
public sealed class PostgresSafetyNetTests : SafetyNetSuite;

[RunsOn(TestDatabase.Mysql)]
public sealed class MariaDbSafetyNetTests : SafetyNetSuite
{
    /// <summary>As on PostgreSQL: each change autogenerate sees changes the digest; a table made again the same way does not.</summary>
    [DatabaseFact]
    public async Task The_catalog_digest_changes_with_everything_autogenerate_compares_and_only_with_that()
    {
        const string table = "CREATE TABLE t (id int PRIMARY KEY, name varchar(40) DEFAULT 'x', age int, CONSTRAINT ck_age CHECK (age > 0), KEY ix_t_name (name))";
        string[] setup = [table, "CREATE TABLE p (id int PRIMARY KEY)", "CREATE VIEW v AS SELECT id FROM t"];
        foreach (var statement in setup)
            await ExecuteAsync(statement);
        var first = await DigestAsync();
        foreach (var statement in new[] { "DROP VIEW v", "DROP TABLE t" }.Concat([setup[0], setup[2]]))
            await ExecuteAsync(statement);
        Assert.Equal(first, await DigestAsync());

        string[] changes =
        [
            "ALTER TABLE t ALTER COLUMN name SET DEFAULT 'y'", "ALTER TABLE t MODIFY name varchar(40) NOT NULL DEFAULT 'y'", "ALTER TABLE t MODIFY name varchar(50) NOT NULL DEFAULT 'y'",
            "ALTER TABLE t MODIFY name varchar(50) COLLATE utf8mb4_bin NOT NULL DEFAULT 'y'", "ALTER TABLE t MODIFY name varchar(50) COLLATE utf8mb4_bin NOT NULL DEFAULT 'y' COMMENT 'who'",
            "ALTER TABLE t COMMENT 'people'", "ALTER TABLE t ADD COLUMN extra int", "ALTER TABLE t DROP INDEX ix_t_name", "CREATE UNIQUE INDEX ix_t_name ON t (name)",
            "ALTER TABLE t DROP CONSTRAINT ck_age", "ALTER TABLE t ADD CONSTRAINT ck_age CHECK (age > 1)", "ALTER TABLE t ADD CONSTRAINT fk_p FOREIGN KEY (extra) REFERENCES p (id)",
            "CREATE OR REPLACE VIEW v AS SELECT id, 1 AS one FROM t", "ALTER TABLE t RENAME COLUMN age TO years", "CREATE FUNCTION f() RETURNS int RETURN 1",
            "CREATE TABLE q (id int)", "ALTER TABLE q ENGINE = MyISAM",
        ];
        var seen = new HashSet<string> { first };
        foreach (var change in changes)
        {
            await ExecuteAsync(change);
            Assert.True(seen.Add(await DigestAsync()), $"the digest did not change with: {change}");
        }
    }

    private async Task<string> DigestAsync()
    {
        var bookkeeping = Retort.Dialects.Dialect.ForName("mariadb").Bookkeeping;
        await using var connection = await OpenAsync();
        foreach (var setting in bookkeeping.ScratchSession)
            await setting.ScalarAsync(connection, null, CancellationToken.None);
        return Convert.ToString(await bookkeeping.SchemaFingerprint!.ScalarAsync(connection, null, CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
