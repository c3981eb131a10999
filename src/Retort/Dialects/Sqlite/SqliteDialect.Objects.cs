using Retort.Ops;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>A view is replaced by dropping and creating it: SQLite has no CREATE OR REPLACE VIEW.</summary>
    protected override IReadOnlyList<SqlStatement> ReplaceObject(ReplaceObjectOperation operation) =>
        operation.Kind == ObjectKind.View
            ? [new($"DROP VIEW IF EXISTS {Quote(operation.Name)}"), new(ObjectDefinition("CREATE", operation.Kind, operation.Name, operation.Definition))]
            : throw NoRoutines(operation.Kind);

    /// <inheritdoc />
    protected override IReadOnlyList<SqlStatement> CreateObject(CreateObjectOperation operation) =>
        operation.Kind == ObjectKind.View ? base.CreateObject(operation) : throw NoRoutines(operation.Kind);

    /// <inheritdoc />
    protected override IReadOnlyList<SqlStatement> DropObject(DropObjectOperation operation) =>
        operation.Kind == ObjectKind.View ? base.DropObject(operation) : throw NoRoutines(operation.Kind);

    // SQLite runs inside the application's process: its functions are registered on each connection, and it has no procedures.
    private static NotSupportedException NoRoutines(ObjectKind kind) => new(kind == ObjectKind.Function
        ? "sqlite: SQLite has no stored functions; register the function on each connection (SqliteConnection.CreateFunction) in the application instead"
        : "sqlite: SQLite has no stored procedures; run the statements with op.Execute, or create a trigger with op.Execute");

    /// <summary>SQLite has no sequences: an INTEGER PRIMARY KEY numbers itself.</summary>
    private protected override SequenceSql Sequences =>
        throw new NotSupportedException("sqlite: SQLite has no sequences; number rows with an INTEGER PRIMARY KEY, or keep a counter in a table of its own");
}
