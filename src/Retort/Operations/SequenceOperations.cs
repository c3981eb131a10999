namespace Retort.Ops;

/// <summary>CREATE SEQUENCE (PostgreSQL, MariaDB, SQL Server; SQLite has none).</summary>
public sealed record CreateSequenceOperation(Sequence Sequence) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() => new DropSequenceOperation(Sequence.Name, Sequence);
}

/// <summary>DROP SEQUENCE; <paramref name="Existing"/> makes it reversible (the counter starts over at its start).</summary>
public sealed record DropSequenceOperation(TableName Name, Sequence? Existing = null) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() =>
        Existing is null ? throw NeedsExisting($"the drop of sequence {Name}") : new CreateSequenceOperation(Existing);
}

/// <summary>
/// ALTER SEQUENCE to <paramref name="Sequence"/>'s attributes; the counter goes on from where it is (a new start is
/// where a restart goes). <paramref name="Existing"/>, the attributes it had, makes it reversible.
/// </summary>
public sealed record AlterSequenceOperation(Sequence Sequence, Sequence? Existing = null) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() =>
        Existing is null ? throw NeedsExisting($"the change of sequence {Sequence.Name}") : new AlterSequenceOperation(Existing, Sequence);
}
