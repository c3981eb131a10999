using System.Text;
using Microsoft.Extensions.Logging;

namespace Retort.Hosting;

/// <summary>
/// The progress writer of a host's runs: each line becomes a log entry (waiting for another replica's lock, notes),
/// except the <c>Running upgrade</c> lines, which <see cref="LoggingObserver"/> logs with their fields.
/// </summary>
internal sealed class LoggerWriter(ILogger logger) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }
            var line = _line.ToString().TrimEnd('\r');
            _line.Clear();
            if (line.Length > 0 && !line.StartsWith("Running upgrade ", StringComparison.Ordinal) && !line.StartsWith("Running downgrade ", StringComparison.Ordinal))
                Log.Progress(logger, line);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }
}
