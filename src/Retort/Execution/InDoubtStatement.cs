using System.Diagnostics;
using Retort.Dialects;

namespace Retort.Execution;

/// <summary>What became of a statement that commits by itself and was in flight when its run stopped.</summary>
internal enum StatementFate
{
    /// <summary>Not known yet: settled by looking at the database when the revision is resumed.</summary>
    Unknown,

    /// <summary>It took effect (found so, or said so with <c>resolve --statement ran</c>): the resume skips it.</summary>
    Ran,

    /// <summary>It did not (found so, or said so with <c>resolve --statement not-run</c>): the resume runs it.</summary>
    NotRun,
}

/// <summary>
/// Settles a statement left in doubt: a DDL statement sent just before its run stopped goes on on the server, and
/// may or may not have taken effect. Waits until no session is still running it, then looks at the objects the
/// statement creates or drops. Where the statement's text does not say which, or the database shows half of it, a
/// person is asked; Retort never guesses.
/// </summary>
internal static class InDoubtStatement
{
    public static async Task<StatementFate> SettleAsync(DatabaseSink sink, Dialect dialect, SqlStatement statement, string what,
        TimeSpan wait, TextWriter log, CancellationToken cancellationToken)
    {
        await WaitForServerAsync(sink, dialect, statement, what, wait, log, cancellationToken);
        var effects = StatementEffects.Of(statement.Sql);
        if (effects.Count == 0)
            return StatementFate.Unknown;
        var found = new List<bool>();
        foreach (var effect in effects)
        {
            if (dialect.Bookkeeping.PresenceQuery(effect) is not { } query)
                return StatementFate.Unknown;
            var present = await sink.QueryValuesAsync(query, cancellationToken) is ["1"];
            found.Add(present == effect.Exists);
        }
        var fate = found.All(f => f) ? StatementFate.Ran : found.All(f => !f) ? StatementFate.NotRun : StatementFate.Unknown;
        if (fate != StatementFate.Unknown)
            log.WriteLine($"Settled {what}, in flight when its run stopped: it {(fate == StatementFate.Ran ? "took effect" : "did not take effect")} ({string.Join(", ", effects.Select(e => fate == StatementFate.Ran ? e : e with { Exists = !e.Exists }))})");
        return fate;
    }

    // A client that dies does not stop the statement it sent: the server finishes it (a CREATE TABLE, an ALTER that
    // copies the table), and only then is its effect there to be seen.
    private static async Task WaitForServerAsync(DatabaseSink sink, Dialect dialect, SqlStatement statement, string what, TimeSpan wait,
        TextWriter log, CancellationToken cancellationToken)
    {
        if (dialect.Bookkeeping.RunningElsewhereQuery(statement.Sql) is not { } query)
            return;
        var clock = Stopwatch.StartNew();
        var announced = false;
        while (await sink.QueryValuesAsync(query, cancellationToken) is [var session, ..])
        {
            if (clock.Elapsed >= wait)
                throw new RetortException($"{Capitalised(what)} is still running on the server in connection {session}, left by the run that stopped; wait for it to end (or stop it with KILL {session}) and run the same command again");
            if (!announced)
                log.WriteLine($"Waiting for the server to finish {what}, still running in connection {session} from the run that stopped; giving up after {wait.TotalSeconds:0} s (lockTimeout)");
            announced = true;
            await Task.Delay(200, cancellationToken);
        }
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
