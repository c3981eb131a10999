namespace Retort.Tests.Dialects;

/// <summary>
/// A schema as short text, one line per table or view, so that a test states what it expects at a glance:
/// <c>users: id Integer pk identity not null, …; PK(id); UQ uq(email); CK ck(a &gt; 0); FK fk(a) → t(id) …; IX ix unique (a) where …</c>.
/// </summary>
internal static class SchemaText
{
    public static string Of(DatabaseSchema schema) =>
        string.Join("\n", schema.Tables.Select(Of).Concat(schema.Views.Select(v => $"view {v.Name}: {v.Definition}")));

    public static string Of(Table table)
    {
        var parts = new List<string> { string.Join(", ", table.Columns.Select(Of)) };
        if (table.Comment is not null)
            parts.Add($"comment '{table.Comment}'");
        foreach (var constraint in table.Constraints)
        {
            parts.Add(constraint switch
            {
                PrimaryKey k => $"PK {k.Name}({string.Join(", ", k.Columns)})",
                UniqueConstraint u => $"UQ {u.Name}({string.Join(", ", u.Columns)})",
                CheckConstraint c => $"CK {c.Name}({c.Condition})",
                ForeignKey f => $"FK {f.Name}({string.Join(", ", f.Columns)}) -> {f.ReferencedTable}({string.Join(", ", f.ReferencedColumns)})" +
                    (f.OnDelete is null ? "" : $" on delete {f.OnDelete}") + (f.OnUpdate is null ? "" : $" on update {f.OnUpdate}") +
                    (f.Deferrable ? " deferrable" : "") + (f.InitiallyDeferred ? " initially deferred" : ""),
                _ => constraint.ToString(),
            });
        }
        parts.AddRange(table.Indexes.Select(i => $"IX {i.Name}{(i.Unique ? " unique" : "")} ({string.Join(", ", i.Columns)})" + (i.Where is null ? "" : $" where {i.Where}")));
        return $"{table.Name}: {string.Join("; ", parts)}";
    }

    private static string Of(Column c) =>
        $"{c.Name} {c.Type.ToString().Replace("SqlType.", "", StringComparison.Ordinal)}" +
        (c.PrimaryKey ? " pk" : "") + (c.Identity ? " identity" : "") + (c.Nullable ? "" : " not null") +
        (c.ServerDefault is null ? "" : $" default {c.ServerDefault}") + (c.Collation is null ? "" : $" collate {c.Collation}") +
        (c.Computed is null ? "" : $" computed ({c.Computed}){(c.Stored ? " stored" : "")}") +
        (c.Comment is null ? "" : $" comment '{c.Comment}'");
}
