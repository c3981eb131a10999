using Retort.Ops;

namespace Retort;

/// <summary>When SQLite's batch mode rebuilds the table ("move and copy"); other databases alter in place whatever the mode.</summary>
public enum BatchMode
{
    /// <summary>Rebuild only when some operation cannot run in place (SQLite: anything but adding a column, indexes, comments and renames).</summary>
    Auto,
    /// <summary>Always rebuild (SQLite only).</summary>
    Always,
    /// <summary>Never rebuild: each operation runs as it would outside the batch, and SQLite refuses what it cannot do in place.</summary>
    Never,
}

/// <summary>
/// The operations of one table's batch, handed to the lambda of <see cref="Operations.BatchAlterTable"/>: the same
/// operations as <c>op</c>'s, without the table. They run together when the lambda returns.
/// </summary>
/// <example><code>
/// op.BatchAlterTable("users", batch =>
/// {
///     batch.AlterColumn("name", nullable: false, existingType: SqlType.String(50));
///     batch.DropColumn("address");
/// });
/// </code></example>
public sealed class BatchOperations
{
    private readonly TableName _table;
    private readonly List<MigrationOperation> _operations = [];

    internal BatchOperations(TableName table) => _table = table;

    internal IReadOnlyList<MigrationOperation> Collected => _operations;

    /// <summary>Adds a column.</summary>
    /// <example><code>batch.AddColumn(new Column("address", SqlType.String(250)));</code></example>
    public void AddColumn(Column column) => _operations.Add(new AddColumnOperation(_table, column));

    /// <summary>Drops a column; <paramref name="existing"/> makes the operation reversible.</summary>
    /// <example><code>batch.DropColumn("address", existing: new Column("address", SqlType.String(250)));</code></example>
    public void DropColumn(string column, Column? existing = null) => _operations.Add(new DropColumnOperation(_table, column, existing));

    /// <summary>Changes a column: as <see cref="Operations.AlterColumn"/>, without the table.</summary>
    /// <example><code>batch.AlterColumn("name", type: SqlType.String(100), nullable: false, existingType: SqlType.String(50), existingNullable: true);</code></example>
    public void AlterColumn(string column, SqlType? type = null, bool? nullable = null, string? serverDefault = null,
        bool dropServerDefault = false, string? comment = null, bool dropComment = false, string? newName = null,
        SqlType? existingType = null, bool? existingNullable = null, string? existingServerDefault = null,
        string? existingComment = null, string? postgresUsing = null, bool? existingAutoincrement = null) =>
        _operations.Add(Operations.AlterColumnRecord(_table, column, type, nullable, serverDefault, dropServerDefault, comment,
            dropComment, newName, existingType, existingNullable, existingServerDefault, existingComment, postgresUsing) with { ExistingAutoincrement = existingAutoincrement });

    /// <summary>Creates an index over columns (or expressions in parentheses), optionally unique or partial.</summary>
    /// <example><code>batch.CreateIndex("ix_users_email", new[] { "email" }, unique: true);</code></example>
    public void CreateIndex(string name, IReadOnlyList<string> columns, bool unique = false, string? where = null, IReadOnlyList<bool>? descending = null) =>
        _operations.Add(new CreateIndexOperation(new TableIndex(name, _table.Name, columns, unique, where, _table.Schema, descending)));

    /// <summary>Drops an index; <paramref name="existing"/> makes the operation reversible.</summary>
    /// <example><code>batch.DropIndex("ix_users_email");</code></example>
    public void DropIndex(string name, TableIndex? existing = null) => _operations.Add(new DropIndexOperation(name, _table, existing));

    /// <summary>Adds a primary key.</summary>
    /// <example><code>batch.CreatePrimaryKey("pk_users", new[] { "id" });</code></example>
    public void CreatePrimaryKey(string name, IReadOnlyList<string> columns) => AddConstraint(new PrimaryKey(name, columns));

    /// <summary>Adds a unique constraint; a null name leaves it unnamed, as SQLite's inline constraints are.</summary>
    /// <example><code>batch.CreateUniqueConstraint("uq_users_name", new[] { "name" });</code></example>
    public void CreateUniqueConstraint(string? name, IReadOnlyList<string> columns) => AddConstraint(new UniqueConstraint(name, columns));

    /// <summary>Adds a check constraint; a null name leaves it unnamed, as SQLite's inline constraints are.</summary>
    /// <example><code>batch.CreateCheckConstraint("ck_users_age", "age >= 0");</code></example>
    public void CreateCheckConstraint(string? name, string condition) => AddConstraint(new CheckConstraint(name, condition));

    /// <summary>Adds a foreign key from this table's columns; a null name leaves it unnamed, as SQLite's inline constraints are.</summary>
    /// <example><code>batch.CreateForeignKey("fk_orders_user", "users", new[] { "user_id" }, new[] { "id" }, onDelete: "CASCADE");</code></example>
    public void CreateForeignKey(string? name, string referentTable, IReadOnlyList<string> localColumns, IReadOnlyList<string> remoteColumns,
        string? onDelete = null, string? onUpdate = null, bool deferrable = false, bool initiallyDeferred = false, string? referentSchema = null) =>
        AddConstraint(new ForeignKey(name, localColumns, referentTable, remoteColumns, onDelete, onUpdate, deferrable, initiallyDeferred, referentSchema));

    /// <summary>Drops a constraint; <paramref name="existing"/> makes the operation reversible.</summary>
    /// <example><code>batch.DropConstraint("uq_users_name", ConstraintKind.Unique);</code></example>
    public void DropConstraint(string name, ConstraintKind kind, Constraint? existing = null) =>
        _operations.Add(new DropConstraintOperation(_table, name, kind, existing));

    /// <summary>
    /// Drops an unnamed constraint, known by what it does (columns and referent, or condition): SQLite's inline
    /// <c>REFERENCES</c>, <c>UNIQUE</c> and <c>CHECK</c> have no name, and the batch's rebuild leaves this one out.
    /// </summary>
    /// <example><code>batch.DropConstraint(new ForeignKey(null, ["customer_id"], "customers", ["id"]));</code></example>
    public void DropConstraint(Constraint existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        _operations.Add(new DropConstraintOperation(_table, existing.Name, AddConstraintOperation.KindOf(existing), existing));
    }

    /// <summary>Sets the table's comment.</summary>
    /// <example><code>batch.CreateTableComment("people who log in");</code></example>
    public void CreateTableComment(string comment, string? existingComment = null) =>
        _operations.Add(new TableCommentOperation(_table, comment, existingComment));

    /// <summary>Removes the table's comment.</summary>
    /// <example><code>batch.DropTableComment(existingComment: "people who log in");</code></example>
    public void DropTableComment(string? existingComment = null) => _operations.Add(new TableCommentOperation(_table, null, existingComment));

    private void AddConstraint(Constraint constraint) => _operations.Add(new AddConstraintOperation(_table, constraint));
}
