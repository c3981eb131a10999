using Retort.Ops;

namespace Retort;

/// <summary>One line per detected operation, in the words of Alembic's log ("added column 'users.address'").</summary>
public static class OperationSummary
{
    /// <summary>What <paramref name="operation"/> changes, as <c>check</c> and <c>revision --autogenerate</c> report it.</summary>
    public static string Describe(MigrationOperation operation) => operation switch
    {
        CreateTableOperation o => $"added table '{o.Table.Name}'",
        DropTableOperation o => $"removed table '{o.Table}'",
        RenameTableOperation o => $"renamed table '{o.Table}' to '{o.NewName}'",
        AddColumnOperation o => $"added column '{o.Table}.{o.Column.Name}'",
        DropColumnOperation o => $"removed column '{o.Table}.{o.Column}'",
        AlterColumnOperation o => $"changed column '{o.Table}.{o.Column}'{Changes(o)}",
        CreateIndexOperation o => $"added index '{o.Index.Name}' on '{o.Index.Table}' ({string.Join(", ", o.Index.Columns.Select((c, i) => o.Index.IsDescending(i) ? c + " DESC" : c))})",
        DropIndexOperation o => $"removed index '{o.Name}' on '{o.Table}'",
        AddConstraintOperation o => $"added {Kind(o.Constraint)} '{o.Constraint.Name}' on '{o.Table}'",
        DropConstraintOperation o => $"removed {o.Kind switch { ConstraintKind.ForeignKey => "foreign key", ConstraintKind.PrimaryKey => "primary key", var k => k.ToString().ToLowerInvariant() }} constraint '{o.Name}' on '{o.Table}'",
        TableCommentOperation o => $"changed comment of table '{o.Table}'",
        CreateObjectOperation o => $"added {o.Kind.ToString().ToLowerInvariant()} '{o.Name}'",
        ReplaceObjectOperation o => $"changed {o.Kind.ToString().ToLowerInvariant()} '{o.Name}'",
        DropObjectOperation o => $"removed {o.Kind.ToString().ToLowerInvariant()} '{o.Name}'",
        CreateSequenceOperation o => $"added sequence '{o.Sequence.Name}'",
        AlterSequenceOperation o => $"changed sequence '{o.Sequence.Name}'",
        DropSequenceOperation o => $"removed sequence '{o.Name}'",
        BatchAlterTableOperation o => $"changed table '{o.Table}' in a batch: {string.Join("; ", o.Operations.Select(Describe))}",
        ExecuteSqlOperation o => $"ran SQL \"{Shortened(o.Sql)}\"{(o.Dialect is null ? "" : $" on {o.Dialect}")}",
        BulkInsertOperation o => $"inserted {o.Rows.Count} row(s) into '{o.Table}'",
        _ => operation.GetType().Name,
    };

    private static string Shortened(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 60 ? line : line[..57] + "...";
    }

    private static string Kind(Constraint constraint) => constraint switch
    {
        PrimaryKey => "primary key",
        UniqueConstraint => "unique constraint",
        ForeignKey => "foreign key",
        _ => "check constraint",
    };

    private static string Changes(AlterColumnOperation o)
    {
        var changes = new List<string>();
        if (o.NewName is not null) changes.Add($"renamed to '{o.NewName}'");
        if (o.Type is not null) changes.Add($"type {o.ExistingType} -> {o.Type}");
        if (o.Nullable is { } n) changes.Add(n ? "now nullable" : "now NOT NULL");
        if (o.ServerDefault is { } d) changes.Add($"default {d.Value ?? "removed"}");
        if (o.Comment is not null) changes.Add("comment");
        return changes.Count == 0 ? "" : ": " + string.Join(", ", changes);
    }
}
