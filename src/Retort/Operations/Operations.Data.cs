using System.Collections;
using System.Reflection;
using Retort.Ops;

namespace Retort;

public sealed partial class Operations
{
    /// <summary>
    /// Inserts rows, each an object whose properties (or a dictionary whose keys) are the columns. Values go
    /// through parameters online and become literals of this database offline.
    /// </summary>
    /// <example><code>op.BulkInsert("users", new[] { new { id = 1, name = "a" }, new { id = 2, name = "b" } });</code></example>
    public OperationCall BulkInsert(string table, IEnumerable<object> rows, string? schema = null)
    {
        var maps = rows.Select(RowValues).ToList();
        var columns = maps.SelectMany(m => m.Keys).Distinct().ToList();
        var values = maps.Select(m => (IReadOnlyList<object?>)columns.Select(c => m.GetValueOrDefault(c)).ToList()).ToList();
        return Invoke(new BulkInsertOperation(new TableName(table, schema), columns, values));
    }

    private static Dictionary<string, object?> RowValues(object row)
    {
        if (row is IDictionary dictionary)
            return dictionary.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => dictionary[k]);
        if (row is IEnumerable<KeyValuePair<string, object?>> pairs)
            return pairs.ToDictionary(p => p.Key, p => p.Value);
        return row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, p => p.GetValue(row));
    }
}
