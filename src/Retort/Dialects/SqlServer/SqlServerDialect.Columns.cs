using System.Text;
using Retort.Ops;

namespace Retort.Dialects.SqlServer;

public sealed partial class SqlServerDialect
{
    /// <summary>
    /// Name, type, collation, the default as a named constraint (so that it has a known name), IDENTITY(1,1),
    /// in the order of the documented grammar (https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql),
    /// and NULL or NOT NULL always spelled out: left out, it follows the session's ANSI_NULL_DFLT settings
    /// (https://learn.microsoft.com/sql/t-sql/statements/set-ansi-null-dflt-on-transact-sql).
    /// </summary>
    protected override string ColumnDefinition(Column column, Table? table) =>
        ColumnDefinition(column, table?.Name ?? throw new InvalidOperationException("A SQL Server column definition needs its table"));

    private string ColumnDefinition(Column column, TableName table)
    {
        // A computed column has no type of its own, and NOT NULL only when PERSISTED
        // (https://learn.microsoft.com/sql/t-sql/statements/alter-table-computed-column-definition-transact-sql).
        if (column.Computed is not null)
            return $"{Quote(column.Name)} AS ({column.Computed}){(column.Stored ? " PERSISTED" + (column.Nullable ? "" : " NOT NULL") : "")}";
        var text = new StringBuilder(Quote(column.Name)).Append(' ').Append(TypeName(column.Type)).Append(CollateClause(column.Collation));
        if (column.ServerDefault is not null)
            text.Append(" CONSTRAINT ").Append(Quote(DefaultName(table, column.Name))).Append(" DEFAULT ").Append(column.ServerDefault);
        if (column.Identity)
            text.Append(' ').Append(IdentityClause);
        return text.Append(column.Nullable ? " NULL" : " NOT NULL").ToString();
    }

    /// <summary>The name Retort gives a column's default constraint.</summary>
    private static string DefaultName(TableName table, string column) => $"df_{table.Name}_{column}";

    // Collation names are words, not identifiers: T-SQL does not take them bracketed.
    private static string CollateClause(string? collation) =>
        collation is null ? ""
        : collation.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? " COLLATE " + collation
        : throw new NotSupportedException($"sqlserver: '{collation}' is not a collation name");

    /// <summary>ALTER TABLE … ADD (T-SQL has no COLUMN keyword there), and the column's comment.</summary>
    protected override IReadOnlyList<SqlStatement> AddColumn(AddColumnOperation operation)
    {
        var column = operation.Column;
        if (column.PrimaryKey)
            throw new NotSupportedException($"sqlserver: add column {operation.Table}.{column.Name} without primaryKey, then op.CreatePrimaryKey");
        List<SqlStatement> statements = [new($"ALTER TABLE {Quote(operation.Table)} ADD {ColumnDefinition(column, operation.Table)}")];
        if (column.Comment is not null)
            statements.AddRange(ColumnComment(operation.Table, column.Name, column.Comment, column));
        return statements;
    }

    /// <summary>Drops the column's default constraint first: SQL Server refuses to drop a column that has one.</summary>
    protected override IReadOnlyList<SqlStatement> DropColumn(DropColumnOperation operation) =>
        [DropDefault(operation.Table, operation.Column), .. base.DropColumn(operation)];

    /// <summary>
    /// ALTER COLUMN restates the type and the nullability together, so both must be known (the new or the
    /// existing ones). A default cannot change in place: it is dropped and added again as a named constraint.
    /// A type or nullability change keeps the column's default, which SQL Server would otherwise refuse to
    /// alter around (error 5074). The rename (sp_rename) comes last, so the statements before it name the
    /// column as it was.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> AlterColumn(AlterColumnOperation operation)
    {
        var table = Quote(operation.Table);
        var column = Quote(operation.Column);
        var where = $"{operation.Table}.{operation.Column}";
        var statements = new List<SqlStatement>();
        if (operation.Type is not null || operation.Nullable is not null)
        {
            var type = operation.FinalType ?? throw new NotSupportedException(
                $"sqlserver: ALTER COLUMN restates the column's type, so changing the nullability of {where} needs it: give existingType");
            var nullable = operation.FinalNullable ?? throw new NotSupportedException(
                $"sqlserver: ALTER COLUMN restates the column's nullability, so changing the type of {where} needs it: give existingNullable (or nullable), or the column would turn NULL-able");
            var alter = $"ALTER TABLE {table} ALTER COLUMN {column} {TypeName(type)}{(nullable ? " NULL" : " NOT NULL")}";
            if (operation.ServerDefault is null)
                statements.Add(KeepingDefault(operation.Table, operation.Column, alter));
            else
                statements.AddRange([DropDefault(operation.Table, operation.Column), new(alter)]);
        }
        else if (operation.ServerDefault is not null)
            statements.Add(DropDefault(operation.Table, operation.Column));
        if (operation.ServerDefault is { Value: { } value })
            statements.Add(new($"ALTER TABLE {table} ADD CONSTRAINT {Quote(DefaultName(operation.Table, operation.Column))} DEFAULT {value} FOR {column}"));
        if (operation.Comment is { } comment)
            statements.Add(ReplaceComment(operation.Table, operation.Column, comment.Value));
        if (operation.NewName is not null)
            statements.Add(new($"EXEC sp_rename {Literal($"{Quote(operation.Table)}.{column}")}, {Literal(operation.NewName)}, 'COLUMN'"));
        return statements;
    }

    // Looks up the column's default constraint, whatever its name, and drops it when there is one (as Alembic
    // does: its name may be one SQL Server made up, DF__users__name__2B0A656D).
    private SqlStatement DropDefault(TableName table, string column) => new(
        "DECLARE @default nvarchar(258);\n" +
        $"SELECT @default = QUOTENAME(name) FROM sys.default_constraints WHERE {DefaultOf(table, column)};\n" +
        $"IF @default IS NOT NULL EXEC({Literal($"ALTER TABLE {Quote(table)} DROP CONSTRAINT ")} + @default)");

    // Drops the column's default (if any) around the ALTER COLUMN and puts it back as it was.
    private SqlStatement KeepingDefault(TableName table, string column, string alter) => new(
        "DECLARE @default nvarchar(258), @definition nvarchar(max);\n" +
        $"SELECT @default = QUOTENAME(name), @definition = definition FROM sys.default_constraints WHERE {DefaultOf(table, column)};\n" +
        $"IF @default IS NOT NULL EXEC({Literal($"ALTER TABLE {Quote(table)} DROP CONSTRAINT ")} + @default);\n" +
        $"{alter};\n" +
        $"IF @default IS NOT NULL EXEC({Literal($"ALTER TABLE {Quote(table)} ADD CONSTRAINT ")} + @default + N' DEFAULT ' + @definition + {Literal($" FOR {Quote(column)}")})");

    private string DefaultOf(TableName table, string column) =>
        $"parent_object_id = OBJECT_ID({Literal(Quote(table))}) AND COL_NAME(parent_object_id, parent_column_id) = {Literal(column)}";

    /// <inheritdoc />
    protected override string IdentityClause => "IDENTITY(1,1)";
}
