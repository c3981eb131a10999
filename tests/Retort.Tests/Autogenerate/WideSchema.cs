using Retort.Dialects;

namespace Retort.Tests.Autogenerate;

/// <summary>
/// A wanted schema of 32 tables and two views with every column type, every constraint kind and the defaults
/// databases like to echo differently, shaped to what each database accepts (no deferrable keys or expression
/// indexes on MariaDB, no foreign-key cycles on SQLite, which cannot add a constraint to a table).
/// </summary>
internal static class WideSchema
{
    public static DatabaseSchema For(Dialect dialect)
    {
        var db = new Traits(dialect.Name);
        List<Table> tables =
        [
            Accounts(db), Users(db), Orders(db), Products(db), OrderItems(), Categories(), ProductCategories(), Settings(db), Documents(db), Events(db),
        ];
        if (db.Cycles)
            tables.AddRange(Teams());
        for (var i = 1; i <= 22 - (db.Cycles ? 2 : 0); i++)
            tables.Add(Generic(i, db));
        return new DatabaseSchema(tables,
        [
            new View(new TableName("rich_accounts"), "SELECT id, name FROM accounts WHERE score > 10"),
            new View(new TableName("user_accounts"), "SELECT u.id, a.name FROM users u JOIN accounts a ON a.id = u.account_id"),
        ]);
    }

    /// <summary>What the database allows, for the schema's shape.</summary>
    private sealed record Traits(string Name)
    {
        public bool MySql => Name is "mysql" or "mariadb";
        public bool Deferrable => !MySql;
        public bool SetDefault => !MySql;
        public bool Expressions => Name != "mariadb";
        public bool Cycles => Name != "sqlite";
        public string Now => MySql ? "CURRENT_TIMESTAMP(6)" : "CURRENT_TIMESTAMP";
    }

    private static Table Table(string name, IEnumerable<TableElement> elements, string? comment = null, params TableIndex[] indexes) =>
        new(new TableName(name), elements, indexes, comment);

    private static Table Accounts(Traits db) => Table("accounts",
    [
        new Column("id", SqlType.Integer, primaryKey: true, identity: true),
        new Column("name", SqlType.String(100), nullable: false, comment: "shown to people"),
        new Column("code", SqlType.Char(8), nullable: false),
        new Column("active", SqlType.Boolean, nullable: false, serverDefault: "TRUE"),
        new Column("score", SqlType.Integer, nullable: false, serverDefault: "0"),
        new Column("created", SqlType.DateTime, nullable: false, serverDefault: db.Now),
        new UniqueConstraint("uq_accounts_name", "name"),
        new CheckConstraint("ck_accounts_score", "score >= 0"),
    ], "Customers and their settings", new TableIndex("ix_accounts_code", "accounts", ["code"], unique: true));

    private static Table Users(Traits db) => Table("users",
    [
        new Column("id", SqlType.BigInteger, primaryKey: true, identity: true),
        new Column("account_id", SqlType.Integer, nullable: false),
        new Column("email", SqlType.String(200), nullable: false),
        new Column("display", SqlType.String(50), serverDefault: "'anon'"),
        new Column("quote", SqlType.String(50), serverDefault: "'it''s'"),
        new Column("empty", SqlType.String(10), nullable: false, serverDefault: "''"),
        new Column("level", SqlType.SmallInteger, serverDefault: "-1"),
        new Column("balance", SqlType.Numeric(12, 2), nullable: false, serverDefault: "0"),
        new Column("ratio", SqlType.Float),
        new Column("weight", SqlType.Double, serverDefault: "1.5"),
        new Column("born", SqlType.Date, serverDefault: "'2000-01-01'"),
        new Column("wakes", SqlType.Time),
        new Column("seen", SqlType.DateTimeOffset),
        new Column("kind", SqlType.Enum("user_kind", "admin", "member"), nullable: false, serverDefault: "'member'"),
        new Column("bio", SqlType.Text, comment: "free text"),
        new ForeignKey("fk_users_account", ["account_id"], "accounts", ["id"], onDelete: "CASCADE"),
    ], indexes: [new TableIndex("ix_users_email", "users", ["email"], unique: true), new TableIndex("ix_users_account_seen", "users", ["account_id", "seen"])]);

    private static Table Orders(Traits db) => Table("orders",
    [
        new Column("id", SqlType.BigInteger, primaryKey: true, identity: true),
        new Column("user_id", SqlType.BigInteger, nullable: false),
        new Column("status", SqlType.String(20), nullable: false, serverDefault: "'new'"),
        new Column("total", SqlType.Numeric(10, 2), nullable: false, serverDefault: "0.00"),
        new Column("placed", SqlType.DateTime, nullable: false, serverDefault: db.Now),
        new Column("shipped", SqlType.DateTime),
        new ForeignKey("fk_orders_user", ["user_id"], "users", ["id"], onDelete: "RESTRICT", onUpdate: "CASCADE"),
        new CheckConstraint("ck_orders_total", "total >= 0"),
    ], indexes: [new TableIndex("ix_orders_user_id", "orders", ["user_id"]), new TableIndex("ix_orders_shipped", "orders", ["shipped"], where: "shipped IS NOT NULL")]);

    private static Table Products(Traits db) => Table("products",
    [
        new Column("id", SqlType.Integer, primaryKey: true),
        new Column("sku", SqlType.String(40), nullable: false),
        new Column("title", SqlType.String(200), nullable: false),
        new Column("price", SqlType.Numeric(8, 3), serverDefault: "1.50"),
        new Column("plain_numeric", SqlType.Numeric()),
        new Column("precise", SqlType.Numeric(10)),
        .. RawColumns(db),
        new UniqueConstraint("uq_products_sku", "sku"),
    ], "Things we sell", db.Expressions ? [new TableIndex("ix_products_title_lower", "products", ["(lower(title))"])] : []);

    // Each database's own type names, which its catalog may spell otherwise.
    private static IEnumerable<Column> RawColumns(Traits db) => db.Name switch
    {
        "sqlite" => [new("raw_int", SqlType.Raw("INT")), new("raw_text", SqlType.Raw("NVARCHAR(40)")), new("raw_real", SqlType.Raw("REAL"))],
        "postgresql" => [new("raw_int", SqlType.Raw("int4")), new("raw_text", SqlType.Raw("varchar(40)")), new("raw_stamp", SqlType.Raw("timestamptz")),
            new("raw_array", SqlType.Raw("text[]")), new("raw_inet", SqlType.Raw("inet")), new("raw_numeric", SqlType.Raw("decimal(8)"))],
        _ => [new("raw_int", SqlType.Raw("int(11)")), new("raw_text", SqlType.Raw("MEDIUMTEXT")), new("raw_tiny", SqlType.Raw("TINYINT UNSIGNED")),
            new("raw_decimal", SqlType.Raw("DECIMAL")), new("raw_bool", SqlType.Raw("BOOLEAN"))],
    };

    private static Table OrderItems() => Table("order_items",
    [
        new Column("order_id", SqlType.BigInteger, primaryKey: true),
        new Column("line_no", SqlType.Integer, primaryKey: true),
        new Column("product_id", SqlType.Integer, nullable: false),
        new Column("quantity", SqlType.Integer, nullable: false, serverDefault: "1"),
        new PrimaryKey("pk_order_items", "order_id", "line_no"),
        new ForeignKey("fk_order_items_order", ["order_id"], "orders", ["id"], onDelete: "CASCADE"),
        new ForeignKey("fk_order_items_product", ["product_id"], "products", ["id"]),
        new CheckConstraint("ck_order_items_quantity", "quantity > 0"),
    ], indexes: new TableIndex("ix_order_items_product", "order_items", ["product_id", "quantity"]));

    private static Table Categories() => Table("categories",
    [
        new Column("id", SqlType.Integer, primaryKey: true),
        new Column("parent_id", SqlType.Integer),
        new Column("slug", SqlType.String(60), nullable: false),
        new Column("position", SqlType.Integer, nullable: false, serverDefault: "0"),
        new ForeignKey("fk_categories_parent", ["parent_id"], "categories", ["id"], onDelete: "SET NULL"),
        new UniqueConstraint("uq_categories_parent_slug", "parent_id", "slug"),
    ]);

    private static Table ProductCategories() => Table("product_categories",
    [
        new Column("product_id", SqlType.Integer, primaryKey: true),
        new Column("category_id", SqlType.Integer, primaryKey: true),
        new ForeignKey("fk_product_categories_product", ["product_id"], "products", ["id"], onDelete: "CASCADE"),
        new ForeignKey("fk_product_categories_category", ["category_id"], "categories", ["id"], onDelete: "CASCADE", onUpdate: "CASCADE"),
    ]);

    private static Table Settings(Traits db) => Table("settings",
    [
        new Column("name", SqlType.String(64), primaryKey: true),
        new Column("enabled", SqlType.Boolean, nullable: false, serverDefault: "FALSE"),
        new Column("retries", SqlType.SmallInteger, nullable: false, serverDefault: "3"),
        new Column("factor", SqlType.Double, nullable: false, serverDefault: "0.25"),
        new Column("label", SqlType.String(30), serverDefault: db.Name == "postgresql" ? "lower('ABC')" : "'abc'"),
        new Column("updated", SqlType.DateTimeOffset, serverDefault: db.Now),
    ], "Key and value");

    private static Table Documents(Traits db) => Table("documents",
    [
        new Column("id", SqlType.Guid, primaryKey: true),
        new Column("owner_id", SqlType.BigInteger),
        new Column("hash", SqlType.Binary(16), nullable: false),
        new Column("body", SqlType.Binary()),
        new Column("meta", SqlType.Json),
        new Column("title", SqlType.String(120), nullable: false, comment: "as the author wrote it"),
        new ForeignKey("fk_documents_owner", ["owner_id"], "users", ["id"], onDelete: "SET NULL"),
        new UniqueConstraint("uq_documents_hash", "hash"),
    ]);

    private static Table Events(Traits db) => Table("events",
    [
        new Column("id", SqlType.BigInteger, primaryKey: true, identity: true),
        new Column("document_id", SqlType.Guid),
        new Column("happened_on", SqlType.Date, nullable: false),
        new Column("happened_at", SqlType.Time, nullable: false),
        new Column("category_id", SqlType.Integer, serverDefault: db.SetDefault ? "1" : null),
        new ForeignKey("fk_events_document", ["document_id"], "documents", ["id"], deferrable: db.Deferrable, initiallyDeferred: db.Deferrable),
        new ForeignKey("fk_events_category", ["category_id"], "categories", ["id"], onDelete: db.SetDefault ? "SET DEFAULT" : "NO ACTION"),
    ], indexes: new TableIndex("ix_events_when", "events", ["happened_on", "happened_at"]));

    // A foreign-key cycle: teams name a captain among members, members belong to teams.
    private static Table[] Teams() =>
    [
        Table("teams",
        [
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("captain_id", SqlType.Integer),
            new ForeignKey("fk_teams_captain", ["captain_id"], "members", ["id"], onDelete: "SET NULL"),
        ]),
        Table("members",
        [
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("team_id", SqlType.Integer, nullable: false),
            new ForeignKey("fk_members_team", ["team_id"], "teams", ["id"]),
        ]),
    ];

    private static readonly string?[] Actions = [null, "CASCADE", "SET NULL", "RESTRICT"];

    // Plain tables in a chain, each referring to the one before.
    private static Table Generic(int i, Traits db)
    {
        var name = $"t{i:00}";
        List<TableElement> elements =
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: i % 2 == 0),
            new Column("parent_id", SqlType.Integer),
            new Column("code", SqlType.String(20 + i), nullable: false),
            new Column("amount", SqlType.Numeric(10, 2), nullable: false, serverDefault: "0"),
            new Column("flag", SqlType.Boolean, nullable: false, serverDefault: "FALSE"),
            new Column("created", SqlType.DateTime),
            new Column("note", SqlType.Text),
            new UniqueConstraint($"uq_{name}_code", "code"),
            new CheckConstraint($"ck_{name}_amount", "amount >= 0"),
        ];
        if (i > 1)
            elements.Add(new ForeignKey($"fk_{name}_parent", ["parent_id"], $"t{i - 1:00}", ["id"], onDelete: Actions[i % Actions.Length]));
        return Table(name, elements, i % 3 == 0 ? $"Generic table {i}" : null, new TableIndex($"ix_{name}_parent", name, ["parent_id"]));
    }
}
