using System.Data.Common;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Tests.Autogenerate;

/// <summary>Runs autogenerate's operations against a live database as an online run does, without the runner's bookkeeping.</summary>
internal static class LiveApply
{
    /// <summary>Renders each operation and runs its statements; a failure names the statement.</summary>
    public static async Task ApplyAsync(Dialect dialect, DbConnection connection, IEnumerable<MigrationOperation> operations)
    {
        foreach (var queued in operations)
        {
            // As the runner does: enforcement off around a rebuild (outside any transaction, where SQLite allows the
            // switch), and a batch reads its table's live definition first.
            var switches = queued is BatchAlterTableOperation ? dialect.Preparation.ForeignKeySwitch : null;
            if (switches is not null)
                await ExecuteAsync(dialect, connection, switches.Off);
            try
            {
                var operation = await dialect.Preparation.PrepareAsync(queued, connection, null, CancellationToken.None);
                foreach (var statement in dialect.Render(operation))
                    await ExecuteAsync(dialect, connection, statement);
            }
            finally
            {
                if (switches is not null)
                    await ExecuteAsync(dialect, connection, switches.On);
            }
        }
    }

    /// <summary>Runs SQL text (several statements where the provider takes them in one command).</summary>
    public static Task ExecuteAsync(Dialect dialect, DbConnection connection, string sql) => ExecuteAsync(dialect, connection, new SqlStatement(sql));

    private static async Task ExecuteAsync(Dialect dialect, DbConnection connection, SqlStatement statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        for (var i = 0; i < (statement.Parameters?.Count ?? 0); i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = statement.Parameters![i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (DbException e)
        {
            throw new InvalidOperationException($"{dialect.Name} refused:\n{statement.Sql}\n{e.Message}", e);
        }
    }
}
