using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Retort.Cli;

/// <summary>
/// Whether a run draws live progress, and the drawing: on a terminal, a line at the bottom of stderr (revision n of N,
/// the step's line, the running statement's time, an estimate of what remains) below the plain lines the run logs;
/// elsewhere only the plain lines, so that logs stay greppable.
/// </summary>
internal static partial class LiveProgress
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>The Spectre console over the CLI's stderr writer, as wide as the terminal.</summary>
    public static IAnsiConsole Console(TextWriter stderr, Func<string, string?> environment)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = environment("NO_COLOR") is { Length: > 0 } ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(stderr),
        });
        try
        {
            if (System.Console.WindowWidth > 0)
                console.Profile.Width = System.Console.WindowWidth;
        }
        catch (IOException)
        {
            // No window to ask (the output is a terminal that reports no size): Spectre's 80 columns.
        }
        return console;
    }

    /// <summary>
    /// Runs <paramref name="run"/> under a live display on <paramref name="console"/>. <paramref name="run"/> is given the
    /// observer to set on its commands and the log writer for them: the run's lines go above the display, which
    /// redraws below them.
    /// </summary>
    public static async Task RunAsync(IAnsiConsole console, Func<MigrationProgress, TextWriter, Task> run, TimeProvider? time = null)
    {
        var progress = new MigrationProgress(time);
        var gate = new Lock();
        await console.Live(Text.Empty).AutoClear(true).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            void Draw()
            {
                lock (gate)
                {
                    context.UpdateTarget(Render(progress.Snapshot(), console.Profile.Width));
                    context.Refresh();
                }
            }
            progress.Changed += Draw;
            using var log = new LineWriter(line =>
            {
                lock (gate)
                    console.WriteLine(line);
            });
            // On a thread of its own: a provider whose async calls complete synchronously (SQLite's) would otherwise hold
            // this loop, and the statement's clock, until the run is over.
            var work = Task.Run(() => run(progress, log));
            while (await Task.WhenAny(work, Task.Delay(Tick)) != work)
                Draw();
            progress.Changed -= Draw;
            await work;
        });
    }

    /// <summary>
    /// Runs a fleet's <paramref name="run"/> under a live line of counts (<see cref="RenderCounts"/>) read from <paramref name="counts"/>; <paramref name="above"/> is handed the writer of lines that
    /// go above it (failures as they happen).
    /// </summary>
    public static async Task<T> RunCountsAsync<T>(IAnsiConsole console, Func<FleetCounts> counts, Action<Action<string>> above, Func<Task<T>> run)
    {
        var gate = new Lock();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return await console.Live(Text.Empty).AutoClear(true).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            above(line =>
            {
                lock (gate)
                    console.WriteLine(line);
            });
            var work = Task.Run(run);
            do
            {
                lock (gate)
                {
                    context.UpdateTarget(RenderCounts(counts(), clock.Elapsed));
                    context.Refresh();
                }
            }
            while (await Task.WhenAny(work, Task.Delay(Tick)) != work);
            return await work;
        });
    }

    /// <summary>The fleet's line: <c>500 targets: 120 done, 1 failed, 4 running · 0:12</c> (done counts the failed ones too).</summary>
    internal static IRenderable RenderCounts(FleetCounts now, TimeSpan elapsed) =>
        new Markup($"[bold]{now.Total}[/] targets: [green]{now.Done} done[/], {(now.Failed > 0 ? $"[red]{now.Failed} failed[/]" : "0 failed")}, " +
            $"{now.Running} running [grey]·[/] {Clock(elapsed)}");

    /// <summary>
    /// The display's line, cut to <paramref name="width"/> columns so that it never wraps:
    /// <c>Upgrade 3 of 10 ━━━──── a -> b, message · statement 0:02 · about 0:15 left</c>.
    /// </summary>
    internal static IRenderable Render(ProgressSnapshot now, int width)
    {
        if (now.Steps == 0)
            return new Text("Planning the run…", new Style(decoration: Decoration.Dim));
        var verb = now.Direction.Length == 0 ? "" : char.ToUpperInvariant(now.Direction[0]) + now.Direction[1..];
        const int bar = 12;
        var filled = now.Finished * bar / now.Steps;
        var head = $"{verb} {now.Step} of {now.Steps} ";
        var tail = (now.Statement is { } statement ? $" · statement {Clock(statement)}" : "")
            + (now.Remaining is { } remaining && !now.Done ? $" · about {Clock(remaining)} left" : "");
        var room = width - 1 - head.Length - bar - 1 - tail.Length;
        var step = StepLine(now.Description);
        if (step.Length > Math.Max(room, 0))
            step = room > 1 ? step[..(room - 1)] + "…" : "";
        var text = new StringBuilder($"[bold]{Markup.Escape(verb)}[/] {now.Step} of {now.Steps} ")
            .Append("[green]").Append('━', filled).Append("[/][grey]").Append('─', bar - filled).Append("[/] ")
            .Append(Markup.Escape(step))
            .Append(Markup.Escape(tail).Replace(" · ", " [grey]·[/] ", StringComparison.Ordinal));
        return new Markup(text.ToString());
    }

    // "Running upgrade a -> b, message" less its verb, which the display's first word says.
    private static string StepLine(string? description) =>
        description is null ? "" : description.StartsWith("Running ", StringComparison.Ordinal) && description.IndexOf(' ', 8) is > 0 and var space
            ? description[(space + 1)..] : description;

    private static string Clock(TimeSpan time) =>
        time.TotalHours >= 1 ? $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}" : $"{time.Minutes}:{time.Seconds:00}";

    /// <summary>A writer that hands on whole lines, for log text that must not land in the middle of the display.</summary>
    private sealed class LineWriter(Action<string> line) : TextWriter
    {
        private readonly StringBuilder _pending = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                line(_pending.ToString().TrimEnd('\r'));
                _pending.Clear();
            }
            else
                _pending.Append(value);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _pending.Length > 0)
                line(_pending.ToString());
            _pending.Clear();
            base.Dispose(disposing);
        }
    }
}
