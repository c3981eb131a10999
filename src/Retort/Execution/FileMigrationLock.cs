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
        catch (IOException) when (File.Exists(LockPath))
        {
            return Task.FromResult(false);
        }
    }

    public override async Task<string?> HolderAsync(CancellationToken cancellationToken)
    {
        if (_file is not null)
            return "this run";
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
