namespace Retort.Model;

/// <summary>Checks that index and constraint names are unique across a schema.</summary>
internal static class SchemaNames
{
    // Unique per schema rather than per table because that is the strictest database's rule: PostgreSQL and SQLite
    // keep index names per schema, MySQL foreign key and check names per database.
    public static void CheckUnique(IEnumerable<Table> tables)
    {
        var seen = new Dictionary<(string? Schema, string Name), TableName>();
        foreach (var table in tables)
        {
            var names = table.Constraints.Select(c => c.Name).Concat(table.Indexes.Select(i => i.Name)).OfType<string>();
            foreach (var name in names)
            {
                if (!seen.TryAdd((table.Name.Schema, name), table.Name))
                {
                    var first = seen[(table.Name.Schema, name)];
                    throw new RetortException(first == table.Name
                        ? $"table {table.Name}: two indexes or constraints are named {name}"
                        : $"tables {first} and {table.Name}: both have an index or constraint named {name}");
                }
            }
        }
    }
}
