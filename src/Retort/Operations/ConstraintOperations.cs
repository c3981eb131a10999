namespace Retort.Ops;

/// <summary>ALTER TABLE … ADD CONSTRAINT: a primary key, unique, foreign key or check constraint.</summary>
public sealed record AddConstraintOperation(TableName Table, Constraint Constraint) : MigrationOperation
{
    /// <summary>
    /// Adds a check or foreign key without checking the rows already there (PostgreSQL's <c>NOT VALID</c>), so that the
    /// table is not scanned under its lock; <c>ALTER TABLE … VALIDATE CONSTRAINT</c> checks them later under a weaker
    /// lock. Other databases check at once and ignore it.
    /// </summary>
    public bool NotValid { get; init; }

    /// <inheritdoc />
    public override MigrationOperation Reverse() => new DropConstraintOperation(Table, Constraint.Name, KindOf(Constraint), Constraint);

    internal static ConstraintKind KindOf(Constraint constraint) => constraint switch
    {
        PrimaryKey => ConstraintKind.PrimaryKey,
        UniqueConstraint => ConstraintKind.Unique,
        ForeignKey => ConstraintKind.ForeignKey,
        CheckConstraint => ConstraintKind.Check,
        _ => throw new ArgumentOutOfRangeException(nameof(constraint), constraint.GetType().Name, "unknown constraint"),
    };
}

/// <summary>
/// ALTER TABLE … DROP CONSTRAINT; the kind matters on MySQL. <paramref name="Existing"/> makes it reversible. Without a
/// <paramref name="Name"/> it drops the unnamed constraint that <paramref name="Existing"/> describes, which only a
/// table rebuild can do (a SQLite batch: <c>batch.DropConstraint(new ForeignKey(null, ...))</c>).
/// </summary>
public sealed record DropConstraintOperation(TableName Table, string? Name, ConstraintKind Kind, Constraint? Existing = null) : MigrationOperation
{
    /// <summary>
    /// The column to restate without the check, for a check MariaDB keeps in a column's definition (declared after the
    /// column): there <c>DROP CONSTRAINT</c> does not find it, and <c>MODIFY COLUMN</c> drops it. Other databases ignore it.
    /// </summary>
    public Column? RestatedColumn { get; init; }

    /// <inheritdoc />
    public override MigrationOperation Reverse() =>
        Existing is null ? throw NeedsExisting($"the drop of constraint {Name}") : new AddConstraintOperation(Table, Existing);
}
