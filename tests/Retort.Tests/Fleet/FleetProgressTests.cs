using System.Text.RegularExpressions;
using Retort.Cli;
using Spectre.Console;

namespace Retort.Tests.Fleet;

/// <summary>What a person sees of a fleet run: the live line of counts on a terminal, and the summary's lines.</summary>
public sealed partial class FleetProgressTests
{
    [Fact]
    public async Task The_live_line_counts_targets_and_failures_land_whole_above_it()
    {
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 200;
        var counts = new FleetCounts(500, 120, 1, 4);
        Action<string> above = _ => { };

        var result = await LiveProgress.RunCountsAsync(console, () => counts, line => above = line, async () =>
        {
            await Task.Delay(250);
            above("[121/500] tenant_121 0.20 s failed: boom");
            counts = new FleetCounts(500, 500, 1, 0);
            await Task.Delay(250);
            return 42;
        });

        Assert.Equal(42, result);
        var lines = Ansi().Replace(screen.ToString(), "").Split('\n', '\r');
        Assert.Contains(lines, l => l.StartsWith("500 targets: 120 done, 1 failed, 4 running · 0:0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("500 targets: 500 done, 1 failed, 0 running · 0:0", StringComparison.Ordinal));
        Assert.Contains("[121/500] tenant_121 0.20 s failed: boom", lines);
    }

    [Fact]
    public void The_summary_lists_each_target_then_the_failures_and_the_counts()
    {
        var report = new FleetReport("upgrade",
        [
            new FleetResult("tenant_001", ["a1"], ["b2"], TimeSpan.FromSeconds(0.25), "upgraded", null, [], ""),
            new FleetResult("t2", [], [], TimeSpan.FromSeconds(1.5), FleetStatus.Failed, "Upgrade b2 failed: no", [], ""),
            new FleetResult("t3", ["b2"], ["b2"], TimeSpan.Zero, FleetStatus.Unchanged, null, [], ""),
        ], TimeSpan.FromSeconds(2));

        Assert.Equal(
        [
            "TARGET      FROM  TO  ELAPSED  STATUS",
            "tenant_001  a1    b2  0.25 s   upgraded",
            "t2          base  -   1.50 s   failed",
            "t3          b2    b2  0.00 s   unchanged",
            "Failed:",
            "  t2: Upgrade b2 failed: no",
            "3 target(s) in 2.00 s: 1 failed, 1 unchanged, 1 upgraded",
        ], CommandText.Fleet(report));
        Assert.Equal("[2/3] t2 1.50 s failed: Upgrade b2 failed: no", CommandText.FleetLine(report.Results[1], new FleetCounts(3, 2, 1, 1)));
        Assert.Equal(1, report.FailedCount);
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")]
    private static partial Regex Ansi();
}
