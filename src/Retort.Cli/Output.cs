namespace Retort.Cli;

/// <summary>Where the CLI writes: listings to stdout, progress and errors to stderr.</summary>
internal sealed class Output(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public void Line(string text) => Out.WriteLine(text);

    public void Info(string text) => Error.WriteLine(text);

    public int Fail(string message, Exception? detail)
    {
        Error.WriteLine($"retort: error: {message}");
        if (detail is not null)
            Error.WriteLine(detail);
        return 1;
    }

    /// <summary>A path as the user would type it: relative to the current folder when below it.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
