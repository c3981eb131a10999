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

/// <summary>
/// A run stopped by its cancellation token (Ctrl+C, SIGTERM) that left something applied: the message says what, and
/// how to go on.
/// </summary>
public sealed class RunCancelledException(string message, Exception inner) : OperationCanceledException(message, inner);
