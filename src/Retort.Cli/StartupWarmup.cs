using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Retort.Dialects;

namespace Retort.Cli;

/// <summary>
/// One-time set-up that does not depend on what the command does, run on a second thread while the first parses the
/// command line and reads the project: the JSON reader's tables (the config), and the provider's library once the
/// database is known. Whatever the second thread has not finished when the first needs it, the first waits for or
/// does itself: the runtime runs each class initialiser once, for whichever thread comes first.
/// </summary>
internal static class StartupWarmup
{
    /// <summary>Readies System.Text.Json, which reads retort.json.</summary>
    public static void Json() => Run(static () =>
    {
        using var document = JsonDocument.Parse("""{ "warm": ["up", 1, true] }""");
    });

    /// <summary>Readies the provider of <paramref name="dialect"/> (SQLite only: the others start up in their first connection).</summary>
    public static void Provider(DialectId dialect)
    {
        if (dialect == DialectId.Sqlite)
            Run(Sqlite);
    }

    // Loads the native library and SQLite's own set-up, on a private in-memory database.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Sqlite()
    {
        using var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        connection.Open();
    }

    private static void Run(Action warm) => new Thread(() =>
    {
        try
        {
            warm();
        }
        catch (Exception)
        {
            // The command meets the same failure on its own thread and reports it there.
        }
    }) { IsBackground = true, Name = "retort warm-up" }.Start();
}
