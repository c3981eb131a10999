using System.Data.Common;
using Retort.Dialects.Postgres;

namespace Retort.Dialects;

/// <summary>
/// The tables of schemas other than the connection's current one, named with their schema, for a model that puts
/// tables there (EF Core's <c>HasDefaultSchema</c> or <c>ToTable(name, schema)</c>). Only PostgreSQL has such schemas
/// within one database; elsewhere (MySQL's schema is its database, SQLite's an attached file) nothing is read.
/// </summary>
internal static class OtherSchemas
{
    /// <summary><paramref name="live"/> with the tables and views of each of <paramref name="schemas"/> added.</summary>
    public static async Task<DatabaseSchema> AddAsync(DatabaseSchema live, IEnumerable<string> schemas, Dialect dialect, DbConnection connection,
        IReadOnlyCollection<TableName> exclude, CancellationToken cancellationToken)
    {
        if (dialect.Id != DialectId.Postgres)
            return live;
        List<Table> tables = [.. live.Tables];
        List<View> views = [.. live.Views];
        foreach (var schema in schemas.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var read = await PostgresInspector.ReadAsync(connection, exclude, cancellationToken, schema);
            tables.AddRange(read.Tables);
            views.AddRange(read.Views);
        }
        return new DatabaseSchema(tables, views);
    }
}
