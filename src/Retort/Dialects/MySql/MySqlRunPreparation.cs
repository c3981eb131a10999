using System.Data.Common;
using Retort.Ops;

namespace Retort.Dialects.MySql;

/// <summary>What a run asks MySQL and MariaDB before it renders operations: the live column that a restatement replaces.</summary>
internal sealed class MySqlRunPreparation(MySqlDialect dialect) : RunPreparation(dialect)
{
    /// <summary>
    /// Online, a change that restates a whole column (MODIFY/CHANGE), alone or in a batch, is completed from the live
    /// table: the existing type, nullability, default and comment where the migration leaves them out, and
    /// AUTO_INCREMENT and the collation, which the restatement would otherwise drop without a word.
    /// </summary>
    public override async Task<MigrationOperation> PrepareAsync(MigrationOperation operation, DbConnection connection,
        DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var prepared = await base.PrepareAsync(operation, connection, transaction, cancellationToken);
        if (prepared is DropConstraintOperation { Kind: ConstraintKind.Check, RestatedColumn: null, Name: { } name, Table.Schema: null } drop && dialect.MariaDb)
        {
            var owner = (await MySqlInspector.ReadAsync(connection, [], cancellationToken, transaction)).Tables
                .FirstOrDefault(t => string.Equals(t.Name.Name, drop.Table.Name, StringComparison.OrdinalIgnoreCase));
            var check = owner?.Constraints.OfType<CheckConstraint>().FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            return check?.Column is { } column && owner!.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)) is { } restated
                ? drop with { RestatedColumn = restated } : drop;
        }
        var (table, restates) = prepared switch
        {
            BatchAlterTableOperation { CopyFrom: null } b => (b.Table, b.Operations.Any(Restates)),
            AlterColumnOperation a => (a.Table, Restates(a)),
            _ => (default, false),
        };
        if (!restates || table.Schema is not null)
            return prepared;
        var live = (await MySqlInspector.ReadAsync(connection, [], cancellationToken, transaction)).Tables
            .FirstOrDefault(t => string.Equals(t.Name.Name, table.Name, StringComparison.OrdinalIgnoreCase));
        return (prepared, live) switch
        {
            (_, null) => prepared,
            (BatchAlterTableOperation batch, _) => batch with { CopyFrom = live },
            (AlterColumnOperation alter, _) when live.Columns.Any(c => string.Equals(c.Name, alter.Column, StringComparison.OrdinalIgnoreCase))
                => (AlteredTable.Complete(live, alter, dialect.ColumnReferences) as AlterColumnOperation ?? alter) with
                {
                    // MariaDB keeps a check declared after the column in its definition, which the restatement replaces.
                    ExistingColumnChecks = dialect.MariaDb
                        ? live.Constraints.OfType<CheckConstraint>().Where(c => string.Equals(c.Column, alter.Column, StringComparison.OrdinalIgnoreCase)).Select(c => c.Condition).ToList()
                        : [],
                },
            _ => prepared,
        };
    }

    private static bool Restates(MigrationOperation operation) =>
        operation is AlterColumnOperation { Type: not null } or AlterColumnOperation { Nullable: not null } or AlterColumnOperation { Comment: not null };
}
