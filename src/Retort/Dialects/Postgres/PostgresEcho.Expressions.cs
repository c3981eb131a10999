using System.Data.Common;

namespace Retort.Dialects.Postgres;

internal sealed partial class PostgresEcho
{
    /// <summary>
    /// Stores each of the model's expressions the way the database stores a user's: a check, an index, a default, a
    /// computed column's expression (as a new generated column) on a
    /// temporary copy of the table's columns (<c>CREATE TEMP TABLE … (LIKE table)</c>), a view as a temporary view,
    /// and reads it back with the functions the inspector uses (<c>pg_get_expr</c>, <c>pg_get_indexdef</c>,
    /// <c>pg_get_viewdef</c>), all in a transaction that is rolled back. An expression PostgreSQL refuses (a column
    /// the table does not have yet) has no answer and stays a difference.
    /// </summary>
    internal override async Task<IReadOnlyDictionary<ExpressionQuestion, string>> EchoAsync(DbConnection connection,
        IReadOnlyCollection<ExpressionQuestion> questions, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<ExpressionQuestion, string>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var copies = new Dictionary<TableName, string?>();
            var number = 0;
            foreach (var question in questions)
            {
                string? copy = null;
                if (question.Kind != ExpressionKind.View && !copies.TryGetValue(question.Table, out copy))
                {
                    copy = $"_retort_echo_t{copies.Count}";
                    copies[question.Table] = copy = await TryAsync(connection, transaction, [new($"CREATE TEMP TABLE {copy} (LIKE {Dialect.Quote(question.Table)})")], cancellationToken) is null
                        ? null : copy;
                }
                if (question.Kind != ExpressionKind.View && copy is null)
                    continue;
                var name = $"_retort_echo_{number++}";
                SqlStatement[]? statements = question.Kind switch
                {
                    ExpressionKind.Check =>
                    [
                        new($"ALTER TABLE {copy} ADD CONSTRAINT {name} CHECK ({question.Text}) NOT VALID"),
                        new($"SELECT pg_get_expr(conbin, conrelid, true) FROM pg_constraint WHERE conname = '{name}' AND conrelid = 'pg_temp.{copy}'::regclass"),
                    ],
                    ExpressionKind.IndexPredicate =>
                    [
                        new($"CREATE INDEX {name} ON {copy} ((1)) WHERE {question.Text}"),
                        new($"SELECT pg_get_expr(indpred, indrelid, true) FROM pg_index WHERE indexrelid = 'pg_temp.{name}'::regclass"),
                    ],
                    ExpressionKind.IndexExpression =>
                    [
                        new($"CREATE INDEX {name} ON {copy} ({question.Text})"),
                        new($"SELECT pg_get_indexdef('pg_temp.{name}'::regclass, 1, true)"),
                    ],
                    ExpressionKind.Default when question.Column is not null =>
                    [
                        new($"ALTER TABLE {copy} ALTER COLUMN {Dialect.Quote(question.Column)} SET DEFAULT {question.Text}"),
                        new($"SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum " +
                            $"WHERE d.adrelid = 'pg_temp.{copy}'::regclass AND a.attname = {Dialect.Literal(question.Column)}"),
                    ],
                    ExpressionKind.Computed when question.Type is not null =>
                    [
                        new($"ALTER TABLE {copy} ADD COLUMN {name} {question.Type} GENERATED ALWAYS AS ({question.Text}) STORED"),
                        new($"SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum " +
                            $"WHERE d.adrelid = 'pg_temp.{copy}'::regclass AND a.attname = '{name}'"),
                    ],
                    ExpressionKind.View =>
                    [
                        new($"CREATE TEMP VIEW {name} AS {question.Text}"),
                        new($"SELECT pg_get_viewdef('pg_temp.{name}'::regclass, true)"),
                    ],
                    _ => null,
                };
                if (statements is not null && await TryAsync(connection, transaction, statements, cancellationToken) is string { Length: > 0 } answer)
                    answers[question] = question.Kind == ExpressionKind.IndexExpression ? PostgresInspector.Parenthesized(answer)
                        : question.Kind == ExpressionKind.View ? answer.Trim().TrimEnd(';').TrimEnd() : answer;
            }
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        return answers;
    }

    // The last statement's value, or null when PostgreSQL refuses one of them (rolled back to before them).
    private async Task<object?> TryAsync(DbConnection connection, DbTransaction transaction, SqlStatement[] statements, CancellationToken cancellationToken)
    {
        await new SqlStatement("SAVEPOINT _retort_echo").ScalarAsync(connection, transaction, cancellationToken);
        try
        {
            object? value = null;
            foreach (var statement in statements)
                value = await statement.ScalarAsync(connection, transaction, cancellationToken) ?? "";
            await new SqlStatement("RELEASE SAVEPOINT _retort_echo").ScalarAsync(connection, transaction, cancellationToken);
            return value;
        }
        catch (DbException)
        {
            await new SqlStatement("ROLLBACK TO SAVEPOINT _retort_echo").ScalarAsync(connection, transaction, cancellationToken);
            return null;
        }
    }
}
