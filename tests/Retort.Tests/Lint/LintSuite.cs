using Retort.Configuration;
using Retort.Dialects;
using Retort.Lint;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Lint;

/// <summary>
/// Lint on a live database: the revisions the database has not applied, each data-dependent finding with the rows it
/// would meet (and gone when it meets none), version-aware rules, and <c>lint.failOn</c> stopping an upgrade before
/// anything runs.
/// </summary>
public abstract class LintSuite : LiveProjectTests
{
    private const string Users = "op.CreateTable(\"users\", new Column(\"id\", SqlType.BigInteger, primaryKey: true), " +
        "new Column(\"name\", SqlType.String(40)), new Column(\"age\", SqlType.Integer), new Column(\"org_id\", SqlType.BigInteger)); " +
        "op.CreateTable(\"orgs\", new Column(\"id\", SqlType.BigInteger, primaryKey: true));";

    [DatabaseFact]
    public async Task Live_lint_judges_the_pending_revisions_and_counts_what_each_finding_would_meet()
    {
        Project.Revision("a1", [], Users, "op.DropTable(\"orgs\"); op.DropTable(\"users\");");
        await Project.Commands().UpgradeAsync("head");
        await ExecuteAsync("INSERT INTO orgs (id) VALUES (1)");
        await ExecuteAsync("INSERT INTO users (id, name, age, org_id) VALUES (1, 'ann', 30, 1), (2, 'ann', -4, 7), (3, NULL, 50, 8), (4, 'bob', 20, NULL)");
        Project.Revision("b1", ["a1"],
            "op.AlterColumn(\"users\", \"name\", nullable: false, existingNullable: true, existingType: SqlType.String(40)); " +
            "op.CreateIndex(\"ux_users_name\", \"users\", [\"name\"], unique: true); " +
            "op.CreateCheckConstraint(\"ck_users_age\", \"users\", \"age >= 0\"); " +
            "op.CreateCheckConstraint(\"ck_users_id\", \"users\", \"id > 0\"); " +
            "op.CreateForeignKey(\"fk_users_org\", \"users\", \"orgs\", [\"org_id\"], [\"id\"]); " +
            "op.AddColumn(\"users\", new Column(\"email\", SqlType.String(80), nullable: false));")
            .Revision("c1", ["b1"], "op.CreateTable(\"tags\", new Column(\"id\", SqlType.BigInteger, primaryKey: true));")
            .Revision("d1", ["c1"], "op.AddColumn(\"tags\", new Column(\"label\", SqlType.String(20), nullable: false));");

        var report = await Project.Commands().SafetyNet.LintAsync(new LintRequest(Live: true));

        Assert.Equal(3, report.Revisions);
        string Counted(string code) => string.Join("; ", report.Findings.Where(f => f.Code == code).Select(f => $"{f.Count} {f.Counted}"));
        Assert.Equal("1 NULLs in users.name", Counted("RT202"));
        Assert.Equal("1 duplicated values of users (name)", Counted("RT204"));
        Assert.Equal("1 rows of users failing (age >= 0)", Counted("RT205"));
        Assert.Equal("2 rows of users without a parent in orgs", Counted("RT206"));
        Assert.Equal("4 rows in users", Counted("RT201"));
        // The tags table is made by a pending revision: nothing to count there, nothing to lock.
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains("tags", StringComparison.Ordinal) && f.Category is "data" or "locking");
        Assert.False(report.Passed);
        if (Target.Server is not null)
            Assert.Matches(@"^(postgresql|mysql|mariadb) \d+\.\d+", report.Database);
    }

    [DatabaseFact]
    public async Task FailOn_stops_an_upgrade_before_anything_runs_and_a_suppression_with_a_reason_lets_it_through()
    {
        Project.Revision("a1", [], Users, "op.DropTable(\"orgs\"); op.DropTable(\"users\");")
            .Revision("b1", ["a1"], "op.AddColumn(\"users\", new Column(\"nick\", SqlType.String(20)));")
            .Revision("c1", ["b1"], "op.DropColumn(\"users\", \"age\");");
        var guarded = Project.Commands(c => c with { Lint = new LintSettings { FailOn = ["destructive"] } });

        var error = await Assert.ThrowsAsync<RetortException>(() => guarded.UpgradeAsync("head"));

        Assert.StartsWith("lint.failOn stops this: 1 finding(s) in pending revisions: c1 RT102 drop-column: drops column users.age", error.Message);
        Assert.Empty(await TablesAsync());

        Project.Revision("c1", ["b1"], "op.DropColumn(\"users\", \"age\").Lint(\"RT102\", \"age moved to profiles in b1\").Lint(\"RT403\", \"nothing reads it\");");
        Assert.Equal(["c1"], await Project.Commands(c => c with { Lint = new LintSettings { FailOn = ["destructive"] } }).UpgradeAsync("head"));
    }

    [DatabaseFact]
    public async Task A_typo_in_failOn_is_one_clear_error_and_nothing_runs()
    {
        Project.Revision("a1", [], Users);
        var guarded = Project.Commands(c => c with { Lint = new LintSettings { FailOn = ["destrucive"] } });

        var error = await Assert.ThrowsAsync<RetortException>(() => guarded.UpgradeAsync("head"));

        Assert.StartsWith("retort.json: lint.failOn: 'destrucive' is neither a lint category", error.Message);
        Assert.Empty(await TablesAsync());
    }

    [DatabaseFact]
    public async Task A_revision_wide_suppression_is_read_from_the_compiled_revision()
    {
        Project.Revision("a1", [], Users);
        File.WriteAllText(Path.Combine(Project.Root, "migrations", "versions", "b1.cs"), """
            using Retort;
            namespace Migrations;
            /// <summary>drop orgs</summary>
            [Revision("b1", Revises = "a1")]
            [Lint("RT101", "orgs moved to the accounts service")]
            [Lint("RT403")]
            [Lint("RT301", "stale")]
            public sealed class R_b1 : Migration
            {
                public override void Upgrade(Operations op) => op.DropTable("orgs");
            }
            """);

        var report = await Project.Commands().SafetyNet.LintAsync(new LintRequest("b1:b1"));

        Assert.Equal("orgs moved to the accounts service", Assert.Single(report.Findings, f => f.Code == "RT101").SuppressedBecause);
        Assert.Equal(["RT901 b1", "RT902 b1"], report.Standing.Select(f => $"{f.Code} {f.Revision}"));
        Assert.Equal("b1.cs", report.Findings[0].File);
    }

    [DatabaseFact]
    public async Task A_revision_that_reads_the_database_is_judged_up_to_there_and_says_so()
    {
        Project.Revision("a1", [], Users)
            .Revision("b1", ["a1"], "op.DropColumn(\"users\", \"age\"); _ = op.Connection; op.DropTable(\"orgs\");");

        var report = await Project.Commands().SafetyNet.LintAsync(new LintRequest("b1:b1"));

        Assert.Equal(["drops column users.age"], report.Findings.Where(f => f.Code == "RT102" || f.Code == "RT101").Select(f => f.Message));
        Assert.Equal(["b1: reads the database through op.Connection; lint judged the 1 operation(s) before that"], report.Notes);
    }

    [DatabaseFact]
    public async Task A_drop_in_a_post_deploy_revision_is_destructive_but_no_longer_breaks_the_running_application()
    {
        Project.Revision("a1", [], Users);
        File.WriteAllText(Path.Combine(Project.Root, "migrations", "versions", "b1.cs"), """
            using Retort;
            namespace Migrations;
            /// <summary>drop age</summary>
            [Revision("b1", Revises = "a1", Phase = MigrationPhase.PostDeploy)]
            public sealed class R_b1 : Migration
            {
                public override void Upgrade(Operations op) { op.DropColumn("users", "age"); op.AlterColumn("users", "name", newName: "full_name"); }
            }
            """);
        Project.Revision("c1", ["b1"], "op.DropColumn(\"users\", \"org_id\");");

        var report = await Project.Commands().SafetyNet.LintAsync(new LintRequest("b1:c1"));

        Assert.Equal(["b1 RT102", "c1 RT102", "c1 RT403"], report.Standing.Where(f => f.Severity != "notice").Select(f => $"{f.Revision} {f.Code}"));
    }
}

[RunsOn(TestDatabase.Sqlite)]
public sealed class SqliteLintTests : LintSuite;

[RunsOn(TestDatabase.Postgresql)]
public sealed class PostgresLintTests : LintSuite
{
    /// <summary>Each type change, run on the server: lint says it rewrites the table exactly when PostgreSQL gives the table a new file.</summary>
    [DatabaseFact]
    public async Task Lint_says_a_type_change_rewrites_the_table_exactly_when_the_server_does()
    {
        (string Type, SqlType From, SqlType To, string NewType)[] changes =
        [
            ("varchar(40)", SqlType.String(40), SqlType.String(80), "varchar(80)"),
            ("varchar(40)", SqlType.String(40), SqlType.Text, "text"),
            ("varchar(80)", SqlType.String(80), SqlType.String(40), "varchar(40)"),
            ("integer", SqlType.Integer, SqlType.BigInteger, "bigint"),
            ("numeric(10,2)", SqlType.Numeric(10, 2), SqlType.Numeric(12, 2), "numeric(12,2)"),
            ("numeric(10,2)", SqlType.Numeric(10, 2), SqlType.Numeric(10, 3), "numeric(10,3)"),
            ("numeric(10,2)", SqlType.Numeric(10, 2), SqlType.Numeric(), "numeric"),
            ("text", SqlType.Text, SqlType.String(20), "varchar(20)"),
            ("timestamp", SqlType.DateTime, SqlType.DateTimeOffset, "timestamptz"),
            ("smallint", SqlType.SmallInteger, SqlType.Integer, "integer"),
        ];
        var dialect = Dialect.ForName("postgresql");
        foreach (var (type, from, to, newType) in changes)
        {
            await ExecuteAsync($"DROP TABLE IF EXISTS t; CREATE TABLE t (id int PRIMARY KEY, c {type}); INSERT INTO t VALUES (1, NULL)");
            var before = await FileNodeAsync();
            // Not UTC: from PostgreSQL 12, timestamp to timestamptz keeps the table only in a session whose zone is UTC.
            await ExecuteAsync($"SET TimeZone = 'Europe/Berlin'; ALTER TABLE t ALTER COLUMN c TYPE {newType}");
            var rewritten = await FileNodeAsync() != before;

            var ops = new List<Ops.MigrationOperation>();
            new Operations(ops.Add).AlterColumn("t", "c", type: to, existingType: from);
            var flagged = Linter.Lint(new LintInput("r", true, ops, [], []), new LintTarget(dialect)).Any(f => f.Rule.Code == "RT303");
            Assert.True(rewritten == flagged, $"{type} -> {newType}: the server {(rewritten ? "rewrote" : "kept")} the table, lint says it {(flagged ? "rewrites" : "keeps")} it");
        }
    }

    [DatabaseFact]
    public async Task Lint_says_an_added_column_rewrites_the_table_exactly_when_the_server_does()
    {
        var dialect = Dialect.ForName("postgresql");
        foreach (var (definition, column) in new (string, Column)[]
                 {
                     ("boolean NOT NULL DEFAULT true", new Column("d", SqlType.Boolean, nullable: false, serverDefault: "true")),
                     ("timestamptz DEFAULT now()", new Column("d", SqlType.DateTimeOffset, serverDefault: "now()")),
                     ("uuid DEFAULT gen_random_uuid()", new Column("d", SqlType.Guid, serverDefault: "gen_random_uuid()")),
                     ("double precision DEFAULT random()", new Column("d", SqlType.Double, serverDefault: "random()")),
                     ("bigint GENERATED BY DEFAULT AS IDENTITY", new Column("d", SqlType.BigInteger, nullable: false, identity: true)),
                 })
        {
            await ExecuteAsync("DROP TABLE IF EXISTS t; CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)");
            var before = await FileNodeAsync();
            await ExecuteAsync($"ALTER TABLE t ADD COLUMN d {definition}");
            var rewritten = await FileNodeAsync() != before;

            var ops = new List<Ops.MigrationOperation>();
            new Operations(ops.Add).AddColumn("t", column);
            var flagged = Linter.Lint(new LintInput("r", true, ops, [], []), new LintTarget(dialect)).Any(f => f.Rule.Code == "RT306");
            Assert.True(rewritten == flagged, $"ADD COLUMN d {definition}: the server {(rewritten ? "rewrote" : "kept")} the table, lint says it {(flagged ? "rewrites" : "keeps")} it");
        }
    }

    private async Task<string> FileNodeAsync() => (await ColumnAsync("SELECT pg_relation_filenode('t')::text")).Single();
}

[RunsOn(TestDatabase.Mysql)]
public sealed class MariaDbLintTests : LintSuite
{
    /// <summary>Each change, asked of the server with ALGORITHM=INPLACE, LOCK=NONE: lint flags it exactly when the server refuses.</summary>
    [DatabaseFact]
    public async Task Lint_flags_a_change_as_not_online_exactly_when_the_server_refuses_to_make_it_in_place()
    {
        (string Sql, Action<Operations> Op)[] changes =
        [
            ("MODIFY name VARCHAR(50)", op => op.AlterColumn("t", "name", type: SqlType.String(50), existingType: SqlType.String(40))),
            ("MODIFY name VARCHAR(100)", op => op.AlterColumn("t", "name", type: SqlType.String(100), existingType: SqlType.String(40))),
            ("MODIFY name VARCHAR(30)", op => op.AlterColumn("t", "name", type: SqlType.String(30), existingType: SqlType.String(40))),
            ("MODIFY name TEXT", op => op.AlterColumn("t", "name", type: SqlType.Text, existingType: SqlType.String(40))),
            ("MODIFY n BIGINT", op => op.AlterColumn("t", "n", type: SqlType.BigInteger, existingType: SqlType.Integer)),
            ("MODIFY note VARCHAR(400)", op => op.AlterColumn("t", "note", type: SqlType.String(400), existingType: SqlType.String(300))),
            ("ADD CONSTRAINT ck_n CHECK (n > 0)", op => op.CreateCheckConstraint("ck_n", "t", "n > 0")),
            ("ADD CONSTRAINT fk_p FOREIGN KEY (n) REFERENCES p (id)", op => op.CreateForeignKey("fk_p", "t", "p", ["n"], ["id"])),
            ("ADD UNIQUE KEY uq_name (name)", op => op.CreateUniqueConstraint("uq_name", "t", ["name"])),
            ("ADD COLUMN c2 INT NOT NULL DEFAULT 0", op => op.AddColumn("t", new Column("c2", SqlType.Integer, nullable: false, serverDefault: "0"))),
            ("DROP COLUMN note", op => op.DropColumn("t", "note")),
            ("DROP PRIMARY KEY", op => op.DropConstraint("PRIMARY", "t", ConstraintKind.PrimaryKey)),
        ];
        var dialect = Dialect.ForName("mariadb");
        foreach (var (sql, change) in changes)
        {
            await ExecuteAsync("DROP TABLE IF EXISTS t");
            await ExecuteAsync("DROP TABLE IF EXISTS p");
            await ExecuteAsync("CREATE TABLE p (id INT PRIMARY KEY)");
            await ExecuteAsync("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40), n INT, note VARCHAR(300)) DEFAULT CHARSET utf8mb4");
            var refused = false;
            try
            {
                await ExecuteAsync($"ALTER TABLE t {sql}, ALGORITHM=INPLACE, LOCK=NONE");
            }
            catch (System.Data.Common.DbException)
            {
                refused = true;
            }

            var ops = new List<Ops.MigrationOperation>();
            change(new Operations(ops.Add));
            var flagged = Linter.Lint(new LintInput("r", true, ops, [], []), new LintTarget(dialect)).Any(f => f.Rule.Code == "RT308");
            Assert.True(refused == flagged, $"{sql}: the server {(refused ? "refused" : "made")} it in place, lint says it {(flagged ? "copies" : "does not copy")} the table");
        }
    }
}
