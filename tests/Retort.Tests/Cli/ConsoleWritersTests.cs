using System.Text;
using Retort.Cli;

namespace Retort.Tests.Cli;

public sealed class ConsoleWritersTests
{
    /// <summary>Both streams of a terminal: what either writes lands in one place, as the person sees it.</summary>
    private sealed class Terminal : Stream
    {
        private readonly StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                    return _text.ToString();
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_text)
                _text.Append(Encoding.UTF8.GetString(buffer, offset, count));
        }

        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public void Lines_keep_their_order_across_standard_output_and_error()
    {
        var terminal = new Terminal();
        using (var console = new ConsoleWriters(terminal, terminal))
        {
            console.Error.WriteLine("Current revision(s) for sqlite:///app.db:");
            console.Out.WriteLine("b1 (head)");
            console.Error.WriteLine("warning: b1.cs changed after it ran");
            console.Out.Write('x');
            console.Out.WriteLine();
        }
        Assert.Equal("Current revision(s) for sqlite:///app.db:\nb1 (head)\nwarning: b1.cs changed after it ran\nx\n", terminal.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_line_shows_within_moments_though_nothing_follows_it()
    {
        // A long statement runs after "Running upgrade ..."; the line must not wait for the end of the run.
        var terminal = new Terminal();
        using var console = new ConsoleWriters(terminal, terminal);
        console.Error.WriteLine("Running upgrade a1 -> b1, slow");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (terminal.Text.Length == 0 && waited.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(10);
        Assert.Equal("Running upgrade a1 -> b1, slow\n", terminal.Text.ReplaceLineEndings("\n"));
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(2), $"the line took {waited.Elapsed} to show");
    }
}
