using System.Text;
using System.Text.RegularExpressions;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Lint;

/// <summary>
/// The rules, applied to one revision's operations in order. It remembers what the revision did so far: a table the
/// revision created has no rows and no readers yet, and a lock timeout set earlier covers the DDL after it.
/// </summary>
internal sealed partial class OperationJudge(LintTarget target, string? revision, bool postDeploy)
{
    private readonly Dialect _dialect = target.Dialect;
    private readonly HashSet<TableName> _created = [];
    private TableName? _rebuilding;
    private bool _lockTimeoutSet;
    private bool _lockTimeoutReported;

    private bool IsPostgres => _dialect.Id == DialectId.Postgres;
    private bool IsMySql => _dialect.Id == DialectId.MySql || _dialect.Id == DialectId.MariaDb;

    public IEnumerable<LintFinding> Judge(MigrationOperation operation)
    {
        var findings = new List<LintFinding>();
        if (operation is ExecuteSqlOperation sql && SetsLockTimeout().IsMatch(sql.Sql))
            _lockTimeoutSet = true;
        if (TableOf(operation) is { } table && !_created.Contains(table) && Locks(operation) && !_lockTimeoutSet && !_lockTimeoutReported)
        {
            _lockTimeoutReported = true;
            findings.Add(Finding(LintRules.NoLockTimeout, operation, $"changes {table} without a lock timeout set before it", table));
        }
        if (Rebuilt(operation) is { } rebuilt)
            findings.Add(Rebuild(operation, rebuilt));
        if (operation is BatchAlterTableOperation batch)
            foreach (var inner in batch.Operations)
                findings.AddRange(JudgeOne(inner));
        else
            findings.AddRange(JudgeOne(operation));
        if (operation is CreateTableOperation create)
            _created.Add(create.Table.Name);
        return findings;
    }

    private IEnumerable<LintFinding> JudgeOne(MigrationOperation operation) => operation switch
    {
        DropTableOperation o => Dropped(o, LintRules.DropTable, $"drops table {o.Table}"),
        DropColumnOperation o => Dropped(o, LintRules.DropColumn, $"drops column {o.Table}.{o.Column}"),
        AlterColumnOperation o => Altered(o),
        AddColumnOperation o => Added(o),
        CreateTableOperation o => Created(o),
        CreateIndexOperation o => Indexed(o),
        DropIndexOperation o when IsPostgres && !o.Concurrently && Existing(o.Table) =>
            [Finding(LintRules.DropIndexNotConcurrent, o, $"drops index {o.Name} without concurrently: true", o.Table)],
        AddConstraintOperation o => Constrained(o),
        DropConstraintOperation { Kind: ConstraintKind.PrimaryKey } o when IsMySql && Existing(o.Table) =>
            [Finding(LintRules.TableCopy, o, $"drops the primary key of {o.Table}, which copies the table", o.Table)],
        RenameTableOperation o when !postDeploy =>
            [Finding(LintRules.RenameTable, o, $"renames table {o.Table} to {o.NewName} while the running application still uses the old name")],
        _ => [],
    };

    private IEnumerable<LintFinding> Dropped(MigrationOperation operation, LintRule rule, string what)
    {
        yield return Finding(rule, operation, what);
        if (!postDeploy)
            yield return Finding(LintRules.DropBeforeDeploy, operation, what + " in a pre-deploy revision, while the running application may still read it");
    }

    private IEnumerable<LintFinding> Altered(AlterColumnOperation o)
    {
        var column = $"{o.Table}.{o.Column}";
        var existing = Existing(o.Table);
        if (o.NewName is not null && !postDeploy && existing)
            yield return Finding(LintRules.RenameColumn, o, $"renames column {column} to {o.NewName} while the running application still uses the old name");
        if (o.Type is { } type && type != o.ExistingType)
        {
            var change = o.ExistingType is null ? $"to {type}" : $"from {o.ExistingType} to {type}";
            switch (TypeChange.Classify(o.ExistingType, type))
            {
                case TypeChangeKind.Narrowing:
                    yield return Finding(LintRules.NarrowingType, o, $"narrows {column} {change}", o.Table);
                    break;
                case TypeChangeKind.MayFail:
                    yield return Finding(LintRules.TypeChangeCanFail, o, o.ExistingType is null
                        ? $"changes {column} {change} without existingType, so lint cannot tell whether its values convert"
                        : $"changes {column} {change}, which its values may not convert to", o.Table);
                    break;
            }
            if (existing && IsPostgres && !TypeChange.PostgresKeepsRows(o.ExistingType, type))
                yield return Finding(LintRules.TypeChangeRewrites, o, $"changes {column} {change}, which rewrites {o.Table}", o.Table);
            if (existing && IsMySql && !TypeChange.MySqlInPlace(o.ExistingType, type))
                yield return Finding(LintRules.TableCopy, o, $"changes {column} {change}, which copies {o.Table}", o.Table);
        }
        if (o.Nullable == false && o.ExistingNullable != false && existing)
            yield return Finding(LintRules.SetNotNull, o, $"makes {column} NOT NULL", o.Table,
                Probe(o.Table, $"WHERE {_dialect.Quote(o.Column)} IS NULL", $"NULLs in {column}"));
        if (o.ServerDefault is { Value: null } && (o.Nullable ?? o.ExistingNullable) == false)
            yield return Finding(LintRules.DropRequiredDefault, o, $"drops the default of NOT NULL column {column}");
    }

    private IEnumerable<LintFinding> Added(AddColumnOperation o)
    {
        var column = o.Column;
        var name = $"{o.Table}.{column.Name}";
        if (Existing(o.Table))
        {
            if (column is { Nullable: false, ServerDefault: null, Identity: false } && !column.PrimaryKey)
                yield return Finding(LintRules.RequiredColumn, o, $"adds NOT NULL column {name} without a default", o.Table, Probe(o.Table, "", $"rows in {o.Table}"));
            if (IsPostgres && RewritesOnAdd(column) is { } why)
                yield return Finding(LintRules.VolatileDefault, o, $"adds {name} {why}, which rewrites {o.Table}", o.Table);
        }
        foreach (var finding in Named(o, column.Name).Concat(Typed(o, name, column.Type)))
            yield return finding;
    }

    private IEnumerable<LintFinding> Created(CreateTableOperation operation)
    {
        var table = operation.Table;
        var findings = Named(operation, table.Name.Name).ToList();
        foreach (var column in table.Columns)
            findings.AddRange(Named(operation, column.Name).Concat(Typed(operation, $"{table.Name}.{column.Name}", column.Type)));
        foreach (var name in table.Constraints.Select(c => c.Name).Concat(table.Indexes.Select(i => i.Name)).OfType<string>())
            findings.AddRange(Named(operation, name));
        var key = table.Columns.Where(c => c.PrimaryKey).Select(c => c.Name)
            .Concat(table.Constraints.OfType<PrimaryKey>().SelectMany(k => k.Columns)).ToList();
        if (key.Count == 1 && table.Columns.FirstOrDefault(c => c.Name == key[0]) is { Type.Kind: SqlTypeKind.Integer or SqlTypeKind.SmallInteger } small)
            findings.Add(Finding(LintRules.IntegerKey, operation, $"creates {table.Name} with a {small.Type} primary key {small.Name}"));
        return findings;
    }

    private IEnumerable<LintFinding> Indexed(CreateIndexOperation o)
    {
        var index = o.Index;
        var table = index.Table;
        if (Existing(table))
        {
            if (IsPostgres && !o.Concurrently)
                yield return Finding(LintRules.IndexNotConcurrent, o, $"creates index {index.Name} on {table} without concurrently: true", table);
            if (index.Unique && index.Columns.Count > 0)
                yield return Finding(LintRules.NewUnique, o, $"creates unique index {index.Name} on {table} ({string.Join(", ", index.Columns)})", table,
                    Duplicates(table, index.Columns));
        }
        foreach (var finding in Named(o, index.Name))
            yield return finding;
    }

    private IEnumerable<LintFinding> Constrained(AddConstraintOperation o)
    {
        var table = o.Table;
        var named = o.Constraint.Name is null ? "" : " " + o.Constraint.Name;
        if (Existing(table))
        {
            switch (o.Constraint)
            {
                case PrimaryKey or UniqueConstraint:
                    var columns = o.Constraint is PrimaryKey key ? key.Columns : ((UniqueConstraint)o.Constraint).Columns;
                    var kind = o.Constraint is PrimaryKey ? "primary key" : "unique constraint";
                    yield return Finding(LintRules.NewUnique, o, $"adds {kind}{named} to {table} ({string.Join(", ", columns)})", table, Duplicates(table, columns));
                    if (IsPostgres)
                        yield return Finding(LintRules.UniqueConstraintLocks, o, $"adds {kind}{named} to {table}, building its index under a lock", table);
                    break;
                case CheckConstraint check:
                    yield return Finding(LintRules.NewCheck, o, $"adds check{named} to {table}", table,
                        Probe(table, $"WHERE NOT ({check.Condition})", $"rows of {table} failing ({check.Condition})"));
                    break;
                case ForeignKey foreign:
                    yield return Finding(LintRules.NewForeignKey, o, $"adds foreign key{named} from {table} to {foreign.ReferencedTable}", table, Orphans(table, foreign));
                    break;
            }
            if (o.Constraint is CheckConstraint or ForeignKey)
            {
                if (IsPostgres && !o.NotValid)
                    yield return Finding(LintRules.ConstraintNotValid, o, $"adds{named} to {table} without notValid: true, checking every row under lock", table);
                if (IsMySql)
                    yield return Finding(LintRules.TableCopy, o, $"adds {(o.Constraint is ForeignKey ? "foreign key" : "check")}{named} to {table}, which copies the table", table);
            }
        }
        if (o.Constraint.Name is { } name)
            foreach (var finding in Named(o, name))
                yield return finding;
    }

    /// <summary>
    /// The existing table the operation rebuilds, once for each run of operations on one table, as the run batches them
    /// (a batch, or with <c>sqliteAutoBatch</c> each operation SQLite cannot do in place).
    /// </summary>
    private TableName? Rebuilt(MigrationOperation operation)
    {
        var table = TableOf(operation);
        var rebuilds = table is { } name && !_created.Contains(name)
            && (operation is BatchAlterTableOperation || target.AutoBatch) && _dialect.Preparation.RebuildsTable(operation);
        var first = rebuilds && (operation is BatchAlterTableOperation || _rebuilding != table);
        _rebuilding = rebuilds && operation is not BatchAlterTableOperation ? table : null;
        return first ? table : null;
    }

    private LintFinding Rebuild(MigrationOperation operation, TableName table) =>
        Finding(LintRules.TableRebuild, operation, $"rebuilds {table} (every row copied)", table, Probe(table, "", $"rows in {table}", 100_000));

    private LintFinding Finding(LintRule rule, MigrationOperation operation, string message, TableName? table = null, LintProbe? probe = null) =>
        new(rule, revision, operation, message) { Table = table, Probe = probe };

    private bool Existing(TableName table) => !_created.Contains(table);

    private LintProbe Probe(TableName table, string where, string counted, long threshold = 1) =>
        new(table, new SqlStatement($"SELECT COUNT(*) FROM {_dialect.Quote(table)}{(where.Length == 0 ? "" : " " + where)}"), counted, threshold);

    private LintProbe Duplicates(TableName table, IReadOnlyList<string> columns)
    {
        var list = string.Join(", ", columns.Select(_dialect.Quote));
        var notNull = string.Join(" AND ", columns.Select(c => $"{_dialect.Quote(c)} IS NOT NULL"));
        return new(table, new SqlStatement($"SELECT COUNT(*) FROM (SELECT {list} FROM {_dialect.Quote(table)} WHERE {notNull} GROUP BY {list} HAVING COUNT(*) > 1) d"),
            $"duplicated values of {table} ({string.Join(", ", columns)})");
    }

    private LintProbe Orphans(TableName table, ForeignKey key)
    {
        var sql = new StringBuilder($"SELECT COUNT(*) FROM {_dialect.Quote(table)} c WHERE ")
            .Append(string.Join(" AND ", key.Columns.Select(c => $"c.{_dialect.Quote(c)} IS NOT NULL")))
            .Append($" AND NOT EXISTS (SELECT 1 FROM {_dialect.Quote(key.ReferencedTable)} p WHERE ")
            .Append(string.Join(" AND ", key.Columns.Zip(key.ReferencedColumns, (c, p) => $"p.{_dialect.Quote(p)} = c.{_dialect.Quote(c)}")))
            .Append(')');
        return new(table, new SqlStatement(sql.ToString()), $"rows of {table} without a parent in {key.ReferencedTable}");
    }

    [GeneratedRegex(@"\block_(wait_)?timeout\b", RegexOptions.IgnoreCase)]
    private static partial Regex SetsLockTimeout();

    [GeneratedRegex(@"\b(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|statement_timestamp|nextval|setseed)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Volatile();
}
