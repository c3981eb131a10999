namespace Retort.Dialects.MySql;

public sealed partial class MySqlDialect
{
    // GET_LOCK names are server-wide, so the name carries the database; it is at most 64 characters.
    private const string LockName = "LEFT(CONCAT('retort:', COALESCE(DATABASE(), ''), ':', @p0), 64)";

    internal override SessionLockSql SessionLock(string versionTable)
    {
        object[] table = [versionTable];
        return new(
            new($"SELECT COALESCE(GET_LOCK({LockName}, 0), 0)", table),
            new($"SELECT COALESCE(RELEASE_LOCK({LockName}), 0)", table),
            new($"SELECT CONCAT('connection ', IS_USED_LOCK({LockName}))", table));
    }
}
