using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Retort.Hosting.Tests;

/// <summary>One log entry as a provider sees it: the category, level, event, message and structured fields.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields, DateTime At);

/// <summary>Keeps every entry logged, with its state's key/value pairs, for tests to look at.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IEnumerable<LogEntry> Retort => Entries.Where(e => e.Category == "Retort");

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose() { }

    private sealed class Logger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            provider.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), fields, DateTime.UtcNow));
        }
    }
}
