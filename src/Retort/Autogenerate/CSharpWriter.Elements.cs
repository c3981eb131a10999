using System.Globalization;
using System.Text;
using Retort.Ops;

namespace Retort.Autogenerate;

public static partial class CSharpWriter
{
    // op.CreateTable("users", elements…) when the table has no schema and no comment; the Table form otherwise.
    private static string CreateTable(Table table)
    {
        var elements = Elements(table).ToList();
        if (table.Name.Schema is null && table.Comment is null)
            return $"op.CreateTable({Literal(table.Name.Name)},\n{string.Join(",\n", elements.Select(e => "    " + e))});";
        return $"op.CreateTable({Table(table, "")});";
    }

    // new Table(new TableName("users"), [ … ], comment: "…"), its elements one per line.
    private static string Table(Table table, string indent, bool withIndexes = false)
    {
        var name = table.Name.Schema is null ? $"new TableName({Literal(table.Name.Name)})" : $"new TableName({Literal(table.Name.Name)}, {Literal(table.Name.Schema)})";
        var text = new StringBuilder("new Table(").Append(name).Append(",\n").Append(indent).Append("    [\n");
        text.AppendJoin(",\n", Elements(table).Select(e => indent + "        " + e));
        text.Append('\n').Append(indent).Append("    ]");
        if (withIndexes && table.Indexes.Count > 0)
        {
            text.Append(",\n").Append(indent).Append("    [\n");
            text.AppendJoin(",\n", table.Indexes.Select(i => indent + "        " + Index(i)));
            text.Append('\n').Append(indent).Append("    ]");
        }
        if (table.Comment is not null)
            text.Append(", comment: ").Append(Literal(table.Comment));
        return text.Append(')').ToString();
    }

    private static IEnumerable<string> Elements(Table table) => [.. table.Columns.Select(c => Column(c, table)), .. table.Constraints.Select(Constraint)];

    private static string Column(Column column) => Column(column, null);

    // In a table, a key numbered by convention is left to the convention again (identity is written only where the
    // table's convention would decide otherwise), so that the revision builds the same column.
    private static string Column(Column column, Table? table)
    {
        var conventional = table is not null && Retort.Table.NumberedByConvention(column, table.PrimaryKeyColumns, table.Constraints);
        var arguments = new List<string> { Literal(column.Name), Type(column.Type) };
        if (column.Nullable == column.PrimaryKey)
            arguments.Add("nullable: " + Bool(column.Nullable));
        if (column.PrimaryKey) arguments.Add("primaryKey: true");
        if (column.Identity && !(column.IdentityUnstated && conventional)) arguments.Add("identity: true");
        else if (!column.Identity && (conventional || table is null && column.PrimaryKey)) arguments.Add("identity: false");
        arguments.AddRange(Named("serverDefault", column.ServerDefault));
        arguments.AddRange(Named("comment", column.Comment));
        arguments.AddRange(Named("collation", column.Collation));
        arguments.AddRange(Named("computed", column.Computed));
        if (column.Stored) arguments.Add("stored: true");
        return $"new Column({string.Join(", ", arguments)})";
    }

    private static string Constraint(Constraint constraint) => constraint switch
    {
        PrimaryKey k => $"new PrimaryKey({Literal(k.Name)}, {string.Join(", ", k.Columns.Select(Literal))})",
        UniqueConstraint u => $"new UniqueConstraint({Literal(u.Name)}, {string.Join(", ", u.Columns.Select(Literal))})",
        CheckConstraint c => $"new CheckConstraint({Literal(c.Name)}, {Literal(c.Condition)})",
        ForeignKey f => ForeignKey(f),
        _ => throw new ArgumentException($"Autogenerate cannot write a {constraint.GetType().Name}", nameof(constraint)),
    };

    private static string Index(TableIndex index)
    {
        var arguments = new List<string> { Literal(index.Name), Literal(index.Table.Name), List(index.Columns) };
        if (index.Unique) arguments.Add("unique: true");
        arguments.AddRange(Named("where", index.Where));
        arguments.AddRange(Named("schema", index.Table.Schema));
        arguments.AddRange(Descending(index, "[", "]"));
        return $"new TableIndex({string.Join(", ", arguments)})";
    }

    // descending: [false, true], only for an index with a descending entry.
    private static IEnumerable<string> Descending(TableIndex index, string open, string close) =>
        index.Descending.Count == 0 ? [] : [$"descending: {open}{string.Join(", ", index.Descending.Select(Bool))}{close}"];

    // new Sequence("order_numbers", start: 1000, increment: 5), its defaults left out.
    private static string Sequence(Sequence sequence) => $"new Sequence({string.Join(", ", SequenceArguments(sequence))})";

    private static List<string> SequenceArguments(Sequence sequence)
    {
        var arguments = new List<string> { Literal(sequence.Name.Name) };
        if (sequence.Start != 1) arguments.Add("start: " + Number(sequence.Start));
        if (sequence.Increment != 1) arguments.Add("increment: " + Number(sequence.Increment));
        if (sequence.MinValue is { } min) arguments.Add("minValue: " + Number(min));
        if (sequence.MaxValue is { } max) arguments.Add("maxValue: " + Number(max));
        if (sequence.Cycle) arguments.Add("cycle: true");
        if (sequence.Type is { } type) arguments.Add("type: " + Type(type));
        arguments.AddRange(Named("schema", sequence.Name.Schema));
        return arguments;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string ForeignKey(ForeignKey key)
    {
        var arguments = new List<string> { Literal(key.Name), List(key.Columns), Literal(key.ReferencedTable.Name), List(key.ReferencedColumns) };
        arguments.AddRange(Named("onDelete", key.OnDelete));
        arguments.AddRange(Named("onUpdate", key.OnUpdate));
        if (key.Deferrable) arguments.Add("deferrable: true");
        if (key.InitiallyDeferred) arguments.Add("initiallyDeferred: true");
        arguments.AddRange(Named("referencedSchema", key.ReferencedTable.Schema));
        return $"new ForeignKey({string.Join(", ", arguments)})";
    }

    private static string BulkInsert(BulkInsertOperation operation)
    {
        var rows = operation.Rows.Select(row => "new Dictionary<string, object?> { " +
            string.Join(", ", operation.Columns.Select((c, i) => $"[{Literal(c)}] = {Value(row[i])}")) + " }");
        return Call("BulkInsert", [Literal(operation.Table.Name), $"new object[]\n{{\n{string.Join(",\n", rows.Select(r => "    " + r))},\n}}", .. Schema(operation.Table)]);
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => Literal(s),
        bool b => Bool(b),
        int or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        decimal d => d.ToString(CultureInfo.InvariantCulture) + "m",
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture) + "d",
        _ => throw new ArgumentException($"Autogenerate cannot write a {value.GetType().Name} value of a bulk insert", nameof(value)),
    };

    // new[] { "a", "b" }, as the op methods take their column lists.
    private static string Strings(IReadOnlyList<string> values) => "new[] { " + string.Join(", ", values.Select(Literal)) + " }";

    // ["a", "b"], as the schema records take theirs.
    private static string List(IReadOnlyList<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";

    private static string Bool(bool value) => value ? "true" : "false";

    // SqlType writes itself as C#; only text its own quoting does not cover (control characters) is written here.
    private static string Type(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Raw when NeedsEscapes(type.Name!) => $"SqlType.Raw({Literal(type.Name)})",
        SqlTypeKind.Enum when NeedsEscapes(type.Name!) || type.Values.Any(NeedsEscapes) =>
            $"SqlType.Enum({Literal(type.Name)}, {string.Join(", ", type.Values.Select(Literal))})",
        _ => type.ToString(),
    };

    private static bool NeedsEscapes(string text) => text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');

    /// <summary>A C# string literal (or <c>null</c>), with every character that needs it escaped.</summary>
    internal static string Literal(string? value)
    {
        if (value is null)
            return "null";
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
