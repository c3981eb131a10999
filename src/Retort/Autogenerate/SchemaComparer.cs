using System.Data.Common;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Autogenerate;

/// <summary>
/// Autogenerate's comparison: the operations that turn a live schema into a wanted one, ordered so that they
/// run (referenced tables created first, dropped last), with their reverses for the downgrade.
/// </summary>
/// <example><code>
/// var live = await dialect.InspectAsync(connection, [new TableName("retort_version")], ct);
/// var diff = SchemaComparer.Compare(model, live, dialect, new CompareOptions());
/// string upgrade = CSharpWriter.Operations(diff.Upgrade, "        ");
/// </code></example>
public static class SchemaComparer
{
    /// <summary>
    /// Compares <paramref name="wanted"/> (the model) with <paramref name="live"/> (the database) as
    /// <paramref name="dialect"/>'s database sees them: what that database only echoes differently is no change.
    /// </summary>
    public static SchemaDiff Compare(DatabaseSchema wanted, DatabaseSchema live, Dialect dialect, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        var comparison = new Comparison(dialect, options);
        return Diff(comparison, comparison.Run(wanted, live), dialect);
    }

    /// <summary>
    /// As <see cref="Compare"/>, and where an expression of the model (a check's condition, a partial index's, a
    /// default, a view) does not compare equal to the database's by its text, asks the database over
    /// <paramref name="connection"/> what it makes of the model's (PostgreSQL stores it on a temporary object in a
    /// transaction it rolls back), so that its own rewriting (<c>IN (…)</c> into <c>= ANY (ARRAY[…])</c>,
    /// <c>BETWEEN</c> into two comparisons) is no difference. Nothing is asked when every expression agrees.
    /// </summary>
    public static async Task<SchemaDiff> CompareAsync(DatabaseSchema wanted, DatabaseSchema live, Dialect dialect, CompareOptions options,
        DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        var comparison = new Comparison(dialect, options);
        var upgrade = comparison.Run(wanted, live);
        if (comparison.Questions.Count > 0)
        {
            var answers = await dialect.Echo.EchoAsync(connection, comparison.Questions, cancellationToken);
            if (answers.Count > 0)
            {
                comparison = new Comparison(dialect, options, answers);
                upgrade = comparison.Run(wanted, live);
            }
        }
        return Diff(comparison, upgrade, dialect);
    }

    // Where the database cannot make a change in place (SQLite), the changes of one table go into one batch that
    // rebuilds it, carrying the table as it is before (so that a --sql script renders it); elsewhere the operations
    // stay as they are.
    private static SchemaDiff Diff(Comparison comparison, List<MigrationOperation> upgrade, Dialect dialect)
    {
        var downgrade = Reversed(upgrade, comparison.AlsoUndone);
        if (!dialect.Preparation.BatchesByTable)
            return new SchemaDiff(upgrade, downgrade, comparison.Warnings) { Notes = comparison.Notes };
        var before = comparison.KeptTables;
        // The table as the upgrade leaves it, worked out only for a table the downgrade rebuilds.
        Table? After(TableName name)
        {
            if (!before.TryGetValue(name, out var table))
                return null;
            try
            {
                return Ops.AlteredTable.Apply(table, upgrade.Where(o => BatchAlterTableOperation.TableOf(o) == name), dialect.ColumnReferences).After;
            }
            catch (RetortException)
            {
                // The downgrade's batch then reads the table online, as a hand-written batch does.
                return null;
            }
        }
        return new SchemaDiff(
            dialect.Preparation.AutoBatch(upgrade, new TableShapes(before.GetValueOrDefault, before.GetValueOrDefault)),
            dialect.Preparation.AutoBatch(downgrade, new TableShapes(comparison.KeptWanted.GetValueOrDefault, After)),
            comparison.Warnings) { Notes = comparison.Notes };
    }

    /// <summary>
    /// The downgrade: each operation's reverse, in reverse order, with one rule for tables and their indexes,
    /// which a DROP TABLE removes together: a dropped table whose definition lists indexes is created again
    /// followed by them, and the index drops right before a table's drop are left to it (MySQL refuses to drop
    /// an index that a foreign key needs, and the table's drop removes it anyway).
    /// </summary>
    internal static List<MigrationOperation> Reversed(IReadOnlyList<MigrationOperation> upgrade,
        IReadOnlyDictionary<MigrationOperation, MigrationOperation>? alsoUndone = null)
    {
        var reversed = new List<MigrationOperation>(upgrade.Count);
        for (var i = upgrade.Count - 1; i >= 0; i--)
        {
            if (alsoUndone is not null && alsoUndone.TryGetValue(upgrade[i], out var extra))
            {
                reversed.Add(upgrade[i].Reverse());
                reversed.Add(extra);
                continue;
            }
            if (upgrade[i] is DropTableOperation { Existing: { Indexes.Count: > 0 } table })
            {
                reversed.Add(new CreateTableOperation(table with { Indexes = [] }));
                reversed.AddRange(table.Indexes.Select(index => new CreateIndexOperation(index)));
            }
            else
                reversed.Add(upgrade[i].Reverse());
        }
        return FoldIndexDrops(reversed);
    }

    private static List<MigrationOperation> FoldIndexDrops(List<MigrationOperation> operations)
    {
        var result = new List<MigrationOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not DropIndexOperation first)
            {
                result.Add(operations[i]);
                continue;
            }
            var end = i;
            while (end + 1 < operations.Count && operations[end + 1] is DropIndexOperation next && next.Table == first.Table)
                end++;
            if (end + 1 < operations.Count && operations[end + 1] is DropTableOperation drop && drop.Table == first.Table && drop.Existing is not null)
            {
                var indexes = operations.Skip(i).Take(end - i + 1).Cast<DropIndexOperation>().Select(d => d.Existing).OfType<TableIndex>().Reverse();
                result.Add(drop with { Existing = drop.Existing with { Indexes = [.. drop.Existing.Indexes, .. indexes] } });
                i = end + 1;
            }
            else
                result.Add(first);
        }
        return result;
    }
}
