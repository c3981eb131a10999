using System.Text;
using Retort.Ops;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>
    /// CREATE INDEX; in an attached database the schema goes on the index's name and the table is named bare
    /// (https://www.sqlite.org/lang_createindex.html). Partial and expression indexes are SQLite's own.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> CreateIndex(CreateIndexOperation operation)
    {
        var index = operation.Index;
        if (operation.Concurrently)
            throw NoConcurrently();
        if (index.Table.Schema is null)
            return base.CreateIndex(operation);
        var text = new StringBuilder("CREATE ").Append(index.Unique ? "UNIQUE " : "").Append("INDEX ")
            .Append(Quote(index.Table.Schema)).Append('.').Append(Quote(index.Name))
            .Append(" ON ").Append(Quote(index.Table.Name)).Append(" (").Append(IndexColumns(index)).Append(')');
        if (index.Where is not null)
            text.Append(PartialIndexClause(index));
        return [new(text.ToString())];
    }

    /// <inheritdoc />
    protected override IReadOnlyList<SqlStatement> DropIndex(DropIndexOperation operation) =>
        operation.Concurrently ? throw NoConcurrently() : base.DropIndex(operation);

    // SQLite has one writer at a time: an index build blocks writers however it is asked for.
    private static NotSupportedException NoConcurrently() =>
        new("sqlite: SQLite has no CONCURRENTLY (it allows one writer at a time); drop 'concurrently: true' for this database");

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
}
