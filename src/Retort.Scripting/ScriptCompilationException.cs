namespace Retort.Scripting;

/// <summary>
/// Revision, environment or model sources that do not compile. The message has one line per error,
/// <c>path(line,col): error CODE: message</c>, with the path as the caller gave it and 1-based positions;
/// warnings are not reported.
/// </summary>
/// <remarks>
/// Codes <c>CSnnnn</c> come from the C# compiler; codes <c>RTSnnnn</c> are Retort's own checks on
/// revision classes (see <see cref="ScriptCompiler"/>).
/// </remarks>
public sealed class ScriptCompilationException : RetortException
{
    /// <summary>Creates the error from its formatted lines.</summary>
    public ScriptCompilationException(IReadOnlyList<string> errors)
        : base(string.Join('\n', errors)) => Errors = errors;

    /// <summary>The errors, one formatted line each, ordered by file and position.</summary>
    public IReadOnlyList<string> Errors { get; }
}
