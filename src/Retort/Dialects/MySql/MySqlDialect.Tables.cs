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
            sql.Append(" COMMENT = ").Append(StringLiteral(table.Comment));
        return [new(sql.ToString())];
    }

    /// <summary>
    /// A column: name, type, collation, NULL or NOT NULL, default, AUTO_INCREMENT, comment. NULL is always
    /// written: without it a TIMESTAMP column becomes NOT NULL where <c>explicit_defaults_for_timestamp</c>
    /// is off (https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html#sysvar_explicit_defaults_for_timestamp).
    /// </summary>
    protected override string ColumnDefinition(Column column, Table? table) => Definition(column, primaryKey: false);

    private string Definition(Column column, bool primaryKey)
    {
        var text = new StringBuilder(Quote(column.Name)).Append(' ').Append(TypeName(column.Type));
        if (column.Collation is not null)
            text.Append(" COLLATE ").Append(Quote(column.Collation));
        text.Append(column.Nullable ? " NULL" : " NOT NULL");
        if (column.ServerDefault is not null)
            text.Append(" DEFAULT ").Append(column.ServerDefault);
        if (column.Identity)
            text.Append(" AUTO_INCREMENT");
        if (primaryKey)
            text.Append(" PRIMARY KEY");
        if (column.Comment is not null)
            text.Append(" COMMENT ").Append(StringLiteral(column.Comment));
        return text.ToString();
    }

    /// <summary>
    /// ADD COLUMN with its comment inline. A primary key column is declared PRIMARY KEY on the spot, which is
    /// how an AUTO_INCREMENT key is added to an existing table (it must be a key the moment it exists).
    /// </summary>
    protected override IReadOnlyList<SqlStatement> AddColumn(AddColumnOperation operation)
    {
        var column = operation.Column;
        if (column.Identity && !column.PrimaryKey)
            throw new NotSupportedException($"{Name}: column {operation.Table}.{column.Name} is AUTO_INCREMENT, which must be a key when it is added; add it with primaryKey: true");
        return [new($"ALTER TABLE {Quote(operation.Table)} ADD COLUMN {Definition(column, column.PrimaryKey)}")];
    }

    /// <summary>RENAME TABLE, which keeps the table in its database.</summary>
    protected override IReadOnlyList<SqlStatement> RenameTable(RenameTableOperation operation) =>
        [new($"RENAME TABLE {Quote(operation.Table)} TO {Quote(operation.Table with { Name = operation.NewName })}")];

    /// <summary>ALTER TABLE … COMMENT; an empty comment is MySQL's "no comment".</summary>
    protected override IReadOnlyList<SqlStatement> TableComment(TableCommentOperation operation) =>
        [new($"ALTER TABLE {Quote(operation.Table)} COMMENT = {StringLiteral(operation.Comment ?? "")}")];
}
