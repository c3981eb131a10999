using Retort.Configuration;

namespace Retort.Cli;

/// <summary>Where the CLI writes: listings to stdout, progress and errors to stderr.</summary>
internal sealed class Output(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>The exit code of an error: 1, except where a command gives 1 another meaning (<c>check</c>: 2).</summary>
    public int ErrorExitCode { get; set; } = 1;

    public void Line(string text) => Out.WriteLine(text);

    public void Info(string text) => Error.WriteLine(text);

    /// <summary>Writes <paramref name="lines"/> to stdout, one after another.</summary>
    public void Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
            Out.WriteLine(line);
    }

    /// <summary>
    /// Writes one error line, and with <paramref name="detail"/> the stack trace. Both are scrubbed of
    /// <paramref name="password"/>, since provider messages and inner exceptions may quote what they were given.
    /// </summary>
    public int Fail(string message, Exception? detail, string? password = null)
    {
        // One line whatever the message holds: a provider's message may span several.
        var line = string.Join("; ", message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        Error.WriteLine($"retort: error: {Scrub(line, password)}");
        if (detail is not null)
            Error.WriteLine(Scrub(detail.ToString(), password));
        return ErrorExitCode;
    }

    // A URL carries the password escaped, and an error may quote the URL.
    private static string Scrub(string text, string? password) =>
        password is { Length: > 0 } ? Secrets.Scrub(Secrets.Scrub(text, password), Uri.EscapeDataString(password)) : text;
}
