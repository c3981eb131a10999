using System.Diagnostics;
using Retort.Revisions;
using Xunit.Abstractions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>Large graphs: no quadratic work on a chain, no recursion deep enough to overflow.</summary>
public sealed class RevisionMapPerformanceTests(ITestOutputHelper output)
{
    private const int Size = 5000;

    [Fact]
    public void A_5000_revision_chain_builds_and_walks_in_milliseconds()
    {
        RevisionHeader[] headers = Chain(Size);
        double first = Time(() => Exercise(headers));

        // The best of a few runs once the code is compiled: the budget is for the graph work, not for
        // the JIT or for other processes on a busy machine (a few milliseconds when idle).
        double best = Enumerable.Range(0, 5).Min(_ => Time(() => Exercise(headers)));

        output.WriteLine($"5000-chain build + walk + upgrade + downgrade + resolve: first {first:F1} ms, best {best:F1} ms");
        Assert.Equal($"r{Size - 1}", Ids(new RevisionMap(headers).Heads));
        Assert.True(best < 100, $"took {best:F1} ms");
    }

    [Fact]
    public void A_deep_chain_with_a_label_at_the_base_and_a_dependency_at_the_top_does_not_overflow()
    {
        RevisionHeader[] headers = Chain(Size);
        headers[0] = Full("r0", [], labels: ["lib"]);
        headers[^1] = Full($"r{Size - 1}", [$"r{Size - 2}"], dependsOn: ["r0"]);

        RevisionMap map = Exercise(headers);
        double best = Enumerable.Range(0, 3).Min(_ => Time(() => Exercise(headers)));

        output.WriteLine($"labelled 5000-chain: best {best:F1} ms");
        Assert.Equal(["lib"], map[$"r{Size - 1}"].BranchLabels);
        Assert.Equal(["r0"], map[$"r{Size - 1}"].Dependencies);
        Assert.Equal($"r{Size - 1}", map.ResolveOne("lib@head")?.Id);
        Assert.True(best < 1000, $"took {best:F1} ms");
    }

    [Fact]
    public void Many_branches_merged_at_the_top_stay_fast()
    {
        // One base, 100 branches of 50 revisions each, all merged by one revision: 5002 revisions.
        var headers = new List<RevisionHeader> { Rev("root") };
        var tips = new List<string>();
        for (int b = 0; b < 100; b++)
        {
            string parent = "root";
            for (int i = 0; i < 50; i++)
            {
                string id = $"b{b}n{i}";
                headers.Add(Rev(id, parent));
                parent = id;
            }

            tips.Add(parent);
        }

        headers.Add(Rev("merge", [.. tips]));
        RevisionMap map = Exercise([.. headers]);
        double best = Enumerable.Range(0, 3).Min(_ => Time(() => Exercise([.. headers])));

        output.WriteLine($"100 branches x 50, merged: best {best:F1} ms");
        Assert.Equal("merge", Ids(map.Heads));
        Assert.Equal(5002, map.UpgradeSteps([], "head").Count);
        Assert.True(best < 1000, $"took {best:F1} ms");
    }

    [Fact]
    public void Two_long_lines_with_every_revision_depending_across_stay_fast()
    {
        // b_i revises b_(i-1) and depends on a_i, and every revision of a third line depends on one base.
        const int half = Size / 3;
        var headers = new List<RevisionHeader>();
        for (int i = 0; i < half; i++)
        {
            headers.Add(i == 0 ? Rev("a0") : Rev($"a{i}", $"a{i - 1}"));
            headers.Add(Full($"b{i}", i == 0 ? [] : [$"b{i - 1}"], dependsOn: [$"a{i}"]));
            headers.Add(Full($"c{i}", i == 0 ? [] : [$"c{i - 1}"], dependsOn: ["a0"]));
        }

        var map = new RevisionMap(headers);
        double best = Enumerable.Range(0, 3).Min(_ => Time(() => new RevisionMap(headers).UpgradeSteps([], "heads")));

        // Alembic's order makes the walk switch between the lines at every revision here, so this
        // shape costs more than a chain (as it does in Alembic); it must stay within a couple of seconds even on a busy machine.
        output.WriteLine($"{headers.Count} revisions with cross dependencies: best {best:F1} ms");
        Assert.Equal(headers.Count, map.UpgradeSteps([], "heads").Count);
        Assert.Equal([$"a{half - 1}"], map[$"b{half - 1}"].Dependencies);
        Assert.Empty(map[$"c{half - 1}"].Dependencies);
        Assert.True(best < 2000, $"took {best:F1} ms");
    }

    private static RevisionMap Exercise(RevisionHeader[] headers)
    {
        var map = new RevisionMap(headers);
        string head = map.Heads[0].Id;
        Assert.Equal(headers.Length, map.Walk(null, null).Count);
        Assert.Equal(headers.Length, map.UpgradeSteps([], "heads").Count);
        Assert.Equal(headers.Length, map.DowngradeSteps([head], "base").Count);
        Assert.Equal(head, map.ResolveOne("heads")?.Id);
        Assert.Single(map.Resolve(map.Heads[0].IsMergePoint ? "+1" : "-1"));
        return map;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static RevisionHeader[] Chain(int length) =>
        [.. Enumerable.Range(0, length).Select(i => i == 0 ? Rev("r0") : Rev($"r{i}", $"r{i - 1}"))];
}
