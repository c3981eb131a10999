using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Retort.Tests.Execution;

/// <summary>
/// What a run tells as it goes: the <see cref="MigrationObserver"/>'s calls in order, the <c>Retort</c> activity source's
/// spans (one per run, one per revision under it) and the <c>Retort</c> meter's measurements.
/// </summary>
public sealed class RunEventsTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///app.db");

    public void Dispose() => _project.Dispose();

    private sealed class Recorder : MigrationObserver
    {
        public List<string> Calls { get; } = [];

        public override void RunStarting(MigrationRun run) => Calls.Add($"run {run.Direction} {run.Steps} offline={run.Offline}");

        public override void StepStarting(MigrationRun run, MigrationStepInfo step) => Calls.Add($"step {step.Number} {step.Revision} {(step.IsUpgrade ? "up" : "down")}");

        public override void StatementStarting(MigrationRun run, MigrationStepInfo step, string sql)
        {
            if (sql.StartsWith("CREATE TABLE t_", StringComparison.Ordinal) || sql.StartsWith("DROP TABLE t_", StringComparison.Ordinal))
                Calls.Add($"sql {step.Revision}: {sql.Split(' ')[0]} {sql.Split(' ')[2]}");
        }

        public override void StepFinished(MigrationRun run, MigrationStepInfo step, TimeSpan elapsed) => Calls.Add($"done {step.Number} {(elapsed >= TimeSpan.Zero ? "ok" : "negative")}");

        public override void RunFinished(MigrationRun run, TimeSpan elapsed, Exception? error) => Calls.Add($"end {error?.GetType().Name ?? "ok"}");
    }

    private Migrator Migrator(System.Reflection.Assembly assembly, MigrationObserver observer) => new(new MigratorOptions
    {
        Assemblies = [assembly],
        Url = $"sqlite:////{Path.Combine(_project.Root, "app.db").TrimStart('/')}",
        Connect = TestProject.Connect,
        Observer = observer,
    });

    [Fact]
    public async Task The_observer_hears_each_step_and_statement_in_order()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1");
        var recorder = new Recorder();
        var migrator = Migrator(await MigratorTests.BuildAsync(_project), recorder);

        await migrator.UpgradeAsync();
        Assert.Equal(["run upgrade 2 offline=False", "step 1 a1 up", "sql a1: CREATE t_a1", "done 1 ok", "step 2 b1 up", "sql b1: CREATE t_b1", "done 2 ok", "end ok"],
            recorder.Calls);

        recorder.Calls.Clear();
        await migrator.DowngradeAsync("base");
        Assert.Equal(["run downgrade 2 offline=False", "step 1 b1 down", "sql b1: DROP t_b1", "done 1 ok", "step 2 a1 down", "sql a1: DROP t_a1", "done 2 ok", "end ok"],
            recorder.Calls);

        // Nothing to do: no run is announced.
        recorder.Calls.Clear();
        await migrator.DowngradeAsync("base");
        Assert.Empty(recorder.Calls);
    }

    [Fact]
    public async Task A_failing_revision_ends_the_run_with_its_error()
    {
        _project.TableRevision("a1").Revision("b1", ["a1"], upgrade: "op.Execute(\"CREATE TABLE t_a1 (id INTEGER)\");");
        var recorder = new Recorder();
        var migrator = Migrator(await MigratorTests.BuildAsync(_project), recorder);

        await Assert.ThrowsAsync<RetortException>(() => migrator.UpgradeAsync());
        Assert.Equal("end RetortException", recorder.Calls[^1]);
        Assert.DoesNotContain("done 2 ok", recorder.Calls);
    }

    [Fact]
    public async Task Spans_and_measurements_reach_listeners_of_the_Retort_source_and_meter()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1");
        var migrator = Migrator(await MigratorTests.BuildAsync(_project), new Recorder());
        var root = _project.Root;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Retort",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Direction)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Retort")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Direction(tags))));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Direction(tags))));
        meters.Start();

        using var parent = new Activity("test " + root).Start();
        await migrator.UpgradeAsync();
        parent.Stop();

        // Other tests run in parallel and their runs are heard too: keep this run's spans (under this test's parent).
        var mine = spans.Where(s => s.TraceId == parent.TraceId).ToList();
        var run = Assert.Single(mine, s => s.OperationName == "retort upgrade");
        Assert.Equal(parent.SpanId, run.ParentSpanId);
        var revisions = mine.Where(s => s.OperationName.StartsWith("retort revision ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["retort revision a1", "retort revision b1"], revisions.Select(s => s.OperationName));
        Assert.All(revisions, s => Assert.Equal(run.SpanId, s.ParentSpanId));
        Assert.Equal("b1", revisions[1].GetTagItem("retort.revision"));
        Assert.Equal("sqlite", run.GetTagItem("db.system"));

        Assert.True(measurements.Count(m => m.Instrument == "retort.revisions.applied" && m.Direction == "upgrade") >= 2);
        Assert.True(measurements.Count(m => m.Instrument == "retort.revision.duration" && m.Value >= 0) >= 2);
    }

    private static string? Direction(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
            if (tag.Key == "retort.direction")
                return tag.Value as string;
        return null;
    }
}
