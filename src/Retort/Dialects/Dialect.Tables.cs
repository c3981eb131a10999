using System.Text;
using Retort.Ops;

namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>CREATE TABLE, then the statements for comments where the database sets them separately.</summary>
    protected virtual IReadOnlyList<SqlStatement> CreateTable(CreateTableOperation operation)
    {
        var table = operation.Table;
        var lines = table.Columns.Select(c => ColumnDefinition(c, table)).ToList();
        var key = table.PrimaryKey;
        if (key is not null && !PrimaryKeyInline(table))
            lines.Add(ConstraintDefinition(key));
        lines.AddRange(table.Constraints.Where(c => c is not PrimaryKey).Select(ConstraintDefinition));
        var sql = new StringBuilder("CREATE TABLE ").Append(Quote(table.Name)).Append(" (\n    ")
            .AppendJoin(",\n    ", lines).Append("\n)").Append(TableOptions(table)).ToString();
        var statements = new List<SqlStatement> { new(sql) };
        if (table.Comment is not null)
            statements.AddRange(TableComment(new TableCommentOperation(table.Name, table.Comment)));
        foreach (var column in table.Columns.Where(c => c.Comment is not null))
            statements.AddRange(ColumnComment(table.Name, column.Name, column.Comment, column));
        return statements;
    }

    /// <summary>Whether the primary key is written on its column (SQLite's INTEGER PRIMARY KEY AUTOINCREMENT) rather than as a table constraint.</summary>
    protected virtual bool PrimaryKeyInline(Table table) => false;

    /// <summary>Text after the closing parenthesis of CREATE TABLE (MySQL's comment and engine).</summary>
    protected virtual string TableOptions(Table table) => "";

    /// <summary>DROP TABLE.</summary>
    protected virtual IReadOnlyList<SqlStatement> DropTable(DropTableOperation operation) =>
        [new($"DROP TABLE {Quote(operation.Table)}")];

    /// <summary>ALTER TABLE … RENAME TO.</summary>
    protected virtual IReadOnlyList<SqlStatement> RenameTable(RenameTableOperation operation) =>
        [new($"ALTER TABLE {Quote(operation.Table)} RENAME TO {Quote(operation.NewName)}")];

    /// <summary>COMMENT ON TABLE.</summary>
    protected virtual IReadOnlyList<SqlStatement> TableComment(TableCommentOperation operation) =>
        [new($"COMMENT ON TABLE {Quote(operation.Table)} IS {Literal(operation.Comment)}")];

    /// <summary>COMMENT ON COLUMN; <paramref name="column"/> is the column's definition where known (MySQL restates it).</summary>
    protected virtual IReadOnlyList<SqlStatement> ColumnComment(TableName table, string columnName, string? comment, Column? column) =>
        [new($"COMMENT ON COLUMN {Quote(table)}.{Quote(columnName)} IS {Literal(comment)}")];
}
