namespace Retort.Ops;

/// <summary>CREATE TABLE with its columns, constraints and comments (indexes are separate operations).</summary>
public sealed record CreateTableOperation(Table Table) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() => new DropTableOperation(Table.Name, Table);
}

/// <summary>DROP TABLE. <paramref name="Existing"/>, when known, makes it reversible.</summary>
public sealed record DropTableOperation(TableName Table, Table? Existing = null) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() =>
        Existing is null ? throw NeedsExisting($"the drop of table {Table}") : new CreateTableOperation(Existing);

    /// <inheritdoc />
    public override bool IsDestructive => true;
}

/// <summary>Renames a table (within its schema).</summary>
public sealed record RenameTableOperation(TableName Table, string NewName) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() => new RenameTableOperation(Table with { Name = NewName }, Table.Name);
}

/// <summary>Sets (or, with null, removes) a table's comment; <paramref name="Existing"/> makes it reversible.</summary>
public sealed record TableCommentOperation(TableName Table, string? Comment, string? Existing = null) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() => new TableCommentOperation(Table, Existing, Comment);
}
