namespace Retort;

/// <summary>A table's name and, where it is not the default one, its schema.</summary>
public readonly record struct TableName(string Name, string? Schema = null)
{
    /// <inheritdoc />
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
