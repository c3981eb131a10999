using System.Text;

namespace Retort.Tests.Conformance;

/// <summary>
/// Retort against Alembic itself (the OS package): every shape of <see cref="GraphShapes"/>, every command of it, the
/// same facts. A difference fails the test unless it is one of the deliberate differences the README lists.
/// </summary>
public sealed class AlembicConformanceTests
{
    [Fact]
    public async Task Retort_and_Alembic_agree_on_every_shape_and_command()
    {
        if (ConformanceRun.Python is null)
        {
            Assert.False(Live.LiveDatabase.IsCi, "CI=true, but Alembic is not installed (apt-get install -y alembic python3-alembic; scripts/test.sh does it)");
            return;
        }
        var shapes = GraphShapes.All;
        using var run = new ConformanceRun();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var alembic = run.Alembic(shapes);
        var alembicTime = clock.Elapsed;
        var retort = await run.RetortAsync(shapes);
        var differences = new List<string>();
        var first = new List<string>();
        var deliberate = new Dictionary<string, int>();
        var facts = 0;
        foreach (var shape in shapes)
        {
            var seen = false;
            for (var i = 0; i < shape.Commands.Count; i++)
            {
                facts++;
                if (ConformanceFacts.Deliberate(alembic[shape.Name][i], retort[shape.Name][i], shape.Commands[i]) is { } kind
                    && alembic[shape.Name][i].Ok != retort[shape.Name][i].Ok)
                    deliberate[kind] = deliberate.GetValueOrDefault(kind) + 1;
                if (ConformanceFacts.Differ(shape, alembic[shape.Name][i], retort[shape.Name][i], shape.Commands[i]) is not { } why)
                    continue;
                var line = $"{shape.Name} / {string.Join(' ', shape.Commands[i])}: {why}";
                differences.Add(line);
                // Once the databases part, later commands differ because of it: the first difference is the one to read.
                if (!seen)
                    first.Add($"{line}\n    after: {string.Join(" | ", shape.Commands.Take(i).Select(c => string.Join(' ', c)))}");
                seen = true;
            }
        }
        var summary = $"conformance with Alembic: {shapes.Count} shapes, {facts} commands, {differences.Count} differences in {first.Count} shapes; " +
            $"deliberate differences met: {(deliberate.Count == 0 ? "none" : string.Join(", ", deliberate.Select(d => $"{d.Key} ×{d.Value}")))}; " +
            $"Alembic {alembicTime.TotalSeconds:0.0} s, Retort {(clock.Elapsed - alembicTime).TotalSeconds:0.0} s";
        TestArtifacts.Write("conformance", "summary.txt", summary + "\n");
        var report = new StringBuilder()
            .AppendLine(summary)
            .AppendLine("first difference per shape:").AppendJoin('\n', first).AppendLine().AppendLine("all:")
            .AppendJoin('\n', differences).ToString();
        TestArtifacts.Write("conformance", "report.txt", report);
        Assert.True(differences.Count == 0, report);
    }
}
