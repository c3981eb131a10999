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
        var upgrade = comparison.Run(wanted, live);
        var downgrade = new List<MigrationOperation>(upgrade.Count);
        for (var i = upgrade.Count - 1; i >= 0; i--)
            downgrade.Add(upgrade[i].Reverse());
        return new SchemaDiff(upgrade, downgrade, comparison.Warnings);
    }
}
