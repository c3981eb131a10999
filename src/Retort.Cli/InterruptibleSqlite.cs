using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Retort.Cli;

/// <summary>
/// A SQLite connection whose commands can be cancelled while they run. Microsoft.Data.Sqlite runs statements
/// synchronously and its <see cref="SqliteCommand.Cancel"/> does nothing, so Ctrl+C would wait for a long statement
/// to end; <c>sqlite3_interrupt</c> stops it at once, and SQLite rolls the statement back.
/// </summary>
internal sealed class InterruptibleSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    protected override DbCommand CreateDbCommand() => new InterruptibleSqliteCommand { Connection = this };

    private sealed class InterruptibleSqliteCommand : SqliteCommand
    {
        public override void Cancel()
        {
            if (Connection?.Handle is { } handle)
                SQLitePCL.raw.sqlite3_interrupt(handle);
        }
    }
}
