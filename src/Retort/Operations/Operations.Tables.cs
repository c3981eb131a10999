using Retort.Ops;

namespace Retort;

public sealed partial class Operations
{
    /// <summary>Creates a table from columns and constraints.</summary>
    /// <example><code>
    /// op.CreateTable("users",
    ///     new Column("id", SqlType.Integer, primaryKey: true),
    ///     new Column("email", SqlType.String(120), nullable: false),
    ///     new UniqueConstraint("uq_users_email", "email"));
    /// </code></example>
    public OperationCall CreateTable(string name, params TableElement[] elements) =>
        Invoke(new CreateTableOperation(new Table(new TableName(name), elements)));

    /// <summary>Creates a table described in full (schema, comment, indexes are then separate operations).</summary>
    /// <example><code>op.CreateTable(new Table(new TableName("users", "app"), [new Column("id", SqlType.Integer, primaryKey: true)], comment: "people"));</code></example>
    public OperationCall CreateTable(Table table) => Invoke(new CreateTableOperation(table));

    /// <summary>Drops a table; <paramref name="existing"/> makes the operation reversible.</summary>
    /// <example><code>op.DropTable("users");</code></example>
    public OperationCall DropTable(string name, string? schema = null, Table? existing = null) =>
        Invoke(new DropTableOperation(new TableName(name, schema), existing));

    /// <summary>Renames a table.</summary>
    /// <example><code>op.RenameTable("users", "people");</code></example>
    public OperationCall RenameTable(string name, string newName, string? schema = null) =>
        Invoke(new RenameTableOperation(new TableName(name, schema), newName));

    /// <summary>Sets a table's comment.</summary>
    /// <example><code>op.CreateTableComment("users", "people who log in", existingComment: null);</code></example>
    public OperationCall CreateTableComment(string table, string comment, string? existingComment = null, string? schema = null) =>
        Invoke(new TableCommentOperation(new TableName(table, schema), comment, existingComment));

    /// <summary>Removes a table's comment.</summary>
    /// <example><code>op.DropTableComment("users", existingComment: "people who log in");</code></example>
    public OperationCall DropTableComment(string table, string? existingComment = null, string? schema = null) =>
        Invoke(new TableCommentOperation(new TableName(table, schema), null, existingComment));
}
