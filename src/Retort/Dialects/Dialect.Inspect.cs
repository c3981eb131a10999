using System.Data.Common;

namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>
    /// Reads the live schema (tables, columns, keys, indexes, constraints, comments, views) of the connection's
    /// database, in a fixed number of catalog queries however many tables there are. Tables in
    /// <paramref name="exclude"/> (the version table) are left out.
    /// </summary>
    public virtual Task<DatabaseSchema> InspectAsync(DbConnection connection, IReadOnlyCollection<TableName> exclude,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name}: reading the schema of a live database is not supported");
}
