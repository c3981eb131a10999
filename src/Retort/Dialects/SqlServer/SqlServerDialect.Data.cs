using Retort.Ops;

namespace Retort.Dialects.SqlServer;

public sealed partial class SqlServerDialect
{
    /// <summary>
    /// One INSERT per row, between SET IDENTITY_INSERT ON and OFF when the rows give an identity column its
    /// value (SQL Server refuses that otherwise); as Alembic does offline, but guarded, since the table's
    /// identity column is not known here.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> BulkInsert(BulkInsertOperation operation)
    {
        var rows = base.BulkInsert(operation);
        if (rows.Count == 0)
            return rows;
        var guard = $"IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID({Literal(Quote(operation.Table))}) " +
            $"AND name IN ({string.Join(", ", operation.Columns.Select(Literal))}))";
        return [new($"{guard} SET IDENTITY_INSERT {Quote(operation.Table)} ON"), .. rows, new($"{guard} SET IDENTITY_INSERT {Quote(operation.Table)} OFF")];
    }
}
