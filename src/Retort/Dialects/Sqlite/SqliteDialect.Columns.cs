using System.Text;
using System.Text.RegularExpressions;
using Retort.Ops;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>
    /// Name, type, collation, default, NOT NULL; an identity column is declared INTEGER whatever its integer size,
    /// because only INTEGER PRIMARY KEY is the rowid, which SQLite numbers, and ends with PRIMARY KEY AUTOINCREMENT
    /// when asked for (<c>identity: true</c>), which also keeps numbers from being used again; a key numbered by
    /// convention is the plain rowid, as SQLite advises (https://www.sqlite.org/autoinc.html).
    /// </summary>
    protected override string ColumnDefinition(Column column, Table? table)
    {
        if (column.Identity)
            CheckIdentity(column, table);
        var text = new StringBuilder(Quote(column.Name)).Append(' ').Append(column.Identity ? "INTEGER" : TypeName(column.Type));
        if (column.Collation is not null)
            text.Append(" COLLATE ").Append(Quote(column.Collation));
        text.Append(GeneratedColumns.Clause(column));
        if (column.ServerDefault is not null)
            text.Append(" DEFAULT ").Append(DefaultClause(column.ServerDefault));
        if (!column.Nullable)
            text.Append(" NOT NULL");
        if (column.Identity)
        {
            if (table!.PrimaryKey!.Name is { } name)
                text.Append(" CONSTRAINT ").Append(Quote(name));
            text.Append(column.IdentityUnstated ? " PRIMARY KEY" : " PRIMARY KEY AUTOINCREMENT");
        }
        return text.ToString();
    }

    private static void CheckIdentity(Column column, Table? table)
    {
        if (table is null || table.PrimaryKeyColumns.Count != 1 || table.PrimaryKeyColumns[0] != column.Name)
            throw new NotSupportedException($"sqlite: identity column {column.Name} must be its table's only primary key column, created with the table: SQLite numbers rows only through INTEGER PRIMARY KEY AUTOINCREMENT");
        if (column.Type.Kind is not (SqlTypeKind.SmallInteger or SqlTypeKind.Integer or SqlTypeKind.BigInteger))
            throw new NotSupportedException($"sqlite: identity column {table.Name}.{column.Name} must have an integer type, not {column.Type}");
    }

    /// <summary>
    /// ADD COLUMN within SQLite's limits (https://www.sqlite.org/lang_altertable.html#altertabaddcol): no
    /// primary key, NOT NULL only with a default, and only a constant default, since SQLite fills the existing
    /// rows with it without evaluating anything; a computed column only when it is virtual.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> AddColumn(AddColumnOperation operation)
    {
        var column = operation.Column;
        var where = $"{operation.Table}.{column.Name}";
        if (column.PrimaryKey || column.Identity)
            throw NeedsRebuild($"add primary key column {where}");
        if (column.Stored)
            throw NeedsRebuild($"add stored computed column {where}");
        if (!column.Nullable && column.ServerDefault is null && column.Computed is null)
            throw new NotSupportedException($"sqlite: cannot add NOT NULL column {where} without a server default, which SQLite needs for the existing rows; give serverDefault, or add it nullable and make it NOT NULL with op.BatchAlterTable (batch mode)");
        if (column.ServerDefault is { } value && !IsConstant(value))
            throw new NotSupportedException($"sqlite: cannot add column {where} with the non-constant default {value}; SQLite adds columns only with constant defaults: give a constant, or use op.BatchAlterTable (batch mode)");
        return [new($"ALTER TABLE {Quote(operation.Table)} ADD COLUMN {ColumnDefinition(column, null)}")];
    }

    /// <summary>
    /// DROP COLUMN (SQLite 3.35+). SQLite itself refuses, when the statement runs, to drop a column that is
    /// part of the primary key, UNIQUE, indexed, named in a partial index, a CHECK constraint, a foreign key,
    /// a generated column, a trigger or a view (https://www.sqlite.org/lang_altertable.html#altertabdropcol):
    /// drop the index first, or use batch mode. A primary key column known from <c>existing</c> is refused here.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> DropColumn(DropColumnOperation operation)
    {
        if (operation.Existing is { PrimaryKey: true })
            throw NeedsRebuild($"drop primary key column {operation.Table}.{operation.Column}");
        return base.DropColumn(operation);
    }

    /// <summary>
    /// Only the rename (RENAME COLUMN, SQLite 3.25+) runs in place; a comment change has nothing to do; type,
    /// nullability and default need the table rebuilt.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> AlterColumn(AlterColumnOperation operation)
    {
        var where = $"{operation.Table}.{operation.Column}";
        if (operation.Type is not null)
            throw NeedsRebuild($"alter the type of {where}");
        if (operation.Nullable is not null)
            throw NeedsRebuild($"alter the nullability of {where}");
        if (operation.ServerDefault is not null)
            throw NeedsRebuild($"alter the server default of {where}");
        return operation.NewName is null
            ? []
            : [new($"ALTER TABLE {Quote(operation.Table)} RENAME COLUMN {Quote(operation.Column)} TO {Quote(operation.NewName)}")];
    }

    /// <summary>
    /// A default as SQLite accepts it: literals as they are, any other expression in parentheses
    /// (https://www.sqlite.org/syntax/column-constraint.html), as Alembic does.
    /// </summary>
    internal static string DefaultClause(string value)
    {
        var text = value.Trim();
        return IsLiteral(text) || WrappedInParentheses(text) ? text : $"({text})";
    }

    private static bool IsConstant(string value) =>
        IsLiteral(value.Trim()) && !value.Trim().StartsWith("CURRENT_", StringComparison.OrdinalIgnoreCase);

    private static bool IsLiteral(string text) => LiteralPattern().IsMatch(text);

    private static bool WrappedInParentheses(string text)
    {
        if (!text.StartsWith('(') || !text.EndsWith(')'))
            return false;
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '\'' or '"')
                quote = c;
            else if (c == '(')
                depth++;
            else if (c == ')' && --depth == 0 && i < text.Length - 1)
                return false;
        }
        return depth == 0;
    }

    [GeneratedRegex(@"^(?:'(?:[^']|'')*'|[xX]'[0-9A-Fa-f]*'|[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|0[xX][0-9A-Fa-f]+|NULL|TRUE|FALSE|CURRENT_TIME|CURRENT_DATE|CURRENT_TIMESTAMP)$", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralPattern();
}
