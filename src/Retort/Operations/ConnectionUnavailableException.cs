namespace Retort.Ops;

/// <summary>A migration read <c>op.Connection</c> where nothing is connected: a script, or its operations only being recorded.</summary>
internal sealed class ConnectionUnavailableException(string message) : RetortException(message);
