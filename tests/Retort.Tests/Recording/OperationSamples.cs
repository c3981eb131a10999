using Retort.Ops;

namespace Retort.Tests.Recording;

/// <summary>One of each operation record, with as many of its fields (and of the values inside it) set as can be.</summary>
internal static class OperationSamples
{
    private static readonly TableName Users = new("users", "app");

    private static Column Id => new("id", SqlType.BigInteger, nullable: false, identity: true, comment: "key");

    private static Column Name =>
        new Column("name", SqlType.String(80), nullable: true, serverDefault: "'x'", comment: "who", collation: "C") { RenamedFrom = ["full_name", "nm"] };

    private static Column Total => new("total", SqlType.Numeric(10, 2), computed: "price * 2", stored: true);

    private static Column Mood => new("mood", SqlType.Enum("mood", "sad", "ok"), serverDefault: "'ok'");

    private static Column OrgId => new("org_id", SqlType.Integer);

    private static CheckConstraint Check => new("ck_total", "total > 0") { Column = "total" };

    private static ForeignKey OrgKey => new("fk_org", ["org_id"], "orgs", ["id"], onDelete: "CASCADE", onUpdate: "SET NULL",
        deferrable: true, initiallyDeferred: true, referencedSchema: "core");

    private static TableIndex Index => new("ix_name", "users", ["name", "total"], unique: true, where: "total > 0", schema: "app",
        descending: [false, true]) { ImplicitName = true };

    private static Table UsersTable => new(Users,
        [Id, Name, Total, Mood, OrgId, new PrimaryKey("pk_users", "id") { ImplicitName = true }, new UniqueConstraint("uq_name", "name"), Check, OrgKey],
        [Index], comment: "people") { RenamedFrom = ["people"] };

    private static Sequence Numbers => new("numbers", start: 10, increment: 5, minValue: 1, maxValue: 1000, cycle: true, type: SqlType.BigInteger, schema: "app");

    private static AlterColumnOperation Alter => new(Users, "name")
    {
        Type = SqlType.String(120),
        Nullable = false,
        ServerDefault = new Change<string?>("'y'"),
        Comment = new Change<string?>(null),
        NewName = "title",
        ExistingType = SqlType.String(80),
        ExistingNullable = true,
        ExistingServerDefault = "'x'",
        ExistingServerDefaultKnown = true,
        ExistingComment = "who",
        ExistingCommentKnown = true,
        ExistingAutoincrement = false,
        ExistingColumn = Name,
        ExistingColumnChecks = ["length(name) > 0"],
        Using = "name::varchar(120)",
    };

    public static IReadOnlyList<MigrationOperation> All =>
    [
        new CreateTableOperation(UsersTable),
        new CreateTableOperation(new Table(new TableName("orgs"), [new Column("id", SqlType.Integer, primaryKey: true), new Column("at", SqlType.DateTime)])),
        new DropTableOperation(Users, UsersTable),
        new RenameTableOperation(Users, "members"),
        new TableCommentOperation(Users, "people", "old people"),
        new AddColumnOperation(Users, Name),
        new DropColumnOperation(Users, "name", Name),
        Alter,
        new AddConstraintOperation(Users, OrgKey) { NotValid = true },
        new DropConstraintOperation(Users, "ck_total", ConstraintKind.Check, Check) { RestatedColumn = Total },
        new ExecuteSqlOperation("UPDATE users SET name = 'x'", "postgresql"),
        new BulkInsertOperation(Users, ["id", "name", "total", "ratio", "flag", "none"],
            [[1, "a'b", 2.5m, 0.5d, true, null], [2L, "", -1m, 1e10, false, null]]),
        new CreateIndexOperation(Index, Concurrently: true),
        new DropIndexOperation("ix_name", Users, Index, Concurrently: true),
        new CreateObjectOperation(ObjectKind.Procedure, new TableName("v_users", "app"), "SELECT id FROM app.users"),
        new ReplaceObjectOperation(ObjectKind.Function, new TableName("f", "app"), "() RETURNS int AS $$ SELECT 2 $$ LANGUAGE sql",
            "abc123", "() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql"),
        new DropObjectOperation(ObjectKind.Procedure, new TableName("p", "app"), "() LANGUAGE sql AS $$ SELECT 1 $$"),
        new CreateSequenceOperation(Numbers),
        new DropSequenceOperation(Numbers.Name, Numbers),
        new AlterSequenceOperation(Numbers with { Increment = 7, MaxValue = null }, Numbers),
        new BatchAlterTableOperation(Users,
            [
                new AddColumnOperation(Users, new Column("extra", SqlType.Text)),
                new DropColumnOperation(Users, "mood", Mood),
                Alter,
                new CreateIndexOperation(new TableIndex("ix_total", "users", ["total"], schema: "app")),
                new AddConstraintOperation(Users, new CheckConstraint("ck_extra", "extra <> ''")),
                new DropConstraintOperation(Users, "uq_name", ConstraintKind.Unique, new UniqueConstraint("uq_name", "name")),
                new TableCommentOperation(Users, "batched", "people"),
            ],
            BatchMode.Always, UsersTable) { Triggers = ["CREATE TRIGGER t AFTER INSERT ON users BEGIN SELECT 1; END"] },
    ];
}
