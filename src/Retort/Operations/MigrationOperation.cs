namespace Retort.Ops;

/// <summary>
/// One schema or data change, as an immutable record: executed (rendered to SQL by a dialect), written as
/// C# by autogenerate, reversed for a downgrade.
/// </summary>
public abstract record MigrationOperation
{
    /// <summary>
    /// The operation that undoes this one. Throws <see cref="RetortException"/> when there is none (raw SQL,
    /// inserted rows) or when this operation lacks what the reverse needs (a drop without the definition).
    /// </summary>
    public virtual MigrationOperation Reverse() =>
        throw new RetortException($"{GetType().Name.Replace("Operation", "", StringComparison.Ordinal)} cannot be reversed automatically; write its downgrade by hand");

    /// <summary>Whether the operation can lose data (drops, type changes), for warnings.</summary>
    public virtual bool IsDestructive => false;

    private protected static RetortException NeedsExisting(string what) =>
        new($"Cannot reverse {what} without its definition; pass the existing definition to the operation");
}

/// <summary>A change that is either "set to this value" (possibly null, to remove it) or absent (unchanged).</summary>
public readonly record struct Change<T>(T Value);
