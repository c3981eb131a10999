using System.Data.Common;
using System.Globalization;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Execution;

/// <summary>A revision's <see cref="DataFixture"/> on the scratch database: its rows put in, and the rows it expects looked for.</summary>
internal static class Fixtures
{
    /// <summary>Inserts the fixture's rows; null when they went in, else the failure in one line.</summary>
    public static async Task<string?> InsertAsync(Dialect dialect, DbConnection connection, DataFixture fixture, CancellationToken cancellationToken)
    {
        foreach (var insert in fixture.Inserted)
        {
            try
            {
                foreach (var statement in dialect.Render(insert))
                    await statement.ScalarAsync(connection, null, cancellationToken);
            }
            catch (DbException e)
            {
                return $"its fixture's rows could not be put into {insert.Table} before the upgrade: {StatementFailedException.OneLine(e.Message)}";
            }
        }
        return null;
    }

    /// <summary>The rows the fixture expects that no row matches, one line each (<c>users: id = 1, first_name = 'Ann'</c>).</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(Dialect dialect, DbConnection connection, DataFixture fixture,
        CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var expected in fixture.Expected)
        {
            foreach (var row in expected.Rows)
            {
                var found = await CountAsync(dialect, connection, expected.Table, expected.Columns, row, cancellationToken);
                if (found is not > 0)
                    missing.Add($"{expected.Table}: {string.Join(", ", expected.Columns.Select((c, i) => $"{c} = {dialect.Literal(row[i])}"))}" +
                        (found is null ? " (the table or a column is not there)" : ""));
            }
        }
        return missing;
    }

    // The rows matching every given column; null when the query fails (the table or a column is missing).
    private static async Task<long?> CountAsync(Dialect dialect, DbConnection connection, TableName table, IReadOnlyList<string> columns,
        IReadOnlyList<object?> row, CancellationToken cancellationToken)
    {
        var parameters = new List<object?>();
        var conditions = columns.Select((column, i) =>
        {
            if (row[i] is null)
                return $"{dialect.Quote(column)} IS NULL";
            parameters.Add(row[i]);
            var parameter = $"@p{parameters.Count - 1}";
            return row[i] is string ? dialect.Bookkeeping.SameText(dialect.Quote(column), parameter) : $"{dialect.Quote(column)} = {parameter}";
        }).ToList();
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        try
        {
            return Convert.ToInt64(await new SqlStatement($"SELECT COUNT(*) FROM {dialect.Quote(table)}{where}", parameters)
                .ScalarAsync(connection, null, cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return null;
        }
    }
}
