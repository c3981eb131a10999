using System.Data;
using System.Data.Common;

namespace Retort.Dialects;

/// <summary>How an inspector reads through a connection that may not be open yet.</summary>
internal static class ConnectionScope
{
    /// <summary>
    /// Runs <paramref name="read"/> on the connection, opening it first and closing it after when the caller left it
    /// closed; an open connection (a run's, inside its transaction) stays open.
    /// </summary>
    public static async Task<T> ReadAsync<T>(DbConnection connection, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            return await read();
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }

    /// <summary>
    /// Runs <paramref name="query"/> on the connection (opened for it when closed) and hands its reader to
    /// <paramref name="read"/>: the one way an inspector sends its catalog queries, all in one command.
    /// </summary>
    public static Task<T> QueryAsync<T>(DbConnection connection, SqlStatement query, DbTransaction? transaction,
        Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken) =>
        ReadAsync(connection, async () =>
        {
            await using var command = query.Command(connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader);
        }, cancellationToken);
}
