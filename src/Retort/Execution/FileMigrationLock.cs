namespace Retort.Execution;

/// <summary>
/// SQLite's migration lock: an exclusive operating-system lock on a small file beside the database
/// (<c>app.db.retort-lock</c>). The OS drops it when the process exits or is killed, so a crash cannot leave it
/// behind. The file itself stays; deleting it would let two runs lock two different files.
/// </summary>
internal sealed class FileMigrationLock(string databasePath) : MigrationLock
{
    private FileStream? _file;

    public string LockPath { get; } = databasePath + ".retort-lock";

    protected override string Where => LockPath;

    protected override Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        try
        {
            // FileShare.None takes flock(LOCK_EX) on Unix and a share-mode lock on Windows; both fail at once when held.
            _file = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult(true);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return Task.FromResult(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only folder, a missing one, no permission: no other run is to blame, and waiting would not help.
            throw new RetortException($"Cannot take the migration lock: cannot open {LockPath}: {e.Message} " +
                "(the lock file beside a SQLite database must be writable; set \"lock\": \"none\" for a database nothing else changes)", e);
        }
    }

    // The lock of another process, as .NET reports it: flock's EWOULDBLOCK as the errno (11 on Linux, 35 on macOS),
    // or Windows' sharing and lock violations.
    private static bool IsHeldElsewhere(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35);

    public override async Task<string?> HolderAsync(CancellationToken cancellationToken)
    {
        if (_file is not null)
            return "this run";
        // No lock file, no holder: and asking must not leave a file behind.
        if (!File.Exists(LockPath))
            return null;
        if (await TryAcquireAsync(cancellationToken))
        {
            await DisposeAsync();
            return null;
        }
        return "another process";
    }

    public override ValueTask DisposeAsync()
    {
        _file?.Dispose();
        _file = null;
        return ValueTask.CompletedTask;
    }
}
