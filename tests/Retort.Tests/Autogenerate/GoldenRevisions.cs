using Retort.Autogenerate;
using Retort.Ops;
using static Retort.Tests.Autogenerate.Schemas;

namespace Retort.Tests.Autogenerate;

/// <summary>The diffs that the golden revision files hold, and the revision file around written operations.</summary>
internal static class GoldenRevisions
{
    public static IReadOnlyDictionary<string, Func<SchemaDiff>> All { get; } = new Dictionary<string, Func<SchemaDiff>>
    {
        ["initial_schema"] = () => Compare(Of([.. Shop().Tables, Tagged()]), Of()),
        ["every_change"] = () => Compare(EveryChangeWanted(), EveryChangeLive(), options: new CompareOptions { CompareServerDefault = true }),
        ["indexes_and_sequences"] = () => Compare(
            Shop().Replacing(Users().Without("ix_users_name").WithIndexes(new TableIndex("ix_users_name", "users", ["name", "id"], descending: [false, true])))
                with { Sequences = [new Sequence("order_numbers", start: 1000, increment: 10, type: SqlType.Integer), new Sequence("tickets", start: 10, increment: -1, minValue: 1, maxValue: 10, cycle: true, schema: "support")] },
            Shop() with { Sequences = [new Sequence("order_numbers", start: 1000, increment: 5, type: SqlType.Integer), new Sequence("legacy_ids", start: 500)] }),
        ["sqlite_rebuild"] = () => Compare(SqliteWanted(), SqliteLive(), Retort.Dialects.Dialect.ForName("sqlite"), new CompareOptions { CompareServerDefault = true }),
    };

    /// <summary>A revision file as autogenerate's template would give it, around the written operations.</summary>
    public static string Revision(string id, string className, SchemaDiff diff) => $$"""
        using Retort;

        namespace Migrations;

        /// <summary>{{className}}</summary>
        [Revision("{{id}}", CreateDate = "2026-11-26 19:30:00")]
        public sealed class {{className}} : Migration
        {
            public override void Upgrade(Operations op)
            {
        {{CSharpWriter.Operations(diff.Upgrade, "        ", diff.Notes).TrimEnd('\n')}}
            }

            public override void Downgrade(Operations op)
            {
        {{CSharpWriter.Operations(diff.Downgrade, "        ").TrimEnd('\n')}}
            }
        }

        """;

    public static string ClassName(string name) => string.Concat(name.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    // A table with a comment, a schema-less composite key, an enum, a check, a deferrable self-reference and odd text.
    private static Table Tagged() => new Table(new TableName("tags"), [
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("shop", SqlType.String(20), primaryKey: true),
            new Column("label", SqlType.String(30), nullable: false, serverDefault: "'it''s \"new\"'", comment: "shown\ton screen"),
            new Column("kind", SqlType.Enum("tag_kind", "plain", "hot")),
            new Column("parent_id", SqlType.Integer),
            new Column("parent_shop", SqlType.String(20)),
            new Column("weight", SqlType.Numeric(6, 3), serverDefault: "0"),
            new Column("data", SqlType.Raw("jsonb")),
            new CheckConstraint("ck_tags_label", "label <> ''"),
            new ForeignKey("fk_tags_parent", ["parent_id", "parent_shop"], "tags", ["id", "shop"], onDelete: "SET NULL", deferrable: true, initiallyDeferred: true),
        ], [new TableIndex("ix_tags_label_lower", "tags", ["(lower(label))"], unique: true, where: "label IS NOT NULL")],
        comment: "Labels, one per shop");

    // A table another tool made on SQLite: its constraints unnamed, its key the rowid. The model drops the foreign key and
    // the check, makes a column NOT NULL, drops a column nothing uses (in place) and adds a NOT NULL one without a default.
    private static DatabaseSchema SqliteLive() => Of(
        Table("customers", new Column("id", SqlType.Integer, primaryKey: true) { Identity = true, IdentityUnstated = true }),
        new Table(new TableName("orders"),
        [
            new Column("id", SqlType.Integer, primaryKey: true) { Identity = true, IdentityUnstated = true },
            new Column("customer_id", SqlType.Integer),
            new Column("code", SqlType.Raw("VARCHAR(20)")),
            new Column("qty", SqlType.Integer, serverDefault: "1"),
            new Column("note", SqlType.Text),
            new ForeignKey(null, ["customer_id"], "customers", ["id"], onDelete: "CASCADE"),
            new UniqueConstraint(null, "code"),
            new CheckConstraint(null, "qty > 0"),
        ], [new TableIndex("orders_customer", "orders", ["customer_id"])]));

    private static DatabaseSchema SqliteWanted() => Of(
        Table("customers", new Column("id", SqlType.Integer, primaryKey: true)),
        new Table(new TableName("orders"),
        [
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("customer_id", SqlType.Integer),
            new Column("code", SqlType.String(20), nullable: false),
            new Column("qty", SqlType.Integer, serverDefault: "1"),
            new Column("placed", SqlType.DateTime, nullable: false) { SuggestedDefault = () => "CURRENT_TIMESTAMP" },
            new UniqueConstraint("uq_orders_code", "code") { ImplicitName = true },
        ], [new TableIndex("ix_orders_customer_id", "orders", ["customer_id"]) { ImplicitName = true }]));

    private static DatabaseSchema EveryChangeLive()
    {
        var audit = Table("audit", new Column("id", SqlType.Integer, primaryKey: true), new Column("kind", SqlType.Enum("audit_kind", "a", "b")));
        var legacy = Table("legacy_users", new Column("id", SqlType.Integer, primaryKey: true));
        return Of(Users().With(new Column("nickname", SqlType.String(30)), new CheckConstraint("ck_users_name", "name <> ''")), Orders(), audit, legacy) with
        {
            Views = [new View(new TableName("big_orders"), "SELECT id FROM orders WHERE total > 100"), new View(new TableName("stale"), "SELECT 1")],
        };
    }

    private static DatabaseSchema EveryChangeWanted()
    {
        var users = Users().Without("nickname").Without("uq_users_email").Without("ix_users_name")
            .Replacing(new Column("name", SqlType.String(100), nullable: false))
            .Replacing(new Column("status", SqlType.String(20), nullable: false, serverDefault: "'active'", comment: "lifecycle"))
            .With(new Column("address", SqlType.String(250)), new Column("full_email", SqlType.String(120), nullable: false, comment: "login") { RenamedFrom = ["email"] },
                new UniqueConstraint("uq_users_name", "name"))
            .Without("email")
            .WithIndexes(new TableIndex("ix_users_name", "users", ["name", "status"]), new TableIndex("ix_users_email", "users", ["full_email"], unique: true)) with
        { Comment = "People who log in" };
        var orders = Orders().Without("fk_orders_user").Without("ck_orders_total")
            .With(new ForeignKey("fk_orders_user", ["user_id"], "users", ["id"], onDelete: "RESTRICT"), new CheckConstraint("ck_orders_positive", "total > 0"));
        var people = Table("people", new Column("id", SqlType.Integer, primaryKey: true)) with { RenamedFrom = ["legacy_users"] };
        return Of(users, orders, people) with
        {
            Views = [new View(new TableName("big_orders"), "SELECT id, total FROM orders WHERE total > 100"), new View(new TableName("fresh"), "SELECT 2")],
        };
    }
}
