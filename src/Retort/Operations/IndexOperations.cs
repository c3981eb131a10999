namespace Retort.Ops;

/// <summary>CREATE [UNIQUE] INDEX; <paramref name="Concurrently"/> builds it without locking writes (PostgreSQL).</summary>
public sealed record CreateIndexOperation(TableIndex Index, bool Concurrently = false) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() => new DropIndexOperation(Index.Name, Index.Table, Index, Concurrently);
}

/// <summary>DROP INDEX. MySQL and SQL Server need the table; <paramref name="Existing"/> makes it reversible.</summary>
public sealed record DropIndexOperation(string Name, TableName Table, TableIndex? Existing = null, bool Concurrently = false) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() =>
        Existing is null ? throw NeedsExisting($"the drop of index {Name}") : new CreateIndexOperation(Existing, Concurrently);
}
