namespace Retort.Tests.Dialects.Postgres;

/// <summary>A table as lines of text, so that two reads of a table compare by value with a readable diff.</summary>
internal static class SchemaText
{
    public static string Of(Table table) => string.Join('\n',
    [
        $"table {table.Name} comment={table.Comment}",
        .. table.Columns.Select(c => $"column {c.Name} {c.Type} null={c.Nullable} pk={c.PrimaryKey} identity={c.Identity} default={c.ServerDefault} comment={c.Comment} collate={c.Collation}"),
        .. table.Constraints.Select(Of).Order(StringComparer.Ordinal),
        .. table.Indexes.Select(i => $"index {i.Name} ({string.Join(", ", i.Columns)}) unique={i.Unique} where={i.Where}").Order(StringComparer.Ordinal),
    ]);

    public static string Of(Constraint constraint) => constraint switch
    {
        PrimaryKey k => $"primary key {k.Name} ({string.Join(", ", k.Columns)})",
        UniqueConstraint u => $"unique {u.Name} ({string.Join(", ", u.Columns)})",
        CheckConstraint c => $"check {c.Name} {c.Condition}",
        ForeignKey f => $"foreign key {f.Name} ({string.Join(", ", f.Columns)}) -> {f.ReferencedTable} ({string.Join(", ", f.ReferencedColumns)}) " +
            $"delete={f.OnDelete} update={f.OnUpdate} deferrable={f.Deferrable} deferred={f.InitiallyDeferred}",
        _ => constraint.ToString(),
    };
}
