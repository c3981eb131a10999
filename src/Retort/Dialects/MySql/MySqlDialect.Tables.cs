using System.Text;
using Retort.Ops;

namespace Retort.Dialects.MySql;

public sealed partial class MySqlDialect
{
    /// <summary>CREATE TABLE in one statement: MySQL writes column and table comments inline.</summary>
    protected override IReadOnlyList<SqlStatement> CreateTable(CreateTableOperation operation)
    {
        var table = operation.Table;
        var lines = table.Columns.Select(c => ColumnDefinition(c, table)).ToList();
        if (table.PrimaryKey is { } key)
            lines.Add(ConstraintDefinition(key));
        lines.AddRange(table.Constraints.Where(c => c is not PrimaryKey).Select(ConstraintDefinition));
        var sql = new StringBuilder("CREATE TABLE ").Append(Quote(table.Name)).Append(" (\n    ")
            .AppendJoin(",\n    ", lines).Append("\n)");
        if (table.Comment is not null)
            sql.Append(" COMMENT = ").Append(Literal(table.Comment));
        return [new(sql.ToString())];
    }

    /// <summary>RENAME TABLE, which keeps the table in its database.</summary>
    protected override IReadOnlyList<SqlStatement> RenameTable(RenameTableOperation operation) =>
        [new($"RENAME TABLE {Quote(operation.Table)} TO {Quote(operation.Table with { Name = operation.NewName })}")];

    /// <summary>ALTER TABLE … COMMENT; an empty comment is MySQL's "no comment".</summary>
    protected override IReadOnlyList<SqlStatement> TableComment(TableCommentOperation operation) =>
        [new($"ALTER TABLE {Quote(operation.Table)} COMMENT = {Literal(operation.Comment ?? "")}")];
}
