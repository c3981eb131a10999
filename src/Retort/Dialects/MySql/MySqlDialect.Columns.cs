using System.Text;
using Retort.Ops;

namespace Retort.Dialects.MySql;

public sealed partial class MySqlDialect
{
    /// <summary>
    /// Changes a column. A new type, nullability or comment restates the whole column with MODIFY (or
    /// CHANGE when it is also renamed), so the existing type and nullability are required and the existing
    /// default, comment and AUTO_INCREMENT (<c>existingAutoincrement</c>) are carried over when given; a default or
    /// comment not given is dropped, and so is a collation, which the operation does not describe
    /// (https://dev.mysql.com/doc/refman/8.0/en/alter-table.html#alter-table-redefine-column).
    /// A change of default alone uses ALTER COLUMN SET/DROP DEFAULT, and a rename alone RENAME COLUMN
    /// (MySQL 8.0, MariaDB 10.5.2), which keep everything else. Online, the runner first fills in what the operation
    /// leaves out from the live column (<see cref="MySqlRunPreparation.PrepareAsync"/>), AUTO_INCREMENT and the collation included.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> AlterColumn(AlterColumnOperation operation)
    {
        var table = Quote(operation.Table);
        var column = Quote(operation.Column);
        if (operation.Type is null && operation.Nullable is null && operation.Comment is null)
        {
            var statements = new List<SqlStatement>();
            if (operation.ServerDefault is { } change)
                statements.Add(new(change.Value is null
                    ? $"ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT"
                    : $"ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT {change.Value}"));
            if (operation.NewName is not null)
                statements.Add(new($"ALTER TABLE {table} RENAME COLUMN {column} TO {Quote(operation.NewName)}"));
            return statements;
        }
        if (operation.Using is not null)
            throw new NotSupportedException($"{Name}: altering {operation.Table}.{operation.Column} with a USING expression is PostgreSQL's; convert the values with op.Execute before or after the type change");
        var type = operation.FinalType ?? throw Restates(operation, "existingType");
        var existing = operation.ExistingColumn;
        var restated = new Column(operation.FinalName, type,
            operation.FinalNullable ?? throw Restates(operation, "existingNullable"),
            serverDefault: existing?.Computed is not null ? null : operation.ServerDefault is { } d ? d.Value : operation.ExistingServerDefault,
            comment: operation.Comment is { } c ? c.Value : operation.ExistingComment,
            identity: operation.ExistingAutoincrement ?? existing?.Identity == true,
            collation: type.Kind is SqlTypeKind.String or SqlTypeKind.Char or SqlTypeKind.Text or SqlTypeKind.Enum ? existing?.Collation : null,
            // A generated column stays generated (known online, where the live column is read first).
            computed: existing?.Computed, stored: existing?.Stored ?? false);
        var verb = operation.NewName is null ? "MODIFY COLUMN" : $"CHANGE COLUMN {column}";
        var checks = string.Concat(operation.ExistingColumnChecks.Select(c => $" CHECK ({c})"));
        return [new($"ALTER TABLE {table} {verb} {ColumnDefinition(restated, null)}{checks}")];
    }

    private NotSupportedException Restates(AlterColumnOperation operation, string what) =>
        new($"{Name}: altering {operation.Table}.{operation.Column} needs {what}: {(MariaDb ? "MariaDB" : "MySQL")} restates the whole column " +
            $"(MODIFY/CHANGE), so give {what} (and existingServerDefault, existingComment where the column has them)");

    /// <summary>
    /// A column: name, type, collation, computed expression, NULL or NOT NULL, default, AUTO_INCREMENT, comment. NULL is always
    /// written: without it a TIMESTAMP column becomes NOT NULL where <c>explicit_defaults_for_timestamp</c>
    /// is off (https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html#sysvar_explicit_defaults_for_timestamp).
    /// </summary>
    protected override string ColumnDefinition(Column column, Table? table) => Definition(column, primaryKey: false);

    private string Definition(Column column, bool primaryKey)
    {
        var text = new StringBuilder(Quote(column.Name)).Append(' ').Append(TypeName(column.Type));
        if (column.Collation is not null)
            text.Append(" COLLATE ").Append(Quote(column.Collation));
        // MariaDB takes no NULL or NOT NULL on a generated column (https://mariadb.com/kb/en/generated-columns/).
        text.Append(GeneratedColumns.Clause(column)).Append(column.Computed is not null && MariaDb ? "" : column.Nullable ? " NULL" : " NOT NULL");
        if (column.ServerDefault is not null)
            text.Append(" DEFAULT ").Append(column.ServerDefault);
        if (column.Identity)
            text.Append(" AUTO_INCREMENT");
        if (primaryKey)
            text.Append(" PRIMARY KEY");
        if (column.Comment is not null)
            text.Append(" COMMENT ").Append(Literal(column.Comment));
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
}
