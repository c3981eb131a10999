using System.Data.Common;

namespace Retort.Dialects;

/// <summary>
/// One statement to run or write. Online, <see cref="Parameters"/> go to the database as parameters
/// named <c>@p0</c>, <c>@p1</c>, …; offline the dialect renders them as literals instead.
/// </summary>
/// <param name="Sql">The text, with parameter placeholders when <paramref name="Parameters"/> is given.</param>
/// <param name="Parameters">The values of <c>@p0</c>, <c>@p1</c>, … for an online run.</param>
/// <param name="OfflineSql">The same statement with the values as literals, for scripts.</param>
public sealed record SqlStatement(string Sql, IReadOnlyList<object?>? Parameters = null, string? OfflineSql = null)
{
    /// <summary>The text a script gets.</summary>
    public string ScriptText => OfflineSql ?? Sql;

    /// <summary>
    /// A command for this statement on <paramref name="connection"/>, in <paramref name="transaction"/>, with its parameters;
    /// the one place a statement becomes an ADO.NET command. The caller disposes it.
    /// </summary>
    public DbCommand Command(DbConnection connection, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Transaction = transaction;
        BindTo(command);
        return command;
    }

    /// <summary>The first value the statement returns in <paramref name="transaction"/>, or null for no row or a NULL.</summary>
    public async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Replaces the parameters of <paramref name="command"/> (one kept for a statement run many times) with these.</summary>
    public void BindTo(DbCommand command)
    {
        command.Parameters.Clear();
        for (var i = 0; i < (Parameters?.Count ?? 0); i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            // Npgsql refuses a timestamptz with a non-zero offset; the instant is what matters, so send it as UTC.
            parameter.Value = Parameters![i] switch
            {
                null => DBNull.Value,
                DateTimeOffset t => t.ToUniversalTime(),
                var value => value,
            };
            command.Parameters.Add(parameter);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Sql;
}
