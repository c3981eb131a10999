using Retort.Ops;

namespace Retort.Tests.Dialects;

/// <summary>One or more instances of every operation record, shared by the dialect tests.</summary>
internal static class OperationSamples
{
    public static readonly TableName Users = new("users");

    public static Table UsersTable() => new(Users,
    [
        new Column("id", SqlType.Integer, primaryKey: true, identity: true),
        new Column("name", SqlType.String(50), nullable: false, serverDefault: "'x'", comment: "display name"),
        new Column("email", SqlType.String(120)),
        new UniqueConstraint("uq_users_email", "email"),
        new CheckConstraint("ck_users_name", "name <> ''"),
    ], comment: "people");

    public static IReadOnlyList<MigrationOperation> All() =>
    [
        new CreateTableOperation(UsersTable()),
        new DropTableOperation(Users, UsersTable()),
        new RenameTableOperation(Users, "people"),
        new TableCommentOperation(Users, "people", null),
        new AddColumnOperation(Users, new Column("address", SqlType.String(250))),
        new DropColumnOperation(Users, "address", new Column("address", SqlType.String(250))),
        new AlterColumnOperation(Users, "name") { Type = SqlType.String(100), ExistingType = SqlType.String(50), ExistingNullable = false },
        new AlterColumnOperation(Users, "name") { Nullable = true, ExistingType = SqlType.String(50), ExistingNullable = false },
        new AlterColumnOperation(Users, "name") { ServerDefault = new Change<string?>("'y'"), ExistingType = SqlType.String(50) },
        new AlterColumnOperation(Users, "name") { NewName = "full_name", ExistingType = SqlType.String(50), ExistingNullable = false },
        new AlterColumnOperation(Users, "name") { Comment = new Change<string?>("shown"), ExistingType = SqlType.String(50) },
        new CreateIndexOperation(new TableIndex("ix_users_email", "users", ["email"], unique: true)),
        new CreateIndexOperation(new TableIndex("ix_users_name", "users", ["name"], where: "name IS NOT NULL")),
        new CreateIndexOperation(new TableIndex("ix_users_email_c", "users", ["email"]), Concurrently: true),
        new DropIndexOperation("ix_users_email", Users),
        new AddConstraintOperation(Users, new UniqueConstraint("uq_users_name", "name")),
        new AddConstraintOperation(Users, new CheckConstraint("ck_users_id", "id > 0")),
        new AddConstraintOperation(Users, new ForeignKey("fk_users_parent", ["parent_id"], "users", ["id"], onDelete: "CASCADE")),
        new AddConstraintOperation(Users, new PrimaryKey("pk_users", "id")),
        new DropConstraintOperation(Users, "uq_users_name", ConstraintKind.Unique),
        new DropConstraintOperation(Users, "fk_users_parent", ConstraintKind.ForeignKey),
        new DropConstraintOperation(Users, "pk_users", ConstraintKind.PrimaryKey),
        new DropConstraintOperation(Users, "ck_users_id", ConstraintKind.Check),
        new CreateObjectOperation(ObjectKind.View, new TableName("active_users"), "SELECT id FROM users"),
        new ReplaceObjectOperation(ObjectKind.View, new TableName("active_users"), "SELECT id, name FROM users"),
        new DropObjectOperation(ObjectKind.View, new TableName("active_users")),
        new CreateObjectOperation(ObjectKind.Function, new TableName("add_one"), "(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$"),
        new ReplaceObjectOperation(ObjectKind.Function, new TableName("add_one"), "(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 2 $$"),
        new DropObjectOperation(ObjectKind.Function, new TableName("add_one")),
        new CreateObjectOperation(ObjectKind.Procedure, new TableName("archive"), "() LANGUAGE sql AS $$ DELETE FROM users $$"),
        new ReplaceObjectOperation(ObjectKind.Procedure, new TableName("archive"), "() LANGUAGE sql AS $$ DELETE FROM users WHERE id > 0 $$"),
        new DropObjectOperation(ObjectKind.Procedure, new TableName("archive")),
        new ExecuteSqlOperation("UPDATE users SET name = 'x'"),
        new BulkInsertOperation(Users, ["id", "name"], [[1, "a"], [2, "O'Brien"]]),
        // An enum column created, added and dropped (PostgreSQL creates and drops a type), a type change with
        // PostgreSQL's USING conversion, and a concurrent drop of an index.
        new CreateTableOperation(MoodsTable()),
        new DropTableOperation(new TableName("moods"), MoodsTable()),
        new AddColumnOperation(Users, new Column("mood", Mood)),
        new AlterColumnOperation(Users, "name") { Type = SqlType.Integer, ExistingType = SqlType.String(50), Using = "length(name)" },
        new DropIndexOperation("ix_users_email_c", Users, Concurrently: true),
        // A batch: SQLite rebuilds users from copyFrom, the others alter in place; without copyFrom SQLite cannot
        // rebuild offline.
        new BatchAlterTableOperation(Users,
        [
            new AlterColumnOperation(Users, "name") { Type = SqlType.Text, ExistingType = SqlType.String(50), ExistingNullable = false },
            new AddColumnOperation(Users, new Column("address", SqlType.String(250))),
            new CreateIndexOperation(new TableIndex("ix_users_address", "users", ["address"])),
            new AddConstraintOperation(Users, new CheckConstraint("ck_users_email", "email LIKE '%@%'")),
        ], CopyFrom: UsersTable()),
        new BatchAlterTableOperation(Users, [new DropColumnOperation(Users, "email")]),
        // A descending key part; sequences, plain and with every attribute, changed in place, dropped.
        new CreateIndexOperation(new TableIndex("ix_users_name_id", "users", ["name", "id"], descending: [false, true])),
        new CreateSequenceOperation(new Sequence("order_numbers", start: 1000, increment: 5)),
        new CreateSequenceOperation(new Sequence("tickets", start: 10, increment: -1, minValue: 1, maxValue: 10, cycle: true, type: SqlType.Integer)),
        new AlterSequenceOperation(new Sequence("order_numbers", start: 1000, increment: 10, maxValue: 99999), new Sequence("order_numbers", start: 1000, increment: 5)),
        new AlterSequenceOperation(new Sequence("order_numbers", start: 2000), new Sequence("order_numbers", start: 1000)),
        new DropSequenceOperation(new TableName("order_numbers")),
    ];

    public static readonly SqlType Mood = SqlType.Enum("mood", "sad", "ok", "happy");

    public static Table MoodsTable() => new(new TableName("moods"),
    [
        new Column("id", SqlType.Integer, primaryKey: true),
        new Column("mood", Mood, nullable: false, serverDefault: "'ok'"),
    ]);
}
