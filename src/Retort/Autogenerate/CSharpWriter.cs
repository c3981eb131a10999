using System.Text;
using Retort.Ops;

namespace Retort.Autogenerate;

/// <summary>
/// Writes operations as the <c>op.X(…)</c> calls of a revision file: one statement per operation, named
/// arguments for options, long argument lists one per line as Alembic writes them.
/// </summary>
/// <remarks>
/// A drop is written without the dropped definition (<c>op.DropTable("users")</c>) since the revision's
/// downgrade is written out in full; only a dropped table or column with an enum type keeps it, because
/// PostgreSQL then drops the enum's type too.
/// </remarks>
/// <example><code>
/// var diff = SchemaComparer.Compare(model, live, dialect, new CompareOptions());
/// var upgrade = CSharpWriter.Operations(diff.Upgrade, "        ");
/// // op.AddColumn("users", new Column("address", SqlType.String(250)));
/// </code></example>
public static partial class CSharpWriter
{
    private const int LineWidth = 120;

    /// <summary>
    /// The calls of <paramref name="operations"/>, each line after <paramref name="indent"/>, ending with a line break;
    /// the <paramref name="notes"/> of an operation (<see cref="SchemaDiff.Notes"/>) as <c>// warning:</c> comments
    /// right above it, where a reviewer reads them.
    /// </summary>
    public static string Operations(IReadOnlyList<MigrationOperation> operations, string indent,
        IReadOnlyDictionary<MigrationOperation, IReadOnlyList<string>>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var text = new StringBuilder();
        foreach (var operation in operations)
        {
            foreach (var line in (Comments(operation, notes) + Statement(operation, notes)).Split('\n'))
                text.Append(indent).Append(line).Append('\n');
        }
        return text.ToString();
    }

    private static string Comments(MigrationOperation operation, IReadOnlyDictionary<MigrationOperation, IReadOnlyList<string>>? notes) =>
        notes is not null && notes.TryGetValue(operation, out var lines)
            ? string.Concat(lines.Select(l => "// warning: " + l.ReplaceLineEndings(" ") + "\n"))
            : "";

    /// <summary>The C# statement of one operation.</summary>
    public static string Statement(MigrationOperation operation) => Statement(operation, null);

    private static string Statement(MigrationOperation operation, IReadOnlyDictionary<MigrationOperation, IReadOnlyList<string>>? notes) => operation switch
    {
        CreateTableOperation o => CreateTable(o.Table),
        DropTableOperation o => Call("DropTable", [Literal(o.Table.Name), .. Schema(o.Table),
            .. KeepsExisting(o) ? new[] { "existing: " + Table(o.Existing!, "") } : []]),
        RenameTableOperation o => Call("RenameTable", [Literal(o.Table.Name), Literal(o.NewName), .. Schema(o.Table)]),
        TableCommentOperation { Comment: null } o => Call("DropTableComment", [Literal(o.Table.Name), .. Named("existingComment", o.Existing), .. Schema(o.Table)]),
        TableCommentOperation o => Call("CreateTableComment", [Literal(o.Table.Name), Literal(o.Comment), .. Named("existingComment", o.Existing), .. Schema(o.Table)]),
        AddColumnOperation o => Call("AddColumn", [Literal(o.Table.Name), Column(o.Column), .. Schema(o.Table)]),
        DropColumnOperation o => Call("DropColumn", [Literal(o.Table.Name), Literal(o.Column), .. Schema(o.Table),
            .. KeepsExisting(o) ? new[] { "existing: " + Column(o.Existing!) } : []]),
        AlterColumnOperation o => AlterColumn(o),
        CreateIndexOperation o => Call("CreateIndex", [Literal(o.Index.Name), Literal(o.Index.Table.Name), Strings(o.Index.Columns),
            .. o.Index.Unique ? new[] { "unique: true" } : [], .. Named("where", o.Index.Where),
            .. o.Concurrently ? new[] { "concurrently: true" } : [], .. Schema(o.Index.Table), .. Descending(o.Index, "new[] { ", " }")]),
        DropIndexOperation o => Call("DropIndex", [Literal(o.Name), Literal(o.Table.Name), .. o.Concurrently ? new[] { "concurrently: true" } : [], .. Schema(o.Table)]),
        AddConstraintOperation o => AddConstraint(o.Table, o.Constraint, o.NotValid),
        DropConstraintOperation o => Call("DropConstraint", [Literal(o.Name), Literal(o.Table.Name), $"ConstraintKind.{o.Kind}", .. Schema(o.Table),
            .. o.RestatedColumn is null ? [] : new[] { "restateColumn: " + Column(o.RestatedColumn) }]),
        CreateObjectOperation o => Call($"Create{o.Kind}", [Literal(o.Name.Name), Literal(o.Definition), .. Schema(o.Name)]),
        ReplaceObjectOperation o => Call($"Replace{o.Kind}", [Literal(o.Name.Name), Literal(o.Definition), .. Named("replaces", o.Replaces), .. Schema(o.Name)]),
        DropObjectOperation o => Call($"Drop{o.Kind}", [Literal(o.Name.Name), .. Schema(o.Name)]),
        CreateSequenceOperation o => Call("CreateSequence", SequenceArguments(o.Sequence)),
        AlterSequenceOperation o => Call("AlterSequence", [Sequence(o.Sequence), .. o.Existing is null ? [] : new[] { "existing: " + Sequence(o.Existing) }]),
        DropSequenceOperation o => Call("DropSequence", [Literal(o.Name.Name), .. Schema(o.Name)]),
        ExecuteSqlOperation o => Call("Execute", [Literal(o.Sql), .. Named("dialect", o.Dialect)]),
        BulkInsertOperation o => BulkInsert(o),
        BatchAlterTableOperation o => Batch(o, notes),
        _ => throw new ArgumentException($"Autogenerate cannot write a {operation.GetType().Name}", nameof(operation)),
    };

    /// <summary><c>op.BatchAlterTable("t", batch => { batch.X(...); });</c> with the table-less forms inside.</summary>
    private static string Batch(BatchAlterTableOperation o, IReadOnlyDictionary<MigrationOperation, IReadOnlyList<string>>? notes)
    {
        var body = string.Concat(o.Operations.Select(inner =>
            "    " + (Comments(inner, notes) + BatchStatement(inner)).Replace("\n", "\n    ", StringComparison.Ordinal) + "\n"));
        var options = string.Concat([.. o.Recreate == BatchMode.Auto ? [] : new[] { $", recreate: BatchMode.{o.Recreate}" },
            .. o.CopyFrom is null ? [] : new[] { ",\ncopyFrom: " + Table(o.CopyFrom, "", withIndexes: true) },
            .. o.Table.Schema is null ? [] : new[] { $", schema: {Literal(o.Table.Schema)}" }]);
        return $"op.BatchAlterTable({Literal(o.Table.Name)}, batch =>\n{{\n{body}}}{options});";
    }

    private static string BatchStatement(MigrationOperation operation) => operation switch
    {
        AddColumnOperation o => Call("AddColumn", [Column(o.Column)], receiver: "batch"),
        DropColumnOperation o => Call("DropColumn", [Literal(o.Column)], receiver: "batch"),
        AlterColumnOperation o => Call("AlterColumn", AlterColumnArguments(o), firstLine: 1, receiver: "batch"),
        CreateIndexOperation o => Call("CreateIndex", [Literal(o.Index.Name), Strings(o.Index.Columns),
            .. o.Index.Unique ? new[] { "unique: true" } : [], .. Named("where", o.Index.Where), .. Descending(o.Index, "new[] { ", " }")], receiver: "batch"),
        DropIndexOperation o => Call("DropIndex", [Literal(o.Name)], receiver: "batch"),
        AddConstraintOperation { Constraint: PrimaryKey k } => Call("CreatePrimaryKey", [Literal(k.Name), Strings(k.Columns)], receiver: "batch"),
        AddConstraintOperation { Constraint: UniqueConstraint u } => Call("CreateUniqueConstraint", [Literal(u.Name), Strings(u.Columns)], receiver: "batch"),
        AddConstraintOperation { Constraint: CheckConstraint c } => Call("CreateCheckConstraint", [Literal(c.Name), Literal(c.Condition)], receiver: "batch"),
        AddConstraintOperation { Constraint: ForeignKey f } => Call("CreateForeignKey", [Literal(f.Name), Literal(f.ReferencedTable.Name),
            Strings(f.Columns), Strings(f.ReferencedColumns), .. Named("onDelete", f.OnDelete), .. Named("onUpdate", f.OnUpdate),
            .. f.Deferrable ? new[] { "deferrable: true" } : [], .. f.InitiallyDeferred ? new[] { "initiallyDeferred: true" } : []], receiver: "batch"),
        DropConstraintOperation { Name: null, Existing: { } existing } => Call("DropConstraint", [Constraint(existing)], receiver: "batch"),
        DropConstraintOperation o => Call("DropConstraint", [Literal(o.Name), $"ConstraintKind.{o.Kind}"], receiver: "batch"),
        TableCommentOperation { Comment: null } o => Call("DropTableComment", [.. Named("existingComment", o.Existing)], receiver: "batch"),
        TableCommentOperation o => Call("CreateTableComment", [Literal(o.Comment), .. Named("existingComment", o.Existing)], receiver: "batch"),
        _ => throw new ArgumentException($"A batch cannot hold a {operation.GetType().Name}", nameof(operation)),
    };

    /// <summary>
    /// The operation that the written call records when it runs: the same, without what the writer leaves out
    /// (the definitions of drops other than those with enum types, a replaced view's previous definition; an
    /// existing default or comment of none is "not given").
    /// </summary>
    internal static MigrationOperation Written(MigrationOperation operation) => operation switch
    {
        DropTableOperation o => o with { Existing = KeepsExisting(o) ? o.Existing! with { Indexes = [] } : null },
        DropColumnOperation o when !KeepsExisting(o) => o with { Existing = null },
        DropIndexOperation o => o with { Existing = null },
        DropConstraintOperation o => o.Name is null ? o : o with { Existing = null },
        DropObjectOperation o => o with { Existing = null },
        DropSequenceOperation o => o with { Existing = null },
        ReplaceObjectOperation o => o with { Previous = null },
        BatchAlterTableOperation o => o with { Operations = o.Operations.Select(Written).ToList() },
        AlterColumnOperation o => o with
        {
            ExistingServerDefaultKnown = o.ExistingServerDefault is not null,
            ExistingCommentKnown = o.ExistingComment is not null,
        },
        _ => operation,
    };

    // PostgreSQL drops an enum's type with the table or column that used it, which it learns from the definition.
    private static bool KeepsExisting(DropTableOperation operation) => operation.Existing?.Columns.Any(c => c.Type.Kind == SqlTypeKind.Enum) == true;

    private static bool KeepsExisting(DropColumnOperation operation) => operation.Existing?.Type.Kind == SqlTypeKind.Enum;

    private static string AlterColumn(AlterColumnOperation o) =>
        Call("AlterColumn", [Literal(o.Table.Name), .. AlterColumnArguments(o), .. Schema(o.Table)], firstLine: 2);

    /// <summary>The column and its changes, without the table (which the batch form leaves out).</summary>
    private static List<string> AlterColumnArguments(AlterColumnOperation o)
    {
        var arguments = new List<string> { Literal(o.Column) };
        if (o.Type is not null) arguments.Add("type: " + Type(o.Type));
        if (o.Nullable is { } nullable) arguments.Add("nullable: " + Bool(nullable));
        if (o.ServerDefault is { } change) arguments.Add(change.Value is null ? "dropServerDefault: true" : "serverDefault: " + Literal(change.Value));
        if (o.Comment is { } comment) arguments.Add(comment.Value is null ? "dropComment: true" : "comment: " + Literal(comment.Value));
        arguments.AddRange(Named("newName", o.NewName));
        if (o.ExistingType is not null) arguments.Add("existingType: " + Type(o.ExistingType));
        if (o.ExistingNullable is { } existingNullable) arguments.Add("existingNullable: " + Bool(existingNullable));
        arguments.AddRange(Named("existingServerDefault", o.ExistingServerDefault));
        arguments.AddRange(Named("existingComment", o.ExistingComment));
        arguments.AddRange(Named("postgresUsing", o.Using));
        if (o.ExistingAutoincrement is { } autoincrement) arguments.Add("existingAutoincrement: " + Bool(autoincrement));
        return arguments;
    }

    private static string AddConstraint(TableName table, Constraint constraint, bool notValid)
    {
        var name = Literal(constraint.Name);
        string[] notYetChecked = notValid ? ["notValid: true"] : [];
        return constraint switch
        {
            PrimaryKey k => Call("CreatePrimaryKey", [name, Literal(table.Name), Strings(k.Columns), .. Schema(table)]),
            UniqueConstraint u => Call("CreateUniqueConstraint", [name, Literal(table.Name), Strings(u.Columns), .. Schema(table)]),
            CheckConstraint c => Call("CreateCheckConstraint", [name, Literal(table.Name), Literal(c.Condition), .. Schema(table), .. notYetChecked]),
            ForeignKey f => Call("CreateForeignKey", [name, Literal(table.Name), Literal(f.ReferencedTable.Name), Strings(f.Columns), Strings(f.ReferencedColumns),
                .. Named("onDelete", f.OnDelete), .. Named("onUpdate", f.OnUpdate),
                .. f.Deferrable ? new[] { "deferrable: true" } : [], .. f.InitiallyDeferred ? new[] { "initiallyDeferred: true" } : [],
                .. Named("sourceSchema", table.Schema), .. Named("referentSchema", f.ReferencedTable.Schema), .. notYetChecked], firstLine: 3),
            _ => throw new ArgumentException($"Autogenerate cannot write a {constraint.GetType().Name}", nameof(constraint)),
        };
    }

    /// <summary>
    /// <c>op.Name(a, b, c);</c> on one line when it fits, else the first <paramref name="firstLine"/> arguments on
    /// the first line and each other one on a line of its own.
    /// </summary>
    private static string Call(string method, IReadOnlyList<string> arguments, int firstLine = 1, string receiver = "op")
    {
        var single = $"{receiver}.{method}({string.Join(", ", arguments)});";
        if ((single.Length <= LineWidth && !single.Contains('\n')) || arguments.Count <= firstLine)
            return single;
        var head = string.Join(", ", arguments.Take(firstLine));
        var rest = arguments.Skip(firstLine).Select(a => "    " + a.Replace("\n", "\n    ", StringComparison.Ordinal));
        return $"{receiver}.{method}({head},\n{string.Join(",\n", rest)});";
    }

    private static IEnumerable<string> Schema(TableName table) => Named("schema", table.Schema);

    private static IEnumerable<string> Named(string name, string? value) => value is null ? [] : [$"{name}: {Literal(value)}"];
}
