using Retort.Autogenerate;
using Retort.Configuration;
using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>
/// <c>squash</c> on every database: a range of revisions replaced by one that makes the same schema (proven on scratch
/// databases before anything is written), databases past the range untouched, one at its last revision at the squash,
/// one inside it told what to do, and what a squash cannot carry refused with nothing changed.
/// </summary>
public abstract class SquashSuite : LiveProjectTests
{
    private static string Table(string name, params string[] columns) =>
        $"op.CreateTable(\"{name}\", new Column(\"id\", SqlType.Integer, primaryKey: true){string.Concat(columns.Select(c => ", " + c))});";

    private static string Column(string name, int length) => $"new Column(\"{name}\", SqlType.String({length}))";

    private static string Add(string table, string column) => $"op.AddColumn(\"{table}\", {column});";

    // Fifty revisions of every kind of change, back and forth: tables, columns, indexes, foreign keys, a view, renames of
    // a table and a column that exist before the range (which the squash must write as renames) and of ones made in it.
    private static readonly string[] Fifty =
    [
        Table("products", Column("title", 80), "new Column(\"price\", SqlType.Numeric(10, 2))"),
        "op.AlterColumn(\"customers\", \"name\", newName: \"full_name\");",
        Add("customers", Column("email", 120)),
        "op.CreateIndex(\"ix_customers_email\", \"customers\", [\"email\"], unique: true);",
        Table("orders", "new Column(\"customer_id\", SqlType.Integer, nullable: false)", "new ForeignKey(\"fk_orders_customer\", [\"customer_id\"], \"customers\", [\"id\"])"),
        "op.CreateIndex(\"ix_orders_customer\", \"orders\", [\"customer_id\"]);",
        "op.CreateView(\"customer_orders\", \"SELECT c.id, c.full_name, o.id AS order_id FROM customers c JOIN orders o ON o.customer_id = c.id\");",
        Add("products", Column("sku", 30)),
        "op.AlterColumn(\"products\", \"title\", newName: \"name\");",
        Table("scratchpad"),
        "op.DropTable(\"scratchpad\");",
        Add("customers", Column("phone", 20)),
        "op.DropColumn(\"customers\", \"phone\");",
        Add("customers", Column("phone", 30)),
        "op.RenameTable(\"products\", \"items\");",
        "op.CreateIndex(\"ix_items_sku\", \"items\", [\"sku\"]);",
        "op.DropIndex(\"ix_items_sku\", \"items\");",
        "op.CreateIndex(\"ix_items_sku\", \"items\", [\"sku\"], unique: true);",
        "op.DropView(\"customer_orders\");",
        "op.CreateView(\"customer_orders\", \"SELECT c.id, c.full_name, c.email, o.id AS order_id FROM customers c JOIN orders o ON o.customer_id = c.id\");",
        Table("tags", "new Column(\"label\", SqlType.String(40), nullable: false)"),
        Table("item_tags", "new Column(\"item_id\", SqlType.Integer, nullable: false)", "new Column(\"tag_id\", SqlType.Integer, nullable: false)",
            "new ForeignKey(\"fk_item_tags_item\", [\"item_id\"], \"items\", [\"id\"])", "new ForeignKey(\"fk_item_tags_tag\", [\"tag_id\"], \"tags\", [\"id\"])"),
        Add("items", "new Column(\"stock\", SqlType.Integer)"),
        Add("orders", Column("note", 200)),
        "op.AlterColumn(\"orders\", \"note\", newName: \"remark\");",
        "op.DropTable(\"item_tags\");",
        "op.DropTable(\"tags\");",
        Table("tags", "new Column(\"name\", SqlType.String(50), nullable: false)"),
        "op.CreateIndex(\"ix_tags_name\", \"tags\", [\"name\"], unique: true);",
        Add("orders", "new Column(\"item_id\", SqlType.Integer)"),
        "op.BatchAlterTable(\"orders\", b => b.CreateForeignKey(\"fk_orders_item\", \"items\", [\"item_id\"], [\"id\"]));",
        "op.CreateIndex(\"ix_orders_item\", \"orders\", [\"item_id\"]);",
        "op.RenameTable(\"suppliers\", \"vendors\");",
        Add("vendors", Column("country", 2)),
        "op.CreateIndex(\"ix_vendors_country\", \"vendors\", [\"country\"]);",
        Add("items", "new Column(\"vendor_id\", SqlType.Integer)"),
        "op.BatchAlterTable(\"items\", b => b.CreateForeignKey(\"fk_items_vendor\", \"vendors\", [\"vendor_id\"], [\"id\"]));",
        Table("audit", Column("what", 100)),
        Add("audit", "new Column(\"at\", SqlType.DateTime)"),
        "op.CreateIndex(\"ix_audit_at\", \"audit\", [\"at\"]);",
        "op.DropIndex(\"ix_audit_at\", \"audit\");",
        "op.DropColumn(\"audit\", \"at\");",
        "op.DropTable(\"audit\");",
        Add("customers", Column("city", 60)),
        "op.CreateIndex(\"ix_customers_city\", \"customers\", [\"city\"]);",
        "op.DropIndex(\"ix_customers_city\", \"customers\");",
        "op.DropColumn(\"customers\", \"city\");",
        Add("tags", Column("colour", 20)),
        "op.AlterColumn(\"tags\", \"colour\", newName: \"color\");",
        "op.CreateView(\"vendor_items\", \"SELECT v.id, v.name, i.name AS item FROM vendors v JOIN items i ON i.vendor_id = v.id\");",
    ];

    private static string Id(int n) => $"r{n:00}";

    // r00 before the range (customers and suppliers, with a row each), r01..rNN the range, and one revision after it.
    private void WriteRange(IReadOnlyList<string> range)
    {
        Project.Revision(Id(0), [], Table("customers", Column("name", 50)) + Table("suppliers", Column("name", 50)),
            "op.DropTable(\"suppliers\"); op.DropTable(\"customers\");");
        for (var i = 0; i < range.Count; i++)
            Project.Revision(Id(i + 1), [Id(i)], range[i]);
        Project.Revision(Id(range.Count + 1), [Id(range.Count)], Add("customers", "new Column(\"vip\", SqlType.Integer)"),
            "op.DropColumn(\"customers\", \"vip\");");
    }

    private Task<SquashReport> SquashAsync(string range, bool keepData = false, bool dryRun = false) =>
        Project.Commands().SchemaRevisions.SquashAsync(new SquashRequest(range, "first steps", keepData, RevisionId: "s000000000aa", DryRun: dryRun));

    private string File(string id) => Path.Combine(Project.Root, "migrations", "versions", $"{id}.cs");

    [DatabaseFact]
    public async Task Fifty_revisions_squashed_build_a_fresh_database_identical_to_the_fifty_and_leave_a_database_past_them_untouched()
    {
        WriteRange(Fifty);
        await Project.Commands().UpgradeAsync("head");

        var report = await SquashAsync("r01:r50");

        Assert.True(report.Proven, string.Join("\n", CommandText.Squash(report)));
        Assert.True(report.Written);
        Assert.Equal(Enumerable.Range(1, 50).Select(Id), report.Replaced);
        Assert.All(report.Deleted, path => Assert.False(System.IO.File.Exists(path), path));
        Assert.Equal([File("r51")], report.Rewired);
        Assert.Contains("[Revision(\"r51\", Revises = new[] { \"s000000000aa\" })]", System.IO.File.ReadAllText(File("r51")));
        var squash = System.IO.File.ReadAllText(report.Path);
        Assert.Contains("Revises = \"r00\"", squash);
        Assert.Contains("Replaces = new[] { \"r01\", \"r02\"", squash);
        // The renames of what existed before the range are renames, which keep the rows.
        Assert.Contains("op.RenameTable(\"suppliers\", \"vendors\")", squash);
        Assert.Matches("newName: \"full_name\"", squash);
        Assert.Equal(["r00 -> s000000000aa -> r51"], [string.Join(" -> ", Project.Commands().History(null).Reverse().Select(r => r.Id))]);

        var fresh = await Target.CreateDatabaseAsync("retort_fresh_" + Guid.NewGuid().ToString("N")[..8], Project.Root);
        try
        {
            await Project.Commands(c => c with { Url = fresh }).UpgradeAsync("head");
            Assert.Empty(await DifferencesAsync(Project.Url, fresh));
        }
        finally
        {
            await DropAsync(fresh);
        }

        // Past the range: nothing runs again.
        var steps = Project.Log.Split("Running upgrade").Length;
        Assert.Equal(["r51"], await Project.Commands().UpgradeAsync("head"));
        Assert.Equal(steps, Project.Log.Split("Running upgrade").Length);
        Assert.Equal(["r51"], await VersionRowsAsync());
    }

    [DatabaseFact]
    public async Task A_database_below_the_range_keeps_its_rows_through_the_renames_of_the_squash()
    {
        WriteRange([Fifty[1], "op.RenameTable(\"suppliers\", \"vendors\");", Add("vendors", Column("country", 2))]);
        await Project.Commands().UpgradeAsync("r00");
        await ExecuteAsync("INSERT INTO customers (id, name) VALUES (1, 'Ann')");
        await ExecuteAsync("INSERT INTO suppliers (id, name) VALUES (7, 'Acme')");

        Assert.True((await SquashAsync("r01:r03")).Proven);
        await Project.Commands().UpgradeAsync("head");

        Assert.Equal(["Ann"], await ColumnAsync("SELECT full_name FROM customers"));
        Assert.Equal(["Acme"], await ColumnAsync("SELECT name FROM vendors"));
        Assert.Contains("Running upgrade r00 -> s000000000aa", Project.Log);
    }

    [DatabaseFact]
    public async Task A_database_at_the_last_replaced_revision_is_at_the_squash_and_moves_on_from_it()
    {
        WriteRange([Table("a"), Table("b"), Add("a", Column("note", 10))]);
        await Project.Commands().UpgradeAsync("r03");

        Assert.True((await SquashAsync("r01:r03")).Proven);

        Assert.Equal(["s000000000aa"], (await Project.Commands().CurrentAsync()).Select(r => r.Id));
        Assert.Contains("note: the version table retort_version holds r03, the last revision that squash s000000000aa replaced: the database is at s000000000aa", Project.Log);
        Assert.Equal(["r03"], await VersionRowsAsync());
        Assert.Equal(["r04"], await Project.Commands().UpgradeAsync("head"));
        Assert.Contains("Running upgrade s000000000aa -> r04", Project.Log);
        Assert.Equal(["r04"], await VersionRowsAsync());
        // And back down through the squash's own downgrade, to the schema before the range.
        await Project.Commands().DowngradeAsync("r00");
        Assert.Equal(["r00"], await VersionRowsAsync());
        Assert.Equal(["customers", "retort_version", "retort_version_log", "suppliers"], await TablesAsync());
    }

    [DatabaseFact]
    public async Task A_database_stored_at_the_last_replaced_revision_downgrades_through_the_squash()
    {
        WriteRange([Table("a"), Table("b")]);
        await Project.Commands().UpgradeAsync("r02");
        Assert.True((await SquashAsync("r01:r02")).Proven);

        await Project.Commands().DowngradeAsync("r00");

        Assert.Equal(["r00"], await VersionRowsAsync());
        Assert.Contains("Running downgrade s000000000aa -> r00", Project.Log);
        Assert.DoesNotContain("a", await TablesAsync());
    }

    [DatabaseFact]
    public async Task A_database_stored_at_the_last_replaced_revision_is_stamped_on_from_the_squash()
    {
        WriteRange([Table("a"), Table("b")]);
        await Project.Commands().UpgradeAsync("r02");
        Assert.True((await SquashAsync("r01:r02")).Proven);

        Assert.Equal(["r03"], await Project.Commands().StampAsync(["r03"]));

        Assert.Equal(["r03"], await VersionRowsAsync());
    }

    [DatabaseFact]
    public async Task A_database_inside_the_range_is_told_which_squash_replaced_its_revision_and_the_way_out()
    {
        WriteRange([Table("a"), Table("b"), Table("c")]);
        await Project.Commands().UpgradeAsync("r02");
        Assert.True((await SquashAsync("r01:r03")).Proven);

        var current = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().CurrentAsync());
        var upgrade = await Assert.ThrowsAsync<RetortException>(() => Project.Commands().UpgradeAsync("head"));

        Assert.StartsWith("The version table retort_version holds r02, which squash s000000000aa (\"first steps\") replaced in the middle of its range " +
            "(3 revisions, r01 to r03): no revision now has this database's schema. Upgrade it to r03 with the revisions from before the squash", current.Message);
        Assert.Contains("'git log --diff-filter=A --format=%h -- ", current.Message);
        Assert.EndsWith("or, if its schema already is r03's, run 'retort stamp s000000000aa --purge' (which replaces every row of the version table)", current.Message);
        Assert.Equal(current.Message, upgrade.Message);
        Assert.Equal(["r02"], await VersionRowsAsync());
        // The way out it names works.
        await Project.Commands().StampAsync(["s000000000aa"], purge: true);
        Assert.Equal(["s000000000aa"], (await Project.Commands().CurrentAsync()).Select(r => r.Id));
    }

    [DatabaseFact]
    public async Task What_a_squash_cannot_replace_is_refused_with_one_line_and_nothing_changed()
    {
        WriteRange([Table("a"), Table("b"), Table("c")]);
        Project.Revision("r02x", ["r02"], Table("x"));
        var before = Directory.GetFiles(Path.GetDirectoryName(File("r00"))!).Order().ToList();

        Assert.Equal("Cannot squash 'r01:r03': revision r02 is a branch point (r02x, r03 revise it); only the last revision of the range may have revisions outside it on top",
            (await Assert.ThrowsAsync<RetortException>(() => SquashAsync("r01:r03"))).Message);
        Assert.Equal("No revision, branch label or symbol named 'nosuch'",
            (await Assert.ThrowsAsync<RetortException>(() => SquashAsync("nosuch:r03"))).Message);
        Assert.Equal("The range 'r03:r01' holds no revision; give FROM:TO with FROM below TO",
            (await Assert.ThrowsAsync<RetortException>(() => SquashAsync("r03:r01"))).Message);
        Assert.Equal(before, Directory.GetFiles(Path.GetDirectoryName(File("r00"))!).Order());
    }

    [DatabaseFact]
    public async Task A_data_migration_is_refused_unless_kept_and_kept_it_runs_after_the_schema()
    {
        WriteRange([Table("a", Column("name", 20)), "op.Execute(\"INSERT INTO a (id, name) VALUES (1, 'seed')\");", Add("a", Column("note", 10))]);

        var refused = await Assert.ThrowsAsync<RetortException>(() => SquashAsync("r01:r03"));
        Assert.Equal("Cannot squash 'r01:r03': 1 of its revisions change data (r02 ran SQL \"INSERT INTO a (id, name) VALUES (1, 'seed')\"); " +
            "pass --keep-data-migrations to copy their data operations into the squash, in order, after its schema operations, or squash a range without them",
            refused.Message);
        Assert.True(System.IO.File.Exists(File("r02")));

        var report = await SquashAsync("r01:r03", keepData: true);
        Assert.True(report.Proven, string.Join("\n", CommandText.Squash(report)));
        Assert.Equal(["r02: ran SQL \"INSERT INTO a (id, name) VALUES (1, 'seed')\""], report.DataOperations);
        Assert.Contains("// from r02 (step r02)\nop.Execute(\"INSERT INTO a (id, name) VALUES (1, 'seed')\");", System.IO.File.ReadAllText(report.Path).ReplaceLineEndings("\n").Replace("        ", ""));
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(["seed"], await ColumnAsync("SELECT name FROM a"));
    }

    [DatabaseFact]
    public async Task A_revision_that_reads_the_connection_is_refused_even_with_data_migrations_kept()
    {
        WriteRange([Table("a"), "using var command = op.Connection.CreateCommand();", Table("b")]);

        var refused = await Assert.ThrowsAsync<RetortException>(() => SquashAsync("r01:r03", keepData: true));

        Assert.Equal("Cannot squash 'r01:r03': revision r02 reads op.Connection in its upgrade (a data migration written in ADO.NET), which a squash cannot copy; " +
            "squash the revisions before it or after it", refused.Message);
    }

    [DatabaseFact]
    public async Task A_squash_whose_proof_fails_leaves_every_file_as_it_was()
    {
        // Kept, the SQL that made the table runs again after the squash has made it: the proof fails on the scratch database.
        WriteRange([Table("a"), "op.Execute(\"CREATE TABLE made_by_hand (id INTEGER PRIMARY KEY)\");"]);
        var files = Directory.GetFiles(Path.GetDirectoryName(File("r00"))!).Order().Select(System.IO.File.ReadAllText).ToList();

        var failed = await Assert.ThrowsAsync<RetortException>(() => SquashAsync("r01:r02", keepData: true));

        Assert.StartsWith("Upgrade s000000000aa (", failed.Message);
        Assert.Contains("made_by_hand", failed.Message);
        Assert.Equal(files, Directory.GetFiles(Path.GetDirectoryName(File("r00"))!).Order().Select(System.IO.File.ReadAllText));
    }

    [DatabaseFact]
    public async Task A_dry_run_proves_the_squash_and_writes_nothing()
    {
        WriteRange([Table("a"), Table("b")]);

        var report = await SquashAsync("r01:r02", dryRun: true);

        Assert.True(report.Proven);
        Assert.False(report.Written);
        Assert.False(System.IO.File.Exists(report.Path));
        Assert.True(System.IO.File.Exists(File("r01")));
        Assert.Contains($"Dry run: would write {CommandText.DisplayPath(report.Path)} and delete the 2 replaced file(s)", CommandText.Squash(report));
    }

    // What the comparison finds between two databases, everything compared.
    private async Task<IReadOnlyList<string>> DifferencesAsync(string first, string second)
    {
        var a = await SchemaAsync(first);
        var b = await SchemaAsync(second);
        var dialect = DatabaseUrl.Parse(first, Project.Root).Id.Create();
        var options = new CompareOptions { CompareServerDefault = true, CompareDeclaredTypes = true };
        return [.. SchemaComparer.Compare(a, b, dialect, options).Upgrade.Select(OperationSummary.Describe)];
    }

    private async Task<DatabaseSchema> SchemaAsync(string url)
    {
        var parsed = DatabaseUrl.Parse(url, Project.Root);
        await using var connection = TestProject.Connect(parsed);
        await connection.OpenAsync();
        return await parsed.Id.Create().InspectAsync(connection, [new("retort_version"), new("retort_version_log"), new("retort_version_lock")], CancellationToken.None);
    }

    private async Task DropAsync(string url)
    {
        var name = url[(url.LastIndexOf('/') + 1)..].Split('?')[0];
        await Target.DropDatabaseAsync(name);
    }
}

[RunsOn(TestDatabase.Sqlite)]
public sealed class SqliteSquashTests : SquashSuite
{
    // The squash's file, computed on SQLite: renames as renames, a rebuild in the downgrade, a copied data operation.
    [Fact]
    public async Task The_squash_revision_matches_its_golden_file()
    {
        Project.Revision("r00", [], "op.CreateTable(\"customers\", new Column(\"id\", SqlType.Integer, primaryKey: true), new Column(\"name\", SqlType.String(50)));" +
                "op.CreateTable(\"suppliers\", new Column(\"id\", SqlType.Integer, primaryKey: true), new Column(\"name\", SqlType.String(50)));")
            .Revision("r01", ["r00"], "op.AlterColumn(\"customers\", \"name\", newName: \"full_name\");", branchLabels: ["crm"])
            .Revision("r02", ["r01"], "op.RenameTable(\"suppliers\", \"vendors\"); op.AddColumn(\"vendors\", new Column(\"country\", SqlType.String(2)));")
            .Revision("r03", ["r02"], "op.CreateIndex(\"ix_vendors_country\", \"vendors\", [\"country\"]); op.Execute(\"UPDATE vendors SET country = 'NL'\");")
            .Revision("r04", ["r03"]);

        var report = await Project.Commands().SchemaRevisions.SquashAsync(new SquashRequest("r01:r03", "customers and vendors", KeepDataMigrations: true, RevisionId: "5a17c0ffee00"));

        Assert.True(report.Proven, string.Join("\n", CommandText.Squash(report)));
        var text = System.Text.RegularExpressions.Regex.Replace(System.IO.File.ReadAllText(report.Path), "CreateDate = \"[^\"]*\"", "CreateDate = \"2026-11-26 19:30:00\"");
        Assert.Equal(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "squash_revision.cs.golden")).ReplaceLineEndings("\n"),
            text.ReplaceLineEndings("\n"));
        Assert.Equal("5a17c0ffee00_customers_and_vendors.cs", Path.GetFileName(report.Path));
    }
}

[RunsOn(TestDatabase.Postgresql)]
public sealed class PostgresSquashTests : SquashSuite;

[RunsOn(TestDatabase.Mysql)]
public sealed class MariaDbSquashTests : SquashSuite;
