using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Retort.Hosting.Tests;

/// <summary>OpenTelemetry wired as an application wires it (AddSource("Retort"), AddMeter("Retort")) sees the runs.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly TestRevisions _revisions = new();

    public void Dispose() => _revisions.Dispose();

    [Fact]
    public async Task OpenTelemetry_sees_a_span_per_run_and_per_revision_and_the_revision_metrics()
    {
        var assembly = await _revisions.Table("da01").Table("da02", "da01").CompileAsync();
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Retort").AddInMemoryExporter(spans))
            .WithMetrics(meters => meters.AddMeter("Retort").AddInMemoryExporter(metrics));
        builder.Services.AddRetort(o =>
        {
            o.ConnectionString = _revisions.SqliteConnectionString();
            o.Connect = cs => new SqliteConnection(cs);
            o.Assemblies.Add(assembly);
        }).MigrateAtStartup();
        using var host = builder.Build();
        await host.StartAsync();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        await host.StopAsync();

        var run = Assert.Single(spans, s => s.DisplayName == "retort upgrade");
        Assert.Equal("sqlite", run.GetTagItem("db.system"));
        Assert.Equal(2, run.GetTagItem("retort.steps"));
        var revisions = spans.Where(s => s.DisplayName.StartsWith("retort revision ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["retort revision da01", "retort revision da02"], revisions.Select(s => s.DisplayName));
        Assert.All(revisions, s => Assert.Equal(run.SpanId, s.ParentSpanId));
        Assert.Equal(["da01", "da02"], revisions.Select(s => s.GetTagItem("retort.revision")));

        Assert.Equal(2, Sum(metrics, "retort.revisions.applied", p => p.GetSumLong()));
        Assert.Equal(2, Sum(metrics, "retort.revision.duration", p => p.GetHistogramCount()));
    }

    private static long Sum(List<Metric> metrics, string name, Func<MetricPoint, long> value)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
            foreach (ref readonly var point in metric.GetMetricPoints())
                sum += value(point);
        return sum;
    }
}
