using Retort.Dialects;
using Retort.Ops;

namespace Retort.Lint;

internal sealed partial class OperationJudge
{
    /// <summary>The table an operation changes, for the rules about its rows and locks; null for views, SQL text and new tables.</summary>
    private static TableName? TableOf(MigrationOperation operation) => operation switch
    {
        CreateTableOperation or ExecuteSqlOperation or BulkInsertOperation => null,
        BatchAlterTableOperation batch => batch.Table,
        _ => BatchAlterTableOperation.TableOf(operation),
    };

    /// <summary>Whether the operation takes a lock that blocks the application's queries on its table while it waits and runs.</summary>
    private bool Locks(MigrationOperation operation) => (IsPostgres || IsMySql) && operation switch
    {
        CreateIndexOperation c => !(IsPostgres && c.Concurrently),
        DropIndexOperation d => !(IsPostgres && d.Concurrently),
        AddColumnOperation or DropColumnOperation or AlterColumnOperation or AddConstraintOperation or DropConstraintOperation
            or RenameTableOperation or DropTableOperation or BatchAlterTableOperation => true,
        _ => false,
    };

    /// <summary>Why PostgreSQL rewrites the table to add this column, or null when the column comes free.</summary>
    private string? RewritesOnAdd(Column column)
    {
        if (column.Identity)
            return "as an identity column (each row gets its own value)";
        if (column.ServerDefault is not { } value)
            return null;
        if (Volatile().IsMatch(value))
            return $"with the volatile default {value} (each row gets its own value)";
        return target.Version is { Major: < 11 } version ? $"with a default on PostgreSQL {version.Major}, before 11 made defaults free" : null;
    }

    /// <summary>Names longer than the database keeps: PostgreSQL cuts at 63 bytes, MySQL and MariaDB refuse more than 64 characters.</summary>
    private IEnumerable<LintFinding> Named(MigrationOperation operation, string name)
    {
        var (length, limit, unit) = IsPostgres ? (System.Text.Encoding.UTF8.GetByteCount(name), 63, "bytes")
            : IsMySql ? (name.Length, 64, "characters") : (0, int.MaxValue, "");
        if (length > limit)
            yield return Finding(LintRules.LongIdentifier, operation, $"names {name}: {length} {unit}, more than the {limit} {_dialect.Id.Name} keeps");
    }

    /// <summary>PostgreSQL's type advice for a new column.</summary>
    private IEnumerable<LintFinding> Typed(MigrationOperation operation, string column, SqlType type)
    {
        if (!IsPostgres)
            yield break;
        if (type.Kind == SqlTypeKind.DateTime)
            yield return Finding(LintRules.TimestampWithoutZone, operation, $"makes {column} a timestamp without time zone");
        if (type.Kind == SqlTypeKind.Char)
            yield return Finding(LintRules.FixedChar, operation, $"makes {column} {type}");
    }
}
