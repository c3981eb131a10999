using Retort.Ops;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>Refused: SQLite cannot add a constraint to an existing table (https://www.sqlite.org/omitted.html).</summary>
    protected override IReadOnlyList<SqlStatement> AddConstraint(AddConstraintOperation operation)
    {
        var constraint = operation.Constraint;
        var named = constraint.Name is null ? "" : " " + constraint.Name;
        var message = NeedsRebuild($"add {KindWords(AddConstraintOperation.KindOf(constraint))}{named} to {operation.Table}").Message;
        throw new NotSupportedException(constraint is UniqueConstraint ? message + ", or create a unique index (op.CreateIndex with unique: true)" : message);
    }

    /// <summary>Refused: SQLite cannot drop a constraint from an existing table (https://www.sqlite.org/omitted.html).</summary>
    protected override IReadOnlyList<SqlStatement> DropConstraint(DropConstraintOperation operation) =>
        throw NeedsRebuild($"drop {(operation.Name is null ? "an unnamed " + KindWords(operation.Kind) : KindWords(operation.Kind) + " " + operation.Name)} from {operation.Table}");

    private static string KindWords(ConstraintKind kind) => kind switch
    {
        ConstraintKind.PrimaryKey => "primary key",
        ConstraintKind.Unique => "unique constraint",
        ConstraintKind.ForeignKey => "foreign key",
        _ => "check constraint",
    };

    /// <summary>
    /// The referenced table without its schema: SQLite's REFERENCES names a table of the same database
    /// (https://www.sqlite.org/syntax/foreign-key-clause.html), and INITIALLY DEFERRED needs DEFERRABLE before it.
    /// </summary>
    protected override string ForeignKeyClause(ForeignKey key) =>
        base.ForeignKeyClause(key with { ReferencedTable = new TableName(key.ReferencedTable.Name), Deferrable = key.Deferrable || key.InitiallyDeferred });
}
