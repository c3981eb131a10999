namespace Retort.Cli;

// Apart from the drawing (Spectre.Console), so that the native front, which hands a live run to the managed CLI, can ask.
internal static partial class LiveProgress
{
    /// <summary>
    /// Whether to draw: never for a script (<c>--sql</c>) or when stderr, where progress goes, is not a terminal (a pipe, a
    /// file, CI's log capture); never with <c>TERM=dumb</c> (no cursor movement) or with <c>CI</c> set (CI runners that
    /// give a pseudo-terminal still keep the log as text). <c>RETORT_PROGRESS=plain</c> turns it off, and
    /// <c>RETORT_PROGRESS=live</c> on whatever the rest says. <c>NO_COLOR</c> keeps the display but drops its colour.
    /// </summary>
    public static bool Wanted(bool offline, bool stderrRedirected, Func<string, string?> environment)
    {
        switch (environment("RETORT_PROGRESS")?.Trim().ToLowerInvariant())
        {
            case "plain":
                return false;
            case "live":
                return !offline;
        }
        return !offline && !stderrRedirected && environment("TERM") != "dumb" && !IsSet(environment("CI"));
    }

    // CI=true, CI=1, CI=yes… (runners set it differently) mean a CI run; CI=false and CI=0 do not.
    private static bool IsSet(string? value) => value is { Length: > 0 } && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";
}
