using System.Security.Cryptography;
using System.Text;

namespace Retort.Dialects;

/// <summary>
/// The statements of a database's session-scoped migration lock: each returns one value. <see cref="TryAcquire"/>
/// returns 1 when the lock was taken without waiting; <see cref="Holder"/> names the session holding it, or null.
/// </summary>
internal sealed record SessionLockSql(SqlStatement TryAcquire, SqlStatement Release, SqlStatement Holder);

public abstract partial class Dialect
{
    /// <summary>
    /// The session lock that serialises runs changing one database's version table <paramref name="versionTable"/>,
    /// or null when the database has none (SQLite locks a file instead).
    /// </summary>
    internal virtual SessionLockSql? SessionLock(string versionTable) => null;

    /// <summary>
    /// The file a connection string names, for a database that is one file (SQLite): it is locked instead of a session,
    /// and commands that only read never create it. Null for a server, or a database in memory.
    /// </summary>
    internal virtual string? DatabaseFile(string connectionString) => null;

    /// <summary>A stable 64-bit key for a lock name, the same in every process and on every machine.</summary>
    internal static long LockKey(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("retort:" + name)), 0);
}
