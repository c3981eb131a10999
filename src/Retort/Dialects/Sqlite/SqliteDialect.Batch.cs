using Retort.Ops;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>
    /// A batch: rebuilt when <see cref="BatchMode.Always"/> says so, or when <see cref="BatchMode.Auto"/> finds an
    /// operation SQLite cannot do in place; otherwise each operation as it runs outside a batch. The rebuild follows
    /// SQLite's own procedure for schema changes (https://www.sqlite.org/lang_altertable.html#otheralter); see
    /// <see cref="SqliteTableRebuild"/>.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> BatchAlterTable(BatchAlterTableOperation operation)
    {
        operation.CheckTables();
        return Rebuilds(operation) ? SqliteTableRebuild.Statements(this, operation) : base.BatchAlterTable(operation);
    }

    /// <summary>Whether the batch rebuilds its table.</summary>
    internal static bool Rebuilds(BatchAlterTableOperation batch) =>
        batch.Recreate == BatchMode.Always || (batch.Recreate == BatchMode.Auto && batch.Operations.Any(NeedsRebuild));

    /// <summary>
    /// Whether SQLite cannot run the operation in place: everything but adding a column within ADD COLUMN's limits
    /// (a stored computed column is beyond them),
    /// indexes, comments, and a rename of a column (https://www.sqlite.org/lang_altertable.html). Dropping a column
    /// rebuilds too, as Alembic does: in place SQLite refuses columns that anything refers to.
    /// </summary>
    internal static bool NeedsRebuild(MigrationOperation operation) => operation switch
    {
        AddColumnOperation o => o.Column is { PrimaryKey: true } or { Identity: true } or { Stored: true } or { Nullable: false, ServerDefault: null, Computed: null }
            || (o.Column.ServerDefault is { } value && !IsConstant(value)),
        AlterColumnOperation o => o.Type is not null || o.Nullable is not null || o.ServerDefault is not null,
        CreateIndexOperation or DropIndexOperation or TableCommentOperation => false,
        _ => true,
    };

    /// <summary>
    /// Statements that fail the run, with one line naming the table, when a row breaks a foreign key
    /// (<c>pragma_foreign_key_check</c>, https://www.sqlite.org/pragma.html#pragma_foreign_key_check): of
    /// <paramref name="table"/>'s own keys, or of every table. SQL rather than a read, so that a script checks as an
    /// online run does.
    /// </summary>
    internal IReadOnlyList<SqlStatement> ForeignKeyCheck(TableName? table)
    {
        var what = table is null
            ? "a row breaks a foreign key, checked before the commit since enforcement was off for a table rebuild; PRAGMA foreign_key_check lists the rows"
            : $"a row of {table} breaks a foreign key after its rebuild; PRAGMA foreign_key_check({table.Value.Name}) lists the rows";
        var source = table is null ? "pragma_foreign_key_check"
            : $"pragma_foreign_key_check({Literal(table.Value.Name)}{(table.Value.Schema is null ? "" : ", " + Literal(table.Value.Schema))})";
        return
        [
            new($"CREATE TEMP TABLE _retort_foreign_key_check (broken TEXT CONSTRAINT {Quote(what)} CHECK (broken IS NULL))"),
            new($"INSERT INTO temp._retort_foreign_key_check SELECT \"table\" FROM {source}"),
            new("DROP TABLE temp._retort_foreign_key_check"),
        ];
    }

    private static NotSupportedException NeedsRebuild(string what) =>
        new($"sqlite: cannot {what} in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)");
}
