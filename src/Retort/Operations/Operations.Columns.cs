using Retort.Ops;

namespace Retort;

public sealed partial class Operations
{
    /// <summary>Adds a column.</summary>
    /// <example><code>op.AddColumn("users", new Column("address", SqlType.String(250)));</code></example>
    public OperationCall AddColumn(string table, Column column, string? schema = null) =>
        Invoke(new AddColumnOperation(new TableName(table, schema), column));

    /// <summary>Drops a column; <paramref name="existing"/> makes the operation reversible.</summary>
    /// <example><code>op.DropColumn("users", "address");</code></example>
    public OperationCall DropColumn(string table, string column, string? schema = null, Column? existing = null) =>
        Invoke(new DropColumnOperation(new TableName(table, schema), column, existing));

    /// <summary>
    /// Changes a column: its type, nullability, server default, comment or name. Give the column's
    /// <c>existing…</c> values where you know them: MySQL restates the whole column and SQL Server needs the
    /// type to change nullability, and they make the change reversible.
    /// </summary>
    /// <example><code>
    /// op.AlterColumn("users", "name", type: SqlType.String(100), nullable: false,
    ///     newName: "full_name", serverDefault: "''", existingType: SqlType.String(50));
    /// </code></example>
    public OperationCall AlterColumn(string table, string column, SqlType? type = null, bool? nullable = null,
        string? serverDefault = null, bool dropServerDefault = false, string? comment = null, bool dropComment = false,
        string? newName = null, SqlType? existingType = null, bool? existingNullable = null,
        string? existingServerDefault = null, string? existingComment = null, string? postgresUsing = null,
        string? schema = null, bool? existingAutoincrement = null) =>
        Invoke(AlterColumnRecord(new TableName(table, schema), column, type, nullable, serverDefault, dropServerDefault, comment,
            dropComment, newName, existingType, existingNullable, existingServerDefault, existingComment, postgresUsing) with { ExistingAutoincrement = existingAutoincrement });

    /// <summary>The record of an AlterColumn call, shared with <see cref="BatchOperations.AlterColumn"/>.</summary>
    internal static AlterColumnOperation AlterColumnRecord(TableName table, string column, SqlType? type, bool? nullable,
        string? serverDefault, bool dropServerDefault, string? comment, bool dropComment, string? newName, SqlType? existingType,
        bool? existingNullable, string? existingServerDefault, string? existingComment, string? postgresUsing)
    {
        if (serverDefault is not null && dropServerDefault)
            throw new RetortException($"AlterColumn {table}.{column}: give serverDefault or dropServerDefault, not both");
        if (comment is not null && dropComment)
            throw new RetortException($"AlterColumn {table}.{column}: give comment or dropComment, not both");
        if (postgresUsing is not null && type is null)
            throw new RetortException($"AlterColumn {table}.{column}: postgresUsing goes with a new type");
        return new AlterColumnOperation(table, column)
        {
            Type = type,
            Nullable = nullable,
            ServerDefault = dropServerDefault ? new Change<string?>(null) : serverDefault is null ? null : new Change<string?>(serverDefault),
            Comment = dropComment ? new Change<string?>(null) : comment is null ? null : new Change<string?>(comment),
            NewName = newName,
            ExistingType = existingType,
            ExistingNullable = existingNullable,
            ExistingServerDefault = existingServerDefault,
            ExistingServerDefaultKnown = existingServerDefault is not null,
            ExistingComment = existingComment,
            ExistingCommentKnown = existingComment is not null,
            Using = postgresUsing,
        };
    }

    /// <summary>Creates an index over columns (or expressions in parentheses), optionally unique, partial or with descending entries.</summary>
    /// <example><code>op.CreateIndex("ix_users_email", "users", new[] { "email" }, unique: true);</code></example>
    public OperationCall CreateIndex(string name, string table, IReadOnlyList<string> columns, bool unique = false,
        string? where = null, bool concurrently = false, string? schema = null, IReadOnlyList<bool>? descending = null) =>
        Invoke(new CreateIndexOperation(new TableIndex(name, table, columns, unique, where, schema, descending), concurrently));

    /// <summary>Drops an index.</summary>
    /// <example><code>op.DropIndex("ix_users_email", "users");</code></example>
    public OperationCall DropIndex(string name, string table, bool concurrently = false, string? schema = null, TableIndex? existing = null) =>
        Invoke(new DropIndexOperation(name, new TableName(table, schema), existing, concurrently));
}
