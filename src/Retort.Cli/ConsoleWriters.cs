using System.Text;

namespace Retort.Cli;

/// <summary>
/// Standard output and error, buffered. A run of a thousand revisions writes a line per step (and <c>--sql</c> several),
/// and the console's write per line cost more than the steps' own SQL. A timer flushes what is pending every
/// <see cref="FlushInterval"/>, so progress still shows while a long statement runs; <see cref="Dispose"/> flushes the rest.
/// </summary>
internal sealed class ConsoleWriters : IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly ManualResetEventSlim _stopped = new();

    public ConsoleWriters()
    {
        Out = Buffered(Console.OpenStandardOutput());
        Error = Buffered(Console.OpenStandardError());
        // A thread of its own that sleeps between flushes: a timer's callbacks wake thread-pool workers, which spin
        // looking for more work and took more time than the writes saved.
        new Thread(FlushPeriodically) { IsBackground = true, Name = "console flush" }.Start();
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Writes what is pending now: before another writer (Spectre.Console, System.CommandLine's help) takes the console.</summary>
    public void Flush()
    {
        // Synchronized writers: a flush waits for a line being written, and a line for a flush.
        Out.Flush();
        Error.Flush();
    }

    public void Dispose()
    {
        _stopped.Set();
        Flush();
    }

    private void FlushPeriodically()
    {
        while (!_stopped.Wait(FlushInterval))
            Flush();
    }

    // The console streams ignore a closed pipe (retort history | head), as Console.Out does.
    private static TextWriter Buffered(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16384) { AutoFlush = false });
}
