using Retort.Dialects;
using Retort.Ops;

namespace Retort.Tests.Autogenerate;

/// <summary>
/// One change to the wide schema per kind, and the operations it must yield against the live database
/// (written as <c>Type table.subject</c>); a change the database cannot keep (a comment on SQLite) yields none.
/// </summary>
internal static class SingleChanges
{
    public sealed record Case(Func<DatabaseSchema, DatabaseSchema> Change, Func<Dialect, string[]> Expected);

    private static Case One(Func<DatabaseSchema, DatabaseSchema> change, params string[] expected) => new(change, _ => expected);

    public static IReadOnlyDictionary<string, Case> All { get; } = new Dictionary<string, Case>
    {
        ["add table"] = One(s => s with { Tables = [.. s.Tables, new Table(new TableName("coupons"), [new Column("id", SqlType.Integer, primaryKey: true), new Column("code", SqlType.String(20), nullable: false)])] },
            "CreateTableOperation coupons"),
        ["drop table"] = One(s => s with { Tables = s.Tables.Where(t => t.Name.Name != "settings").ToList() }, "DropTableOperation settings"),
        ["rename table"] = One(s => Table(s, "settings", t => t with { Name = new TableName("preferences"), RenamedFrom = ["settings"] }), "RenameTableOperation settings"),
        ["add column"] = One(s => Table(s, "users", t => t with { Columns = [.. t.Columns, new Column("nickname", SqlType.String(30))] }), "AddColumnOperation users.nickname"),
        ["drop column"] = One(s => Table(s, "users", t => t with { Columns = t.Columns.Where(c => c.Name != "quote").ToList() }), "DropColumnOperation users.quote"),
        ["rename column"] = One(s => Column(s, "users", "display", c => c with { Name = "screen_name", RenamedFrom = ["display"] }), "AlterColumnOperation users.display->screen_name"),
        // SQLite stores text by affinity, whatever length or values are declared: not worth a rebuild.
        ["column type"] = new(s => Column(s, "users", "display", c => c with { Type = SqlType.String(80) }), d => d.Name == "sqlite" ? [] : ["AlterColumnOperation users.display"]),
        ["enum values"] = new(s => Column(s, "users", "kind", c => c with { Type = SqlType.Enum("user_role", "admin", "member", "superuser") }),
            d => d.Name == "sqlite" ? [] : ["AlterColumnOperation users.kind"]),
        ["column type of another affinity"] = One(s => Column(s, "users", "ratio", c => c with { Type = SqlType.Numeric(10, 4) }), "AlterColumnOperation users.ratio"),
        ["nullability"] = One(s => Column(s, "users", "bio", c => c with { Nullable = false }), "AlterColumnOperation users.bio"),
        ["server default"] = One(s => Column(s, "users", "display", c => c with { ServerDefault = "'nobody'" }), "AlterColumnOperation users.display"),
        ["dropped server default"] = One(s => Column(s, "orders", "status", c => c with { ServerDefault = null }), "AlterColumnOperation orders.status"),
        ["column comment"] = new(s => Column(s, "accounts", "name", c => c with { Comment = "the name people see" }),
            d => d.Echo.KeepsComments ? ["AlterColumnOperation accounts.name"] : []),
        ["table comment"] = new(s => Table(s, "products", t => t with { Comment = "What we sell" }), d => d.Echo.KeepsComments ? ["TableCommentOperation products"] : []),
        ["add index"] = One(s => Table(s, "orders", t => t with { Indexes = [.. t.Indexes, new TableIndex("ix_orders_status", "orders", ["status"])] }), "CreateIndexOperation orders.ix_orders_status"),
        ["add expression index"] = One(s => Table(s, "products", t => t with { Indexes = [.. t.Indexes, new TableIndex("ix_products_sku_upper", "products", ["(upper(sku))"])] }),
            "CreateIndexOperation products.ix_products_sku_upper"),
        ["drop index"] = One(s => Table(s, "events", t => t with { Indexes = [] }), "DropIndexOperation events.ix_events_when"),
        ["unique index"] = One(s => Table(s, "events", t => t with { Indexes = [t.Indexes[0] with { Unique = true }] }),
            "DropIndexOperation events.ix_events_when", "CreateIndexOperation events.ix_events_when"),
        ["partial index condition"] = new(s => Table(s, "orders", t => t with { Indexes = t.Indexes.Select(i => i.Where is null ? i : i with { Where = "shipped > '2020-01-01'" }).ToList() }),
            d => d.Echo.HasPartialIndexes ? ["DropIndexOperation orders.ix_orders_shipped", "CreateIndexOperation orders.ix_orders_shipped"] : []),
        ["add unique"] = One(s => Table(s, "orders", t => t with { Constraints = [.. t.Constraints, new UniqueConstraint("uq_orders_user_status", "user_id", "status")] }),
            "AddConstraintOperation orders.uq_orders_user_status"),
        ["drop unique"] = One(s => Table(s, "documents", t => t with { Constraints = t.Constraints.Where(c => c.Name != "uq_documents_hash").ToList() }),
            "DropConstraintOperation documents.uq_documents_hash"),
        ["add foreign key"] = One(s => Table(s, "t01", t => t with { Constraints = [.. t.Constraints, new ForeignKey("fk_t01_parent", ["parent_id"], "accounts", ["id"])] }),
            "AddConstraintOperation t01.fk_t01_parent"),
        // MySQL keeps the index it made for the key; it goes with the key.
        ["drop foreign key"] = new(s => Table(s, "documents", t => t with { Constraints = t.Constraints.Where(c => c.Name != "fk_documents_owner").ToList() }),
            d => d.Echo.IndexesForeignKeys
                ? ["DropConstraintOperation documents.fk_documents_owner", "DropIndexOperation documents.fk_documents_owner"]
                : ["DropConstraintOperation documents.fk_documents_owner"]),
        ["foreign key action"] = One(s => Table(s, "orders", t => t with { Constraints = t.Constraints.Select(c => c is ForeignKey k ? k with { OnDelete = "CASCADE" } : c).ToList() }),
            "DropConstraintOperation orders.fk_orders_user", "AddConstraintOperation orders.fk_orders_user"),
        ["add check"] = One(s => Table(s, "users", t => t with { Constraints = [.. t.Constraints, new CheckConstraint("ck_users_level", "level >= -1")] }),
            "AddConstraintOperation users.ck_users_level"),
        ["drop check"] = One(s => Table(s, "orders", t => t with { Constraints = t.Constraints.Where(c => c is not CheckConstraint).ToList() }),
            "DropConstraintOperation orders.ck_orders_total"),
        ["add view"] = One(s => s with { Views = [.. s.Views, new View(new TableName("recent_orders"), "SELECT id, placed FROM orders")] }, "CreateObjectOperation recent_orders"),
        ["drop view"] = One(s => s with { Views = s.Views.Where(v => v.Name.Name != "rich_accounts").ToList() }, "DropObjectOperation rich_accounts"),
        ["replace view"] = One(s => s with { Views = s.Views.Select(v => v.Name.Name == "rich_accounts" ? v with { Definition = "SELECT id, name FROM accounts WHERE score > 20" } : v).ToList() },
            "ReplaceObjectOperation rich_accounts"),
    };

    public static string Describe(MigrationOperation operation) => operation.GetType().Name + " " + operation switch
    {
        CreateTableOperation o => o.Table.Name.Name,
        DropTableOperation o => o.Table.Name,
        RenameTableOperation o => o.Table.Name,
        TableCommentOperation o => o.Table.Name,
        AddColumnOperation o => $"{o.Table.Name}.{o.Column.Name}",
        DropColumnOperation o => $"{o.Table.Name}.{o.Column}",
        AlterColumnOperation o => $"{o.Table.Name}.{o.Column}{(o.NewName is null ? "" : "->" + o.NewName)}",
        CreateIndexOperation o => $"{o.Index.Table.Name}.{o.Index.Name}",
        DropIndexOperation o => $"{o.Table.Name}.{o.Name}",
        AddConstraintOperation o => $"{o.Table.Name}.{o.Constraint.Name}",
        DropConstraintOperation o => $"{o.Table.Name}.{o.Name}",
        CreateObjectOperation o => o.Name.Name,
        DropObjectOperation o => o.Name.Name,
        ReplaceObjectOperation o => o.Name.Name,
        _ => "",
    };

    private static DatabaseSchema Table(DatabaseSchema schema, string name, Func<Table, Table> change) =>
        schema with { Tables = schema.Tables.Select(t => t.Name.Name == name ? change(t) : t).ToList() };

    private static DatabaseSchema Column(DatabaseSchema schema, string table, string column, Func<Column, Column> change) =>
        Table(schema, table, t => t with { Columns = t.Columns.Select(c => c.Name == column ? change(c) : c).ToList() });
}
