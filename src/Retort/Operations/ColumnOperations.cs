namespace Retort.Ops;

/// <summary>ALTER TABLE … ADD COLUMN.</summary>
public sealed record AddColumnOperation(TableName Table, Column Column) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() => new DropColumnOperation(Table, Column.Name, Column);
}

/// <summary>ALTER TABLE … DROP COLUMN. <paramref name="Existing"/>, when known, makes it reversible.</summary>
public sealed record DropColumnOperation(TableName Table, string Column, Column? Existing = null) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() =>
        Existing is null ? throw NeedsExisting($"the drop of column {Table}.{Column}") : new AddColumnOperation(Table, Existing);

    /// <inheritdoc />
    public override bool IsDestructive => true;
}

/// <summary>
/// Changes a column: its type, nullability, server default, comment or name. The <c>Existing…</c> values
/// describe the column as it is; MySQL (which restates the whole column) and SQL Server need them, and they
/// make the operation reversible.
/// </summary>
public sealed record AlterColumnOperation(TableName Table, string Column) : MigrationOperation
{
    /// <summary>The new type, or null to keep it.</summary>
    public SqlType? Type { get; init; }

    /// <summary>The new nullability, or null to keep it.</summary>
    public bool? Nullable { get; init; }

    /// <summary>The new server default (its value null drops it), or null to keep it.</summary>
    public Change<string?>? ServerDefault { get; init; }

    /// <summary>The new comment (its value null drops it), or null to keep it.</summary>
    public Change<string?>? Comment { get; init; }

    /// <summary>The new name, or null to keep it.</summary>
    public string? NewName { get; init; }

    /// <summary>The column's type now.</summary>
    public SqlType? ExistingType { get; init; }

    /// <summary>The column's nullability now.</summary>
    public bool? ExistingNullable { get; init; }

    /// <summary>The column's server default now (null: none, or unknown when <see cref="ExistingServerDefaultKnown"/> is false).</summary>
    public string? ExistingServerDefault { get; init; }

    /// <summary>Whether <see cref="ExistingServerDefault"/> was given.</summary>
    public bool ExistingServerDefaultKnown { get; init; }

    /// <summary>The column's comment now.</summary>
    public string? ExistingComment { get; init; }

    /// <summary>Whether <see cref="ExistingComment"/> was given.</summary>
    public bool ExistingCommentKnown { get; init; }

    /// <summary>
    /// Whether the column is numbered by the database now (AUTO_INCREMENT): MySQL's restatement of the whole column
    /// repeats it, so that an offline script keeps it as an online run does; null when not given.
    /// </summary>
    public bool? ExistingAutoincrement { get; init; }

    /// <summary>
    /// The column as the database has it, read online before the change: what the operation does not describe
    /// (AUTO_INCREMENT, collation) but MySQL's restatement of the whole column must repeat.
    /// </summary>
    internal Column? ExistingColumn { get; init; }

    /// <summary>
    /// The conditions of the checks MariaDB keeps in the column's definition (declared after the column), read online:
    /// a restatement without them would drop them.
    /// </summary>
    internal IReadOnlyList<string> ExistingColumnChecks { get; init; } = [];

    /// <summary>PostgreSQL's <c>USING</c> expression for a type change.</summary>
    public string? Using { get; init; }

    /// <summary>The column's name once this operation has run.</summary>
    public string FinalName => NewName ?? Column;

    /// <summary>The type once this operation has run, when known.</summary>
    public SqlType? FinalType => Type ?? ExistingType;

    /// <summary>The nullability once this operation has run, when known.</summary>
    public bool? FinalNullable => Nullable ?? ExistingNullable;

    /// <inheritdoc />
    public override bool IsDestructive => Type is not null;

    /// <inheritdoc />
    public override MigrationOperation Reverse()
    {
        if (Type is not null && ExistingType is null)
            throw NeedsExisting($"the type change of {Table}.{Column} (give existingType)");
        if (Nullable is not null && ExistingNullable is null)
            throw NeedsExisting($"the nullability change of {Table}.{Column} (give existingNullable)");
        if (ServerDefault is not null && !ExistingServerDefaultKnown)
            throw NeedsExisting($"the default change of {Table}.{Column} (give existingServerDefault)");
        if (Comment is not null && !ExistingCommentKnown)
            throw NeedsExisting($"the comment change of {Table}.{Column} (give existingComment)");
        return new AlterColumnOperation(Table, FinalName)
        {
            Type = Type is null ? null : ExistingType,
            Nullable = Nullable is null ? null : ExistingNullable,
            ServerDefault = ServerDefault is null ? null : new Change<string?>(ExistingServerDefault),
            Comment = Comment is null ? null : new Change<string?>(ExistingComment),
            NewName = NewName is null ? null : Column,
            ExistingType = FinalType,
            ExistingNullable = FinalNullable,
            ExistingServerDefault = ServerDefault is { } d ? d.Value : ExistingServerDefault,
            ExistingServerDefaultKnown = ServerDefault is not null || ExistingServerDefaultKnown,
            ExistingComment = Comment is { } c ? c.Value : ExistingComment,
            ExistingCommentKnown = Comment is not null || ExistingCommentKnown,
            ExistingAutoincrement = ExistingAutoincrement,
        };
    }
}
