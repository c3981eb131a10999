using System.Text.Json;
using Retort.Configuration;

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

    /// <summary>Readies the provider of <paramref name="database"/>, where that is worth it (see <c>Providers.WarmUp</c>).</summary>
    public static void Provider(GlobalOptions global, DatabaseUrl database)
    {
        if (global.Providers.WarmUp(database) is { } warm)
            Run(warm);
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
