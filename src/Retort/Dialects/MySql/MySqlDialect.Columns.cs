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
    /// leaves out from the live column (<see cref="PrepareAsync"/>), AUTO_INCREMENT and the collation included.
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
            serverDefault: operation.ServerDefault is { } d ? d.Value : operation.ExistingServerDefault,
            comment: operation.Comment is { } c ? c.Value : operation.ExistingComment,
            identity: operation.ExistingAutoincrement ?? existing?.Identity == true,
            collation: type.Kind is SqlTypeKind.String or SqlTypeKind.Char or SqlTypeKind.Text or SqlTypeKind.Enum ? existing?.Collation : null);
        var verb = operation.NewName is null ? "MODIFY COLUMN" : $"CHANGE COLUMN {column}";
        var checks = string.Concat(operation.ExistingColumnChecks.Select(c => $" CHECK ({c})"));
        return [new($"ALTER TABLE {table} {verb} {ColumnDefinition(restated, null)}{checks}")];
    }

    private NotSupportedException Restates(AlterColumnOperation operation, string what) =>
        new($"{Name}: altering {operation.Table}.{operation.Column} needs {what}: {(MariaDb ? "MariaDB" : "MySQL")} restates the whole column " +
            $"(MODIFY/CHANGE), so give {what} (and existingServerDefault, existingComment where the column has them)");
}
