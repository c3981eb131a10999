namespace Retort.Tests.Batch;

/// <summary>
/// One kind of change made through <c>op.BatchAlterTable</c>, run end to end on a live database whose tables hold rows:
/// revision <c>a1</c> builds teams ← users (which refers to itself) ← orders and fills them, revision <c>b1</c> is the
/// batch. <see cref="CheckUsers"/> states what the change must make of <c>users</c>; <see cref="Renamed"/> and
/// <see cref="Dropped"/> say how its columns map, so that every kept value is compared.
/// </summary>
internal sealed record BatchScenario(string Name, string Upgrade, string Downgrade, Action<Table> CheckUsers)
{
    /// <summary>Columns of users the batch renames: old name, new name.</summary>
    public IReadOnlyDictionary<string, string> Renamed { get; init; } = new Dictionary<string, string>();

    /// <summary>Columns of users the batch drops, whose values the downgrade cannot bring back.</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>Whether the downgrade leaves the column order as it was (a dropped column comes back last).</summary>
    public bool KeepsColumnOrder => Dropped.Count == 0;

    public static readonly string[] UsersColumns = ["id", "team_id", "boss_id", "name", "email", "age", "score", "note"];

    /// <summary>Revision a1: the three tables and their rows.</summary>
    public const string Schema = """
        op.CreateTable("teams", new Column("id", SqlType.Integer, primaryKey: true), new Column("name", SqlType.String(40), nullable: false));
        op.CreateTable("users",
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("team_id", SqlType.Integer),
            new Column("boss_id", SqlType.Integer),
            new Column("name", SqlType.String(50)),
            new Column("email", SqlType.String(120), nullable: false),
            new Column("age", SqlType.Integer),
            new Column("score", SqlType.Double),
            new Column("note", SqlType.Text),
            new UniqueConstraint("uq_users_email", "email"),
            new CheckConstraint("ck_users_age", "age >= 0"),
            new ForeignKey("fk_users_team", new[] { "team_id" }, "teams", new[] { "id" }),
            new ForeignKey("fk_users_boss", new[] { "boss_id" }, "users", new[] { "id" }));
        op.CreateIndex("ix_users_name", "users", new[] { "name" });
        op.CreateTable("orders",
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("user_id", SqlType.Integer, nullable: false),
            new Column("amount", SqlType.Numeric(10, 2)),
            new ForeignKey("fk_orders_user", new[] { "user_id" }, "users", new[] { "id" }, onDelete: "CASCADE"));
        op.CreateIndex("ix_orders_user", "orders", new[] { "user_id" });
        op.BulkInsert("teams", Enumerable.Range(1, 3).Select(i => new { id = i, name = "team " + i }));
        op.BulkInsert("users", Enumerable.Range(1, 120).Select(i => new
        {
            id = i, team_id = i % 3 + 1, boss_id = i > 10 ? (int?)(i % 10 + 1) : null,
            name = i % 7 == 0 ? null : "user ☃ " + i, email = "u" + i + "@example.org",
            age = i % 5 == 0 ? (int?)null : 20 + i % 50, score = i * 1.25, note = i % 2 == 0 ? "it's " + i : null,
        }));
        op.BulkInsert("orders", Enumerable.Range(1, 300).Select(i => new { id = i, user_id = i % 120 + 1, amount = i * 2.5m }));
        """;

    public const string DropSchema = """op.DropTable("orders"); op.DropTable("users"); op.DropTable("teams");""";

    public static IEnumerable<BatchScenario> All()
    {
        yield return new("types", """
            op.BatchAlterTable("users", b => {
                b.AlterColumn("name", type: SqlType.String(100), existingType: SqlType.String(50), existingNullable: true);
                b.AlterColumn("age", type: SqlType.BigInteger, existingType: SqlType.Integer, existingNullable: true); });
            """, """
            op.BatchAlterTable("users", b => {
                b.AlterColumn("age", type: SqlType.Integer, existingType: SqlType.BigInteger, existingNullable: true);
                b.AlterColumn("name", type: SqlType.String(50), existingType: SqlType.String(100), existingNullable: true); });
            """, users => Assert.Equal((SqlType.String(100), SqlType.BigInteger), (users.Column("name")!.Type, users.Column("age")!.Type)));

        yield return new("nullability", """
            op.BatchAlterTable("users", b => {
                b.AlterColumn("score", nullable: false, existingType: SqlType.Double, existingNullable: true);
                b.AlterColumn("email", nullable: true, existingType: SqlType.String(120), existingNullable: false); });
            """, """
            op.BatchAlterTable("users", b => {
                b.AlterColumn("email", nullable: false, existingType: SqlType.String(120), existingNullable: true);
                b.AlterColumn("score", nullable: true, existingType: SqlType.Double, existingNullable: false); });
            """, users => Assert.Equal((false, true), (users.Column("score")!.Nullable, users.Column("email")!.Nullable)));

        yield return new("defaults", """
            op.BatchAlterTable("users", b => {
                b.AlterColumn("age", serverDefault: "18", existingType: SqlType.Integer, existingNullable: true);
                b.AlterColumn("note", serverDefault: "'none'", existingType: SqlType.Text, existingNullable: true); });
            """, """
            op.BatchAlterTable("users", b => {
                b.AlterColumn("note", dropServerDefault: true, existingType: SqlType.Text, existingNullable: true);
                b.AlterColumn("age", dropServerDefault: true, existingType: SqlType.Integer, existingNullable: true); });
            """, users =>
            {
                Assert.Equal("18", users.Column("age")!.ServerDefault);
                Assert.StartsWith("'none'", users.Column("note")!.ServerDefault); // PostgreSQL reads it back as 'none'::text
            });

        // Renames of columns that an index, a unique constraint and foreign keys of this and other tables use; the
        // type change makes SQLite rebuild the table as well.
        yield return new("renames", """
            op.BatchAlterTable("users", b => {
                b.AlterColumn("id", newName: "uid", existingType: SqlType.Integer, existingNullable: false);
                b.AlterColumn("name", newName: "full_name", type: SqlType.String(80), existingType: SqlType.String(50), existingNullable: true);
                b.AlterColumn("email", newName: "mail", existingType: SqlType.String(120), existingNullable: false); });
            """, """
            op.BatchAlterTable("users", b => {
                b.AlterColumn("mail", newName: "email", existingType: SqlType.String(120), existingNullable: false);
                b.AlterColumn("full_name", newName: "name", type: SqlType.String(50), existingType: SqlType.String(80), existingNullable: true);
                b.AlterColumn("uid", newName: "id", existingType: SqlType.Integer, existingNullable: false); });
            """, users =>
            {
                Assert.Equal(["uid", "team_id", "boss_id", "full_name", "mail", "age", "score", "note"], users.Columns.Select(c => c.Name));
                Assert.Equal(["full_name"], Assert.Single(users.Indexes, i => i.Name == "ix_users_name").Columns);
                Assert.Equal(["mail"], users.Constraints.OfType<UniqueConstraint>().Single().Columns);
                var boss = users.Constraints.OfType<ForeignKey>().Single(k => k.ReferencedTable.Name == "users");
                Assert.Equal("boss_id -> uid", $"{string.Join(", ", boss.Columns)} -> {string.Join(", ", boss.ReferencedColumns)}");
            })
        {
            Renamed = new Dictionary<string, string> { ["id"] = "uid", ["name"] = "full_name", ["email"] = "mail" },
        };

        yield return new("dropped and added columns", """
            op.BatchAlterTable("users", b => {
                b.DropColumn("note", existing: new Column("note", SqlType.Text));
                b.AddColumn(new Column("level", SqlType.Integer, nullable: false, serverDefault: "1")); });
            """, """
            op.BatchAlterTable("users", b => {
                b.DropColumn("level", existing: new Column("level", SqlType.Integer, nullable: false, serverDefault: "1"));
                b.AddColumn(new Column("note", SqlType.Text)); });
            """, users =>
            {
                Assert.Null(users.Column("note"));
                Assert.Equal((false, "1"), (users.Column("level")!.Nullable, users.Column("level")!.ServerDefault));
            })
        {
            Dropped = ["note"],
        };

        yield return new("unique and check constraints", """
            op.BatchAlterTable("users", b => {
                b.CreateUniqueConstraint("uq_users_name_team", new[] { "name", "team_id" });
                b.CreateCheckConstraint("ck_users_score", "score >= 0");
                b.DropConstraint("ck_users_age", ConstraintKind.Check, existing: new CheckConstraint("ck_users_age", "age >= 0")); });
            """, """
            op.BatchAlterTable("users", b => {
                b.CreateCheckConstraint("ck_users_age", "age >= 0");
                b.DropConstraint("ck_users_score", ConstraintKind.Check);
                b.DropConstraint("uq_users_name_team", ConstraintKind.Unique); });
            """, users =>
            {
                Assert.Equal(["name", "team_id"], users.Constraints.OfType<UniqueConstraint>().Single(u => u.Name == "uq_users_name_team").Columns);
                Assert.Equal(["ck_users_score"], users.Constraints.OfType<CheckConstraint>().Select(c => c.Name));
            });

        yield return new("foreign keys", """
            op.BatchAlterTable("users", b => {
                b.DropConstraint("fk_users_team", ConstraintKind.ForeignKey);
                b.CreateForeignKey("fk_users_team_null", "teams", new[] { "team_id" }, new[] { "id" }, onDelete: "SET NULL"); });
            """, """
            op.BatchAlterTable("users", b => {
                b.DropConstraint("fk_users_team_null", ConstraintKind.ForeignKey);
                b.CreateForeignKey("fk_users_team", "teams", new[] { "team_id" }, new[] { "id" }); });
            """, users => Assert.Equal("SET NULL", users.Constraints.OfType<ForeignKey>().Single(k => k.Name == "fk_users_team_null").OnDelete));

        yield return new("a rebuild with nothing to change", """
            op.BatchAlterTable("users", b => { }, recreate: BatchMode.Always);
            """, """
            op.BatchAlterTable("users", b => { }, recreate: BatchMode.Always);
            """, users => Assert.Equal(UsersColumns, users.Columns.Select(c => c.Name)));
    }

    public static TheoryData<string> Names => new(All().Select(s => s.Name));

    public static BatchScenario Named(string name) => All().Single(s => s.Name == name);

    /// <summary>The columns of users to compare after the upgrade: before's names and after's.</summary>
    public IReadOnlyList<(string Before, string After)> KeptColumns =>
        UsersColumns.Where(c => !Dropped.Contains(c)).Select(c => (c, Renamed.GetValueOrDefault(c, c))).ToList();
}
