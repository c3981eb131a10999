using Retort.Ops;

namespace Retort.Dialects.SqlServer;

/// <summary>
/// Comments are the MS_Description extended property, as SSMS and Alembic write them
/// (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-addextendedproperty-transact-sql).
/// The procedures take the schema by name, so a table without one uses the session's default schema.
/// </summary>
public sealed partial class SqlServerDialect
{
    /// <summary>The table, then its columns' comments; a new table's comment is simply added.</summary>
    protected override IReadOnlyList<SqlStatement> CreateTable(CreateTableOperation operation)
    {
        var table = operation.Table;
        var statements = base.CreateTable(operation with { Table = table with { Comment = null } }).ToList();
        if (table.Comment is not null)
            statements.Insert(1, new(AddComment(table.Name, null, table.Comment)));
        return statements;
    }

    /// <summary>Sets (replacing any) or removes the table's comment.</summary>
    protected override IReadOnlyList<SqlStatement> TableComment(TableCommentOperation operation) =>
        [ReplaceComment(operation.Table, null, operation.Comment)];

    /// <summary>Adds the comment of a column that has just been created.</summary>
    protected override IReadOnlyList<SqlStatement> ColumnComment(TableName table, string columnName, string? comment, Column? column) =>
        comment is null ? [] : [new(AddComment(table, columnName, comment))];

    // Drops the comment when there is one, then adds the new one (none when it is null).
    private SqlStatement ReplaceComment(TableName table, string? column, string? comment)
    {
        var minor = column is null ? "0" : $"COLUMNPROPERTY(OBJECT_ID({Literal(Quote(table))}), {Literal(column)}, 'ColumnId')";
        var drop = $"IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID({Literal(Quote(table))}) " +
            $"AND minor_id = {minor} AND name = N'MS_Description')\n    EXEC sp_dropextendedproperty @name = N'MS_Description', {Levels(table, column)}";
        return new(SchemaVariable(table) + drop + (comment is null ? "" : $";\n{Property(table, column, comment)}"));
    }

    private string AddComment(TableName table, string? column, string comment) =>
        SchemaVariable(table) + Property(table, column, comment);

    private string Property(TableName table, string? column, string comment) =>
        $"EXEC sp_addextendedproperty @name = N'MS_Description', @value = {Literal(comment)}, {Levels(table, column)}";

    private string Levels(TableName table, string? column) =>
        $"@level0type = N'SCHEMA', @level0name = {(table.Schema is null ? "@schema" : Literal(table.Schema))}, " +
        $"@level1type = N'TABLE', @level1name = {Literal(table.Name)}" +
        (column is null ? "" : $", @level2type = N'COLUMN', @level2name = {Literal(column)}");

    // EXEC takes no function call as an argument, so the default schema goes through a variable.
    private static string SchemaVariable(TableName table) => table.Schema is null ? "DECLARE @schema sysname = SCHEMA_NAME();\n" : "";

    /// <summary>sp_rename: T-SQL has no ALTER TABLE … RENAME (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-rename-transact-sql).</summary>
    protected override IReadOnlyList<SqlStatement> RenameTable(RenameTableOperation operation) =>
        [new($"EXEC sp_rename {Literal(Quote(operation.Table))}, {Literal(operation.NewName)}")];
}
