namespace Retort;

/// <summary>
/// An error caused by the user's input (a revision file, the configuration, a target, a database
/// state), reported as one line without a stack trace.
/// </summary>
public class RetortException : Exception
{
    /// <summary>Creates the error with its one-line message.</summary>
    public RetortException(string message) : base(message) { }

    /// <summary>Creates the error with its one-line message and the failure underneath.</summary>
    public RetortException(string message, Exception inner) : base(message, inner) { }
}
