using Retort.Dialects;

namespace Retort.Tests.Fidelity;

/// <summary>
/// Single changes to a corpus model, each picked from what the schema has (the first column of a kind that nothing
/// else uses, and so on), with how many operations it must autogenerate on a dialect: one, and on SQLite one batch
/// where a rebuild is needed; none where the database cannot keep the change (a comment on SQLite; a declared
/// length on SQLite, which stores by affinity). The index MariaDB made for a dropped foreign key goes with it and is
/// not counted apart (<see cref="Count"/>).
/// </summary>
internal static class FidelityChanges
{
    /// <summary>
    /// A change of the model; with <paramref name="Before"/>, the database is first brought to that other model, and the
    /// change is from there to the schema's model changed by <paramref name="Apply"/>.
    /// </summary>
    public sealed record Change(Func<DatabaseSchema, DatabaseSchema> Apply, Func<Dialect, int> Operations, Func<DatabaseSchema, DatabaseSchema>? Before = null);

    private static Change One(Func<DatabaseSchema, DatabaseSchema> apply) => new(apply, _ => 1);

    public static readonly IReadOnlyDictionary<string, Change> All = new Dictionary<string, Change>
    {
        ["add table"] = One(s => s with { Tables = [.. s.Tables, new Table(new TableName("fidelity_extra"), [new Column("id", SqlType.Integer, primaryKey: true), new Column("label", SqlType.String(40), nullable: false)])] }),
        ["rename table"] = One(s => Table(s, Leaf(s), t => t with { Name = t.Name with { Name = t.Name.Name + "_renamed" }, RenamedFrom = [t.Name.Name] })),
        ["add column"] = One(s => Table(s, s.Tables[0].Name.Name, t => t with { Columns = [.. t.Columns, new Column("fidelity_note", SqlType.String(40))] })),
        ["drop column"] = One(s => Free(s, c => c.Nullable, (t, c) => t with { Columns = t.Columns.Where(x => x != c).ToList() })),
        ["rename column"] = One(s => Free(s, c => true, (t, c) => t with { Columns = t.Columns.Select(x => x == c ? x with { Name = x.Name + "_renamed", RenamedFrom = [x.Name] } : x).ToList() })),
        ["length"] = new(s => Free(s, c => c.Type.Kind == SqlTypeKind.String, (t, c) => Replace(t, c, c with { Type = SqlType.String(c.Type.Length!.Value + 20) })),
            d => d.Name == "sqlite" ? 0 : 1),
        ["type"] = One(s => Free(s, c => c.Type.Kind is SqlTypeKind.Float or SqlTypeKind.Double, (t, c) => Replace(t, c, c with { Type = SqlType.Numeric(12, 4) }))),
        ["nullability"] = One(s => Free(s, c => c.Nullable && c.Type.Kind != SqlTypeKind.Raw, (t, c) => Replace(t, c, c with { Nullable = false }))),
        ["server default"] = One(s => Free(s, c => c.Type.Kind is SqlTypeKind.String, (t, c) => Replace(t, c, c with { ServerDefault = "'fidelity'" }))),
        ["add index"] = One(s => Free(s, c => true, (t, c) => t with { Indexes = [.. t.Indexes, new TableIndex("ix_fidelity_added", t.Name.Name, [c.Name])] })),
        ["add partial index"] = One(s => Free(s, c => c.Nullable, (t, c) => t with { Indexes = [.. t.Indexes, new TableIndex("ix_fidelity_partial", t.Name.Name, [c.Name], where: Quoted(c.Name) + " IS NOT NULL")] })),
        ["drop index"] = One(s => First(s, t => t.Indexes.Count > 0, t => t with { Indexes = t.Indexes.Skip(1).ToList() })),
        ["add unique"] = One(s => Free(s, c => c.Type.Kind is SqlTypeKind.String or SqlTypeKind.Integer, (t, c) => t with { Constraints = [.. t.Constraints, new UniqueConstraint($"uq_fidelity_{c.Name.Replace(' ', '_')}", c.Name)] })),
        ["drop unique"] = One(s => First(s, t => t.Constraints.OfType<UniqueConstraint>().Any(), t => t with { Constraints = t.Constraints.Where(c => c != t.Constraints.OfType<UniqueConstraint>().First()).ToList() })),
        ["drop foreign key"] = One(DropForeignKey),
        // The model's key on a database that lacks it: the schema's DDL less one foreign key.
        ["add foreign key"] = new(s => s, _ => 1, DropForeignKey),
        // No database alters a key's action in place: the key is dropped and added again (in SQLite's one rebuild).
        ["foreign key action"] = new(s => First(s, t => t.Constraints.OfType<ForeignKey>().Any(k => k.OnDelete != "CASCADE"),
            t => t with { Constraints = t.Constraints.Select(c => c == t.Constraints.OfType<ForeignKey>().First(k => k.OnDelete != "CASCADE") ? ((ForeignKey)c) with { OnDelete = "CASCADE" } : c).ToList() }),
            d => d.Name == "sqlite" ? 1 : 2),
        ["drop check"] = One(s => First(s, t => t.Constraints.OfType<CheckConstraint>().Any(), t => t with { Constraints = t.Constraints.Where(c => c != t.Constraints.OfType<CheckConstraint>().First()).ToList() })),
        ["add check"] = One(s => Free(s, c => c.Type.Kind is SqlTypeKind.String,
            (t, c) => t with { Constraints = [.. t.Constraints, new CheckConstraint("ck_fidelity_added", Quoted(c.Name) + " <> 'forbidden'")] })),
        ["table comment"] = new(s => Table(s, s.Tables[0].Name.Name, t => t with { Comment = "changed by the fidelity test" }), d => d.Echo.KeepsComments ? 1 : 0),
    };

    /// <summary>The operations that make the change: a drop of the index MySQL made for a foreign key dropped just before belongs to that drop.</summary>
    public static int Count(IReadOnlyList<Ops.MigrationOperation> operations) =>
        operations.Where((o, i) => !(o is Ops.DropIndexOperation && i > 0 && operations[i - 1] is Ops.DropConstraintOperation { Kind: ConstraintKind.ForeignKey })).Count();

    // Unquoted where it can be, so that one text serves every database.
    private static DatabaseSchema DropForeignKey(DatabaseSchema schema) =>
        First(schema, t => t.Constraints.OfType<ForeignKey>().Any(), t => t with { Constraints = t.Constraints.Where(c => c != t.Constraints.OfType<ForeignKey>().First()).ToList() });

    private static string Quoted(string name) => name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') ? name : $"\"{name}\"";

    private static DatabaseSchema Table(DatabaseSchema schema, string name, Func<Table, Table> change) =>
        schema with { Tables = schema.Tables.Select(t => t.Name.Name == name ? change(t) : t).ToList() };

    private static DatabaseSchema First(DatabaseSchema schema, Func<Table, bool> which, Func<Table, Table> change) =>
        Table(schema, schema.Tables.First(which).Name.Name, change);

    private static Table Replace(Table table, Column old, Column @new) => table with { Columns = table.Columns.Select(c => c == old ? @new : c).ToList() };

    // The first table that no foreign key or view refers to.
    private static string Leaf(DatabaseSchema schema) => schema.Tables.First(t =>
        !schema.Tables.Any(o => o.Constraints.OfType<ForeignKey>().Any(k => k.ReferencedTable.Name == t.Name.Name))
        && !schema.Views.Any(v => v.Definition.Contains(t.Name.Name, StringComparison.OrdinalIgnoreCase))
        && !t.Name.Name.StartsWith("__", StringComparison.Ordinal)).Name.Name;

    // The first column of the kind that no key, constraint, index or default uses, changed in its table.
    private static DatabaseSchema Free(DatabaseSchema schema, Func<Column, bool> kind, Func<Table, Column, Table> change)
    {
        foreach (var table in schema.Tables.Where(t => !t.Name.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var used = table.Constraints.SelectMany(c => c switch
                {
                    PrimaryKey k => k.Columns,
                    UniqueConstraint u => u.Columns,
                    ForeignKey f => f.Columns,
                    CheckConstraint ch => table.Columns.Where(x => ch.Condition.Contains(x.Name, StringComparison.OrdinalIgnoreCase)).Select(x => x.Name),
                    _ => [],
                })
                .Concat(table.Indexes.SelectMany(i => table.Columns.Where(x => i.Columns.Any(e => e.Contains(x.Name, StringComparison.OrdinalIgnoreCase))
                    || i.Where?.Contains(x.Name, StringComparison.OrdinalIgnoreCase) == true).Select(x => x.Name)))
                .Concat(schema.Views.SelectMany(v => table.Columns.Where(x => v.Definition.Contains(x.Name, StringComparison.OrdinalIgnoreCase)).Select(x => x.Name)))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var column = table.Columns.FirstOrDefault(c => !c.PrimaryKey && !used.Contains(c.Name) && c.ServerDefault is null && kind(c));
            if (column is not null)
                return Table(schema, table.Name.Name, t => change(t, column));
        }
        throw new InvalidOperationException("the schema has no column for this change");
    }
}
