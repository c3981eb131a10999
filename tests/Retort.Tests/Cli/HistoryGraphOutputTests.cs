namespace Retort.Tests.Cli;

/// <summary><c>history</c>'s graph (as git log --graph draws it) and <c>history --format dot</c>, on a graph of every shape.</summary>
public sealed class HistoryGraphOutputTests(OutputProject project) : IClassFixture<OutputProject>
{
    [Fact]
    public async Task The_graph_draws_branches_the_merge_the_second_root_and_the_dependency() =>
        GoldenFile.Matches(Path.Combine("Output", "history_graph.txt"), await project.OkAsync("history"));

    [Fact]
    public async Task Graph_is_the_default_and_no_graph_lists_plain_lines()
    {
        Assert.Equal(await project.OkAsync("history"), await project.OkAsync("history", "--graph"));
        var plain = await project.OkAsync("history", "--no-graph");
        Assert.StartsWith("c3000000003, d4000000004 -> e5000000005 (main) (head) (mergepoint), merge phone and address\n", plain);
        Assert.DoesNotContain("|", plain);
        var both = await CliProcess.RunAsync(project.Folder, "history", "--graph", "--no-graph");
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public async Task A_range_draws_the_part_of_the_graph_it_names() =>
        GoldenFile.Matches(Path.Combine("Output", "history_graph_range.txt"), await project.OkAsync("history", "-r", "b2000000002:heads", "-i"));

    [Fact]
    public async Task Dot_writes_a_digraph_that_graphviz_accepts()
    {
        var dot = await project.OkAsync("history", "--format", "dot");
        GoldenFile.Matches(Path.Combine("Output", "history.dot"), dot);
        if (!File.Exists("/usr/bin/dot"))
        {
            Assert.False(Live.LiveDatabase.IsCi, "CI=true, but Graphviz is not installed (apt-get install -y graphviz; scripts/test.sh does it)");
            return;
        }
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/dot", "-Tsvg")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var svg = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(dot);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        Assert.Equal("", await errors);
        Assert.Contains("<svg", await svg);
        Assert.Contains("merge phone and address", await svg);
    }
}
