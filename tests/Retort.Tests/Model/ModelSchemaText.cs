namespace Retort.Tests.Model;

/// <summary>
/// A schema as the dialect tests' <see cref="Dialects.SchemaText"/> writes it, plus the earlier names that only a
/// model carries, so that two schemas with equal text are equal in every field.
/// </summary>
internal static class ModelSchemaText
{
    public static string Of(DatabaseSchema schema)
    {
        var renames = schema.Tables.SelectMany(t =>
            (t.RenamedFrom.Count > 0 ? [$"table {t.Name} renamed from {string.Join(", ", t.RenamedFrom)}"] : Array.Empty<string>())
            .Concat(t.Columns.Where(c => c.RenamedFrom.Count > 0)
                .Select(c => $"column {t.Name}.{c.Name} renamed from {string.Join(", ", c.RenamedFrom)}")));
        return string.Join("\n", new[] { Dialects.SchemaText.Of(schema) }.Concat(renames));
    }

    public static string Of(Table table) => Of(new DatabaseSchema([table], []));
}
