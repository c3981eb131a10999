using System.Diagnostics;
using Retort.Dialects;

namespace Retort.Execution;

/// <summary>
/// The lock that lets one Retort run at a time change a database: taken before the version table is read,
/// held until the run ends however it ends (success, failure, cancellation), and released by the database or
/// the operating system when the process dies.
/// </summary>
internal abstract class MigrationLock : IAsyncDisposable
{
    /// <summary>Where the lock lives, for messages: the database URL with the password hidden.</summary>
    protected abstract string Where { get; }

    /// <summary>Takes the lock when it is free; false when another run holds it.</summary>
    protected abstract Task<bool> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>Who holds the lock, as far as the database can tell, or null.</summary>
    public abstract Task<string?> HolderAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// Before each statement of the run: throws when the lock is known to be lost, so a run that lost it stops before
    /// doing more. Only a lease can be lost while its process lives.
    /// </summary>
    public virtual ValueTask CheckHeldAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// A statement for the run's own transaction that changes one row while this run holds the lock and none once
    /// another has taken it over, so the transaction cannot commit under a lost lock; null for locks that cannot be lost.
    /// </summary>
    public virtual SqlStatement? Fence() => null;

    /// <summary>Throws the error of a lock found lost (the fence changed no row).</summary>
    public virtual Task LostAsync(CancellationToken cancellationToken) =>
        throw new RetortException($"Lost the migration lock on {Where}");

    /// <summary>One line for <c>retort lock status</c>.</summary>
    public virtual async Task<string> DescribeAsync(CancellationToken cancellationToken) =>
        await HolderAsync(cancellationToken) is { } holder ? $"The migration lock is held by {holder}" : "The migration lock is free";

    /// <summary>
    /// Waits for the lock, up to <paramref name="timeout"/>, saying once on <paramref name="log"/> whom it waits for.
    /// Disposes itself when it does not get the lock.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var pause = TimeSpan.FromMilliseconds(50);
            var announced = false;
            while (!await TryAcquireAsync(cancellationToken))
            {
                if (!announced)
                {
                    var holder = await HolderAsync(cancellationToken);
                    log.WriteLine($"Waiting for another Retort run on {Where} to finish{(holder is null ? "" : $" (held by {holder}{await TakeOverAsync(cancellationToken)})")}; giving up after {timeout.TotalSeconds:0} s (lockTimeout)");
                    announced = true;
                }
                if (clock.Elapsed >= timeout)
                {
                    var holder = await HolderAsync(cancellationToken);
                    throw new RetortException($"Gave up after {timeout.TotalSeconds:0} s waiting for the migration lock on {Where}"
                        + $"{(holder is null ? "" : $", held by {holder}")}; another Retort run is still going (wait for it, or raise 'lockTimeout' in retort.json)");
                }
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1000));
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>For the wait line: when a lock whose holder may have died is taken over, or empty.</summary>
    protected virtual Task<string> TakeOverAsync(CancellationToken cancellationToken) => Task.FromResult("");
}

/// <summary>No lock: <c>"lock": "none"</c>, or an in-memory SQLite database that no other process can see.</summary>
internal sealed class NoMigrationLock : MigrationLock
{
    protected override string Where => "";

    protected override Task<bool> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public override Task<string?> HolderAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
