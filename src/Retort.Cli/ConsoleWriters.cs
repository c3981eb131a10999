using System.Text;

namespace Retort.Cli;

/// <summary>
/// Standard output and error, buffered. A run of a thousand revisions writes a line per step (and <c>--sql</c> several),
/// and the console's write per line cost more than the steps' own SQL. A thread flushes what is pending every
/// <see cref="FlushInterval"/>, so progress still shows while a long statement runs; <see cref="Dispose"/> flushes the
/// rest. Lines keep their order across the two streams, as a terminal showing both expects: writing to one first
/// flushes what the other holds.
/// </summary>
internal sealed class ConsoleWriters : IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly ManualResetEventSlim _stopped = new();
    private readonly Lock _lock = new();
    private Ordered? _last;

    public ConsoleWriters() : this(Console.OpenStandardOutput(), Console.OpenStandardError())
    {
    }

    internal ConsoleWriters(Stream stdout, Stream stderr)
    {
        Out = new Ordered(this, stdout);
        Error = new Ordered(this, stderr);
        // A thread of its own that sleeps between flushes: a timer's callbacks wake thread-pool workers, which spin
        // looking for more work and took more time than the writes saved.
        new Thread(FlushPeriodically) { IsBackground = true, Name = "console flush" }.Start();
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Writes what is pending now.</summary>
    public void Flush()
    {
        Out.Flush();
        Error.Flush();
    }

    public void Dispose()
    {
        _stopped.Set();
        Flush();
    }

    /// <summary>Why standard output could not be written, or null.</summary>
    public IOException? OutFailure => ((Ordered)Out).Failure;

    private void FlushPeriodically()
    {
        while (!_stopped.Wait(FlushInterval))
            Flush();
    }

    /// <summary>One of the two streams: every write under the shared lock, after flushing the other stream's text.</summary>
    private sealed class Ordered(ConsoleWriters owner, Stream stream) : TextWriter
    {
        // The console streams ignore a closed pipe (retort history | head), as Console.Out does.
        private readonly StreamWriter _writer = new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16384);

        public override Encoding Encoding => _writer.Encoding;

        // TextWriter's other writes (a span, a formatted string) come down to these.
        public override void Write(char value) => Locked(writer => writer.Write(value));

        public override void Write(char[] buffer, int index, int count) => Locked(writer => writer.Write(buffer, index, count));

        public override void Write(string? value) => Locked(writer => writer.Write(value));

        public override void WriteLine(string? value) => Locked(writer => writer.WriteLine(value));

        private void Locked(Action<StreamWriter> write)
        {
            lock (owner._lock)
            {
                Take();
                try
                {
                    write(_writer);
                }
                catch (IOException e)
                {
                    Failure = e;
                    throw;
                }
            }
        }

        /// <summary>Why the stream could not be written (a full disk, a closed pipe), once it could not.</summary>
        public IOException? Failure { get; private set; }

        public override void Flush()
        {
            lock (owner._lock)
                FlushQuietly();
        }

        // The background flush must not take the process down: a failure is kept, and the next write reports it.
        private void FlushQuietly()
        {
            if (Failure is not null)
                return;
            try
            {
                _writer.Flush();
            }
            catch (IOException e)
            {
                Failure = e;
            }
        }

        // The other stream's pending text goes out before this one's; a stream that failed fails every write after.
        private void Take()
        {
            if (Failure is { } failure)
                throw new IOException(failure.Message, failure);
            if (owner._last == this)
                return;
            owner._last?.FlushQuietly();
            owner._last = this;
        }
    }
}
