namespace Retort;

/// <summary>Tables and views: what the code wants, or what a database has.</summary>
public sealed record DatabaseSchema(IReadOnlyList<Table> Tables, IReadOnlyList<View> Views)
{
    /// <summary>The table of that name, or null.</summary>
    public Table? Table(TableName name) => Tables.FirstOrDefault(t => t.Name == name);
}

/// <summary>A view and its defining query.</summary>
public sealed record View(TableName Name, string Definition);
