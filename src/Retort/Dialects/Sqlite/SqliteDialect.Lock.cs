using System.Data.Common;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    // SQLite has no session lock: runs lock the database file itself (FileMigrationLock).
    internal override string? DatabaseFile(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var key in (string[])["Data Source", "DataSource", "Filename"])
        {
            if (builder.TryGetValue(key, out var value) && value is string { Length: > 0 } path)
                return path == ":memory:" || builder.TryGetValue("Mode", out var mode) && "Memory".Equals(mode as string, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : Path.GetFullPath(path);
        }
        return null;
    }
}
