using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Tests.Autogenerate;

/// <summary>Small schemas for comparer tests, and the comparison itself with its checks.</summary>
internal static class Schemas
{
    public static DatabaseSchema Of(params Table[] tables) => new(tables, []);

    public static Table Table(string name, params TableElement[] elements) => new(new TableName(name), elements);

    public static Table WithIndexes(this Table table, params TableIndex[] indexes) => table with { Indexes = [.. table.Indexes, .. indexes] };

    public static Table Without(this Table table, string element) => table with
    {
        Columns = table.Columns.Where(c => c.Name != element).ToList(),
        Constraints = table.Constraints.Where(c => c.Name != element).ToList(),
        Indexes = table.Indexes.Where(i => i.Name != element).ToList(),
    };

    public static Table With(this Table table, params TableElement[] elements) => table with
    {
        Columns = [.. table.Columns, .. elements.OfType<Column>()],
        Constraints = [.. table.Constraints, .. elements.OfType<Constraint>()],
    };

    public static Table Replacing(this Table table, Column column) => table with
    {
        Columns = table.Columns.Select(c => c.Name == column.Name ? column : c).ToList(),
    };

    public static DatabaseSchema Replacing(this DatabaseSchema schema, Table table) => schema with
    {
        Tables = schema.Tables.Select(t => t.Name == table.Name ? table : t).ToList(),
    };

    /// <summary>users (key, name, email unique, an index) and orders (a foreign key to users, a check, an index).</summary>
    public static DatabaseSchema Shop() => Of(Users(), Orders());

    public static Table Users() => Table("users",
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("name", SqlType.String(50)),
            new Column("email", SqlType.String(120), nullable: false, comment: "login"),
            new Column("status", SqlType.String(20), nullable: false, serverDefault: "'new'"),
            new UniqueConstraint("uq_users_email", "email"))
        .WithIndexes(new TableIndex("ix_users_name", "users", ["name"]));

    public static Table Orders() => Table("orders",
            new Column("id", SqlType.BigInteger, primaryKey: true),
            new Column("user_id", SqlType.Integer, nullable: false),
            new Column("total", SqlType.Numeric(10, 2)),
            new ForeignKey("fk_orders_user", ["user_id"], "users", ["id"], onDelete: "CASCADE"),
            new CheckConstraint("ck_orders_total", "total >= 0"))
        .WithIndexes(new TableIndex("ix_orders_user_id", "orders", ["user_id"]));

    public static Dialect Postgres { get; } = Dialect.ForName("postgresql");

    public static SchemaDiff Compare(DatabaseSchema wanted, DatabaseSchema live, Dialect? dialect = null, CompareOptions? options = null) =>
        SchemaComparer.Compare(wanted, live, dialect ?? Postgres, options ?? new CompareOptions());

    /// <summary>Asserts that the diff is exactly <paramref name="expected"/>, and its downgrade exactly the reverse.</summary>
    public static void AssertSingle(SchemaDiff diff, MigrationOperation expected)
    {
        OperationJson.Equal([expected], diff.Upgrade);
        OperationJson.Equal([expected.Reverse()], diff.Downgrade);
    }
}
