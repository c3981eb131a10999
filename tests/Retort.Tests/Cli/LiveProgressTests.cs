using System.Text.RegularExpressions;
using Retort.Cli;
using Spectre.Console;

namespace Retort.Tests.Cli;

/// <summary>The live display of upgrade and downgrade: when it is drawn, what it shows, and that runs off a terminal print as before.</summary>
public sealed partial class LiveProgressTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-progress");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData(false, false, "xterm-256color", null, null, true)]
    [InlineData(true, false, "xterm-256color", null, null, false)]
    [InlineData(false, true, "xterm-256color", null, null, false)]
    [InlineData(false, false, "dumb", null, null, false)]
    [InlineData(false, false, "xterm", "true", null, false)]
    [InlineData(false, false, "xterm", "1", null, false)]
    [InlineData(false, false, "xterm", "false", null, true)]
    [InlineData(false, false, "xterm", "0", null, true)]
    [InlineData(false, false, "xterm", null, "plain", false)]
    [InlineData(false, true, "dumb", "true", "live", true)]
    [InlineData(true, false, "xterm", null, "live", false)]
    public void Progress_is_drawn_on_a_terminal_only(bool offline, bool redirected, string? term, string? ci, string? setting, bool drawn)
    {
        var environment = new Dictionary<string, string?> { ["TERM"] = term, ["CI"] = ci, ["RETORT_PROGRESS"] = setting };
        Assert.Equal(drawn, LiveProgress.Wanted(offline, redirected, name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void The_estimate_is_the_mean_step_time_times_the_steps_left_less_the_running_step()
    {
        var time = new SteppedTime();
        var progress = new MigrationProgress(time);
        var run = new MigrationRun("upgrade", 5, Offline: false, "sqlite:///app.db");
        progress.RunStarting(run);
        Assert.Null(progress.Snapshot().Remaining);
        for (var i = 1; i <= 2; i++)
        {
            var step = Step(i);
            progress.StepStarting(run, step);
            time.Advance(TimeSpan.FromSeconds(10));
            progress.StepFinished(run, step, TimeSpan.FromSeconds(10));
        }
        progress.StepStarting(run, Step(3));
        time.Advance(TimeSpan.FromSeconds(1));
        progress.StatementStarting(run, Step(3), "ALTER TABLE t ADD COLUMN c INTEGER");
        time.Advance(TimeSpan.FromSeconds(2));

        var now = progress.Snapshot();
        Assert.Equal((3, 5, 2), (now.Step, now.Steps, now.Finished));
        Assert.Equal(TimeSpan.FromSeconds(27), now.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(2), now.Statement);
        Assert.Equal(TimeSpan.FromSeconds(23), now.Elapsed);
        Assert.Equal("Upgrade 3 of 5 ━━━━──────── a -> b3, step 3 · statement 0:02 · about 0:27 left", Plain(LiveProgress.Render(now, 120)));

        // A step that outlasts the mean leaves the steps after it.
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(20), progress.Snapshot().Remaining);
    }

    [Fact]
    public void The_line_is_cut_to_the_terminal_width_and_never_wraps()
    {
        var now = new ProgressSnapshot("downgrade", 7, 120, 6, "Running downgrade b -> a, " + new string('x', 200), TimeSpan.FromMinutes(61),
            TimeSpan.FromSeconds(75), TimeSpan.FromHours(1.5), Done: false);
        var line = Plain(LiveProgress.Render(now, 100));
        Assert.Equal(99, line.Length);
        Assert.StartsWith("Downgrade 7 of 120 ", line);
        Assert.EndsWith(" b -> a, xxxxxxxxxxxxxxxxxxxx… · statement 1:15 · about 1:30:00 left", line);
    }

    [Fact]
    public async Task A_terminal_run_shows_revision_n_of_N_with_the_plain_lines_above_it()
    {
        var config = await ProjectAsync() with { Url = $"sqlite:///{Path.Combine(_dir.FullName, "app.db")}" };
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 120;

        await LiveProgress.RunAsync(console, (progress, log) => CliCommands.Create(new GlobalOptions(), config, log, progress: progress).UpgradeAsync("head"));

        var text = Ansi().Replace(screen.ToString(), "");
        Assert.Contains("Upgrade 1 of 3 ", text);
        Assert.Contains("Upgrade 3 of 3 ", text);
        Assert.Contains("  -> aaaa00000001, step aaaa00000001", text);
        // The run's own lines are whole lines above the display, as a plain run prints them.
        // Each redraw starts at the line's start (\r); a line of the run's starts there too and ends with \n.
        var lines = text.Split('\n', '\r').ToList();
        Assert.Contains("Running upgrade  -> aaaa00000001, step aaaa00000001", lines);
        Assert.Contains("Running upgrade bbbb00000002 -> cccc00000003, step cccc00000003", lines);
        Assert.Equal(["cccc00000003"], (await CliCommands.Create(new GlobalOptions(), config, TextWriter.Null).VersionHeadsAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Lines_written_while_the_display_is_up_land_whole_above_it()
    {
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(screen),
        });
        var run = new MigrationRun("upgrade", 1, Offline: false, "sqlite:///app.db");

        await LiveProgress.RunAsync(console, async (progress, log) =>
        {
            // A lock wait, written in pieces, with the display redrawn between them.
            log.Write("Waiting for another Retort run");
            await Task.Delay(250);
            log.WriteLine(" on sqlite:///app.db to finish");
            progress.RunStarting(run);
            progress.StepStarting(run, Step(1));
            await Task.Delay(250);
            log.WriteLine("warning: the script of b1 changed since it ran");
            progress.StepFinished(run, Step(1), TimeSpan.FromSeconds(1));
            progress.RunFinished(run, TimeSpan.FromSeconds(1), null);
        });

        var lines = Ansi().Replace(screen.ToString(), "").Split('\n', '\r');
        Assert.Contains("Planning the run…", lines);
        Assert.Contains("Waiting for another Retort run on sqlite:///app.db to finish", lines);
        Assert.Contains("warning: the script of b1 changed since it ran", lines);
        Assert.Contains(lines, l => l.StartsWith("Upgrade 1 of 1 ", StringComparison.Ordinal));
        // The display is gone at the end: its last act erases its line and shows the cursor again.
        Assert.EndsWith("\u001b[2K\u001b[?25h", screen.ToString());
    }

    [Fact]
    public async Task Off_a_terminal_upgrade_and_downgrade_print_the_plain_lines_as_before()
    {
        await ProjectAsync();
        var up = await CliProcess.RunAsync(_dir.FullName, "upgrade", "head");
        Assert.Equal(0, up.ExitCode);
        Assert.Equal("""
            Running upgrade  -> aaaa00000001, step aaaa00000001
            Running upgrade aaaa00000001 -> bbbb00000002, step bbbb00000002
            Running upgrade bbbb00000002 -> cccc00000003, step cccc00000003

            """, up.Stderr.ReplaceLineEndings("\n"));
        var down = await CliProcess.RunAsync(_dir.FullName, "downgrade", "-2");
        Assert.Equal(0, down.ExitCode);
        Assert.Equal("""
            Running downgrade cccc00000003 -> bbbb00000002, step cccc00000003
            Running downgrade bbbb00000002 -> aaaa00000001, step bbbb00000002

            """, down.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal("", up.Stdout + down.Stdout);
    }

    private async Task<Retort.Configuration.RetortConfig> ProjectAsync()
    {
        var init = await CliProcess.RunAsync(_dir.FullName, "init", "migrations");
        Assert.Equal(0, init.ExitCode);
        string? previous = null;
        foreach (var id in (string[])["aaaa00000001", "bbbb00000002", "cccc00000003"])
        {
            File.WriteAllText(Path.Combine(_dir.FullName, "migrations", "versions", $"{id}.cs"), $$"""
                using Retort;
                namespace Migrations;
                /// <summary>step {{id}}</summary>
                [Revision("{{id}}"{{(previous is null ? "" : $", Revises = \"{previous}\"")}})]
                public sealed class R{{id}} : Migration
                {
                    public override void Upgrade(Operations op) { op.CreateTable("t{{id}}", new Column("id", SqlType.Integer, primaryKey: true)); }
                    public override void Downgrade(Operations op) { op.DropTable("t{{id}}"); }
                }
                """);
            previous = id;
        }
        return Retort.Configuration.ConfigFile.Load(Path.Combine(_dir.FullName, "retort.json"), null);
    }

    private static MigrationStepInfo Step(int number) => new(number, $"b{number}", IsUpgrade: true, ["a"], [$"b{number}"], $"Running upgrade a -> b{number}, step {number}");

    private static string Plain(Spectre.Console.Rendering.IRenderable renderable)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 200;
        console.Write(renderable);
        return writer.ToString().TrimEnd('\n', '\r');
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")]
    private static partial Regex Ansi();

    /// <summary>A clock that moves only when told.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public override long GetTimestamp() => _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
