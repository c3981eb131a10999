using Retort.Ops;

namespace Retort;

public sealed partial class Operations
{
    /// <summary>Adds a primary key.</summary>
    /// <example><code>op.CreatePrimaryKey("pk_users", "users", new[] { "id" });</code></example>
    public OperationCall CreatePrimaryKey(string name, string table, IReadOnlyList<string> columns, string? schema = null) =>
        Invoke(new AddConstraintOperation(new TableName(table, schema), new PrimaryKey(name, columns)));

    /// <summary>Adds a unique constraint.</summary>
    /// <example><code>op.CreateUniqueConstraint("uq_users_name", "users", new[] { "name" });</code></example>
    public OperationCall CreateUniqueConstraint(string name, string table, IReadOnlyList<string> columns, string? schema = null) =>
        Invoke(new AddConstraintOperation(new TableName(table, schema), new UniqueConstraint(name, columns)));

    /// <summary>
    /// Adds a check constraint. <paramref name="notValid"/> leaves the rows already there unchecked on PostgreSQL (no scan
    /// under the table's lock); check them later with <c>op.Execute("ALTER TABLE … VALIDATE CONSTRAINT …", dialect: "postgresql")</c>.
    /// </summary>
    /// <example><code>op.CreateCheckConstraint("ck_users_age", "users", "age >= 0");</code></example>
    public OperationCall CreateCheckConstraint(string name, string table, string condition, string? schema = null, bool notValid = false) =>
        Invoke(new AddConstraintOperation(new TableName(table, schema), new CheckConstraint(name, condition)) { NotValid = notValid });

    /// <summary>
    /// Adds a foreign key. <paramref name="notValid"/> leaves the rows already there unchecked on PostgreSQL (no scan under
    /// the lock of either table); check them later with <c>ALTER TABLE … VALIDATE CONSTRAINT</c>.
    /// </summary>
    /// <example><code>
    /// op.CreateForeignKey("fk_orders_user", "orders", "users", new[] { "user_id" }, new[] { "id" }, onDelete: "CASCADE");
    /// </code></example>
    public OperationCall CreateForeignKey(string name, string sourceTable, string referentTable, IReadOnlyList<string> localColumns,
        IReadOnlyList<string> remoteColumns, string? onDelete = null, string? onUpdate = null, bool deferrable = false,
        bool initiallyDeferred = false, string? sourceSchema = null, string? referentSchema = null, bool notValid = false) =>
        Invoke(new AddConstraintOperation(new TableName(sourceTable, sourceSchema),
            new ForeignKey(name, localColumns, referentTable, remoteColumns, onDelete, onUpdate, deferrable, initiallyDeferred, referentSchema)) { NotValid = notValid });

    /// <summary>
    /// Drops a constraint; MySQL needs its kind. <paramref name="existing"/> makes the operation reversible.
    /// <paramref name="restateColumn"/> drops a check that MariaDB keeps in a column's definition, by restating that column
    /// as given (online it is read from the database when left out).
    /// </summary>
    /// <example><code>op.DropConstraint("uq_users_name", "users", ConstraintKind.Unique);</code></example>
    public OperationCall DropConstraint(string name, string table, ConstraintKind kind, string? schema = null, Constraint? existing = null,
        Column? restateColumn = null) =>
        Invoke(new DropConstraintOperation(new TableName(table, schema), name, kind, existing) { RestatedColumn = restateColumn });
}
