using Retort.Dialects;
using Retort.Lint;
using Retort.Ops;

namespace Retort.Tests.Lint;

/// <summary>
/// Every rule on every database: its case fires it where the rule applies (and nowhere else), its safe variant does not.
/// The operations are recorded as a revision's upgrade records them, suppressions included.
/// </summary>
public sealed class LintRuleTests
{
    private static readonly string[] Databases = ["sqlite", "postgresql", "mysql", "mariadb"];

    // A table the revisions below find already there: the users table of an earlier revision.
    private static readonly Column[] UserColumns =
        [new("id", SqlType.BigInteger, primaryKey: true), new("name", SqlType.String(40)), new("org_id", SqlType.BigInteger)];

    /// <summary>The rule, its firing case and its safe variant, each with whether it runs after the deploy.</summary>
    public sealed record Case(string Code, Action<Operations> Fires, Action<Operations> Safe, bool SafeIsPostDeploy = false)
    {
        public override string ToString() => Code;
    }

    public static readonly TheoryData<Case> Cases =
    [
        new("RT101", op => op.DropTable("users"), op => op.DropTable("users").Lint("RT101", "archived in r41").Lint("RT403", "nobody reads it")),
        new("RT102", op => op.DropColumn("users", "name"), op => op.DropColumn("users", "name").Lint("RT102", "copied to full_name in r41"), SafeIsPostDeploy: true),
        new("RT103", op => op.AlterColumn("users", "name", type: SqlType.String(20), existingType: SqlType.String(40)),
            op => op.AlterColumn("users", "name", type: SqlType.Text, existingType: SqlType.String(40))),
        new("RT104", op => op.AlterColumn("users", "name", dropServerDefault: true, existingNullable: false),
            op => op.AlterColumn("users", "name", dropServerDefault: true, existingNullable: true)),
        new("RT201", op => op.AddColumn("users", new Column("email", SqlType.String(80), nullable: false)),
            op => op.AddColumn("users", new Column("email", SqlType.String(80), nullable: false, serverDefault: "''"))),
        new("RT202", op => op.AlterColumn("users", "name", nullable: false, existingNullable: true),
            op => { CreateOrders(op); op.AlterColumn("orders", "note", nullable: false, existingNullable: true); }),
        new("RT203", op => op.AlterColumn("users", "name", type: SqlType.Integer, existingType: SqlType.String(40)),
            op => op.AlterColumn("users", "org_id", type: SqlType.Text, existingType: SqlType.BigInteger)),
        new("RT204", op => op.CreateIndex("ux_users_name", "users", ["name"], unique: true),
            op => { CreateOrders(op); op.CreateIndex("ux_orders_note", "orders", ["note"], unique: true); }),
        new("RT205", op => op.CreateCheckConstraint("ck_users_name", "users", "name <> ''"),
            op => { CreateOrders(op); op.CreateCheckConstraint("ck_orders_note", "orders", "note <> ''"); }),
        new("RT206", op => op.CreateForeignKey("fk_users_org", "users", "orgs", ["org_id"], ["id"]),
            op => { CreateOrders(op); op.CreateForeignKey("fk_orders_user", "orders", "users", ["user_id"], ["id"]); }),
        new("RT301", op => op.CreateIndex("ix_users_name", "users", ["name"]), op => op.CreateIndex("ix_users_name", "users", ["name"], concurrently: true)),
        new("RT302", op => op.DropIndex("ix_users_name", "users"), op => op.DropIndex("ix_users_name", "users", concurrently: true)),
        new("RT303", op => op.AlterColumn("users", "id", type: SqlType.Numeric(20), existingType: SqlType.BigInteger),
            op => op.AlterColumn("users", "name", type: SqlType.String(80), existingType: SqlType.String(40))),
        new("RT304", op => op.CreateCheckConstraint("ck_users_name", "users", "name <> ''"),
            op => op.CreateCheckConstraint("ck_users_name", "users", "name <> ''", notValid: true)),
        new("RT305", op => op.CreateUniqueConstraint("uq_users_name", "users", ["name"]),
            op => op.CreateIndex("ux_users_name", "users", ["name"], unique: true, concurrently: true)),
        new("RT306", op => op.AddColumn("users", new Column("token", SqlType.Guid, serverDefault: "gen_random_uuid()")),
            op => op.AddColumn("users", new Column("active", SqlType.Boolean, nullable: false, serverDefault: "true"))),
        new("RT307", op => op.AddColumn("users", new Column("email", SqlType.String(80))),
            op =>
            {
                op.Execute("SET lock_timeout = '5s'", dialect: "postgresql");
                op.Execute("SET SESSION lock_wait_timeout = 5", dialect: "mysql");
                op.AddColumn("users", new Column("email", SqlType.String(80)));
            }),
        new("RT308", op => op.AlterColumn("users", "name", type: SqlType.String(100), existingType: SqlType.String(40)),
            op => op.AlterColumn("users", "name", type: SqlType.String(60), existingType: SqlType.String(40))),
        new("RT309", op => op.BatchAlterTable("users", b => b.AlterColumn("name", type: SqlType.String(80), existingType: SqlType.String(40))),
            op => op.AddColumn("users", new Column("email", SqlType.String(80)))),
        new("RT401", op => op.AlterColumn("users", "name", newName: "full_name"), op => op.AlterColumn("users", "name", newName: "full_name"), SafeIsPostDeploy: true),
        new("RT402", op => op.RenameTable("users", "people"), op => op.RenameTable("users", "people"), SafeIsPostDeploy: true),
        new("RT403", op => op.DropColumn("users", "name"), op => op.DropColumn("users", "name"), SafeIsPostDeploy: true),
        new("RT501", op => op.AddColumn("users", new Column(new string('n', 70), SqlType.Text)), op => op.AddColumn("users", new Column(new string('n', 60), SqlType.Text))),
        new("RT502", op => op.CreateTable("tags", new Column("id", SqlType.Integer, primaryKey: true)),
            op => op.CreateTable("tags", new Column("id", SqlType.BigInteger, primaryKey: true))),
        new("RT503", op => op.AddColumn("users", new Column("seen", SqlType.DateTime)), op => op.AddColumn("users", new Column("seen", SqlType.DateTimeOffset))),
        new("RT504", op => op.AddColumn("users", new Column("country", SqlType.Char(2))), op => op.AddColumn("users", new Column("country", SqlType.String(2)))),
        new("RT901", op => op.DropColumn("users", "name").Lint("RT102"), op => op.DropColumn("users", "name").Lint("RT102", "copied in r41")),
        new("RT902", op => op.AddColumn("users", new Column("email", SqlType.String(80))).Lint("RT102", "stale"),
            op => op.DropColumn("users", "name").Lint("RT102", "copied in r41")),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_fires_on_its_case_where_it_applies_and_not_on_its_safe_variant(Case @case)
    {
        var rule = LintRules.Find(@case.Code)!;
        foreach (var database in Databases)
        {
            var dialect = Dialect.ForName(database);
            var applies = rule.AppliesTo(dialect.Id);
            Assert.True(applies == Codes(@case.Fires, dialect, postDeploy: false).Contains(@case.Code),
                $"{@case.Code} on {database}: expected it {(applies ? "to fire" : "not to fire")} on its case");
            Assert.DoesNotContain(@case.Code, Codes(@case.Safe, dialect, @case.SafeIsPostDeploy));
        }
    }

    [Fact]
    public void Every_rule_has_a_case()
    {
        Assert.Equal(LintRules.Every.Select(r => r.Code), Cases.Cast<object[]>().Select(row => ((Case)row[0]).Code));
        Assert.Equal(LintRules.Every.Count, LintRules.Every.Select(r => r.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("10.0", true)]
    [InlineData("11.0", false)]
    public void A_constant_default_rewrites_the_table_only_before_PostgreSQL_11(string version, bool fires)
    {
        var findings = Lint(op => op.AddColumn("users", new Column("active", SqlType.Boolean, nullable: false, serverDefault: "true")),
            new LintTarget(Dialect.ForName("postgresql"), Version.Parse(version)));
        Assert.Equal(fires, findings.Any(f => f.Rule.Code == "RT306"));
    }

    [Fact]
    public void SQLite_rebuilds_a_table_once_for_a_run_of_changes_when_it_batches_them_itself()
    {
        var findings = Lint(op =>
        {
            op.AlterColumn("users", "name", type: SqlType.String(80), existingType: SqlType.String(40));
            op.AlterColumn("users", "name", nullable: false, existingNullable: true);
            op.AddColumn("users", new Column("email", SqlType.String(80)));
            op.AlterColumn("users", "email", nullable: false, existingNullable: true);
        }, new LintTarget(Dialect.ForName("sqlite"), AutoBatch: true));

        Assert.Equal(["rebuilds users (every row copied)", "rebuilds users (every row copied)"],
            findings.Where(f => f.Rule.Code == "RT309").Select(f => f.Message));
    }

    [Fact]
    public void A_suppression_silences_only_its_operation_and_says_why()
    {
        var findings = Lint(op =>
        {
            op.DropColumn("users", "name").Lint("RT102", "copied to full_name in r41");
            op.DropColumn("users", "org_id");
        }, new LintTarget(Dialect.ForName("postgresql")));

        var drops = findings.Where(f => f.Rule.Code == "RT102").ToList();
        Assert.Equal(["copied to full_name in r41", null], drops.Select(f => f.SuppressedBecause));
        Assert.DoesNotContain(findings, f => f.Rule.Code is "RT901" or "RT902");
    }

    [Fact]
    public void A_revision_suppression_covers_the_revision_and_is_reported_when_it_matches_nothing()
    {
        var operations = new List<MigrationOperation>();
        new Operations(operations.Add).CreateIndex("ix_users_name", "users", ["name"]);
        var input = new LintInput("r1", false, operations, [], [new LintSuppression("RT301", "nightly table"), new LintSuppression("RT206", "stale")]);

        var findings = Linter.Lint(input, new LintTarget(Dialect.ForName("postgresql")));

        Assert.Equal("nightly table", Assert.Single(findings, f => f.Rule.Code == "RT301").SuppressedBecause);
        Assert.Equal("RT206 is suppressed on the revision, but nothing there fires it", Assert.Single(findings, f => f.Rule.Code == "RT902").Message);
    }

    [Theory]
    [InlineData("15.4 (Debian 15.4-1.pgdg120+1)", 15, 4)]
    [InlineData("10.11.6-MariaDB-0+deb12u1", 10, 11)]
    [InlineData("8.0.36", 8, 0)]
    public void Server_versions_are_read_from_the_servers_own_words(string text, int major, int minor) =>
        Assert.Equal(new Version(major, minor), LintTarget.ParseVersion(text));

    [Fact]
    public void Explain_tells_what_goes_wrong_and_the_safe_way_and_an_unknown_code_is_one_clear_error()
    {
        var text = CommandText.Explain("rt301");
        Assert.Equal("RT301 index-not-concurrent (locking, warning, postgresql)", text[0]);
        Assert.Contains(text, line => line.StartsWith("Instead: op.CreateIndex(…, concurrently: true)", StringComparison.Ordinal));
        Assert.Equal(LintRules.Every.Count, CommandText.Explain(null).Count);
        var error = Assert.Throws<RetortException>(() => CommandText.Explain("RT777"));
        Assert.StartsWith("lint has no rule 'RT777'", error.Message);
    }

    [Fact]
    public void FailOn_takes_categories_and_codes_and_refuses_a_typo()
    {
        LintReport.CheckFailOn(["destructive", "RT301", "Locking"]);
        var error = Assert.Throws<RetortException>(() => LintReport.CheckFailOn(["destrucive"]));
        Assert.StartsWith("retort.json: lint.failOn: 'destrucive' is neither a lint category", error.Message);
    }

    private static void CreateOrders(Operations op) =>
        op.CreateTable("orders", new Column("id", SqlType.BigInteger, primaryKey: true), new Column("user_id", SqlType.BigInteger), new Column("note", SqlType.String(40)));

    private static List<string> Codes(Action<Operations> upgrade, Dialect dialect, bool postDeploy) =>
        Lint(upgrade, new LintTarget(dialect), postDeploy).Where(f => !f.Suppressed).Select(f => f.Rule.Code).ToList();

    private static IReadOnlyList<LintFinding> Lint(Action<Operations> upgrade, LintTarget target, bool postDeploy = false)
    {
        var operations = new List<MigrationOperation>();
        var suppressions = new List<(MigrationOperation, LintSuppression)>();
        upgrade(new Operations(operations.Add, target.Dialect.Name, target.Dialect.Literal, (o, s) => suppressions.Add((o, s)), null));
        return Linter.Lint(new LintInput("r1", postDeploy, operations, suppressions, []), target);
    }
}
