namespace Retort;

/// <summary>Tables, views and sequences: what the code wants, or what a database has.</summary>
public sealed record DatabaseSchema(IReadOnlyList<Table> Tables, IReadOnlyList<View> Views)
{
    /// <summary>The sequences that no column owns (a serial or identity column's sequence is the column's).</summary>
    public IReadOnlyList<Sequence> Sequences { get; init; } = [];

    /// <summary>The table of that name, or null.</summary>
    public Table? Table(TableName name) => Tables.FirstOrDefault(t => t.Name == name);
}

/// <summary>A view and its defining query.</summary>
public sealed record View(TableName Name, string Definition);
