using System.Text;
using Retort.Ops;

namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>INSERT per row with parameters online; one multi-row INSERT of literals in scripts.</summary>
    protected virtual IReadOnlyList<SqlStatement> BulkInsert(BulkInsertOperation operation)
    {
        if (operation.Rows.Count == 0)
            return [];
        var head = $"INSERT INTO {Quote(operation.Table)} ({QuoteList(operation.Columns)}) VALUES ";
        var placeholders = "(" + string.Join(", ", operation.Columns.Select((_, i) => $"@p{i}")) + ")";
        var statements = new List<SqlStatement>();
        foreach (var row in operation.Rows)
        {
            if (row.Count != operation.Columns.Count)
                throw new RetortException($"Bulk insert into {operation.Table}: a row has {row.Count} values for {operation.Columns.Count} columns");
            var literal = head + "(" + string.Join(", ", row.Select(Literal)) + ")";
            statements.Add(new SqlStatement(head + placeholders, row, literal));
        }
        return statements;
    }
}
