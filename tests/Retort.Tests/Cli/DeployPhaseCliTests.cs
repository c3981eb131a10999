namespace Retort.Tests.Cli;

/// <summary>
/// Deploy phases through the built CLI: <c>revision --post-deploy</c>, <c>upgrade head --phase pre|post</c> online and with
/// <c>--sql</c>, and how <c>history</c>, <c>current</c> and <c>show</c> mark a post-deploy revision.
/// </summary>
public sealed class DeployPhaseCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-cli-phase");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<CliProcess.Result> Ok(params string[] args)
    {
        var result = await CliProcess.RunAsync(_dir.FullName, args);
        Assert.True(result.ExitCode == 0, $"retort {string.Join(" ", args)} exited {result.ExitCode}: {result.Stderr}");
        return result with { Stdout = result.Stdout.ReplaceLineEndings("\n"), Stderr = result.Stderr.ReplaceLineEndings("\n") };
    }

    [Fact]
    public async Task A_post_deploy_revision_waits_for_phase_post_and_is_marked_in_listings()
    {
        await Ok("init");
        await Ok("revision", "-m", "add full_name", "--rev-id", "aaaa00000001");
        await Ok("revision", "-m", "drop name", "--post-deploy", "--rev-id", "bbbb00000002");
        await Ok("revision", "-m", "add index", "--rev-id", "cccc00000003");
        var file = File.ReadAllText(Directory.GetFiles(Path.Combine(_dir.FullName, "migrations", "versions"), "bbbb00000002_*.cs").Single());
        Assert.Matches("""\n\[Revision\("bbbb00000002", Revises = "aaaa00000001", CreateDate = "[0-9: -]+", Phase = MigrationPhase.PostDeploy\)\]\n""", file);

        Assert.Equal("""
            *  bbbb00000002 -> cccc00000003 (head), add index
            *  aaaa00000001 -> bbbb00000002 [post-deploy], drop name
            *  <base> -> aaaa00000001, add full_name

            """, (await Ok("history")).Stdout);
        Assert.Contains("\nPhase: post-deploy\n", (await Ok("show", "bbbb")).Stdout);
        Assert.DoesNotContain("Phase", (await Ok("show", "cccc")).Stdout);

        var script = (await Ok("upgrade", "head", "--sql", "--phase", "pre")).Stdout;
        Assert.Contains("-- Running upgrade  -> aaaa00000001\n", script);
        Assert.DoesNotContain("bbbb00000002", script);

        var pre = await Ok("upgrade", "head", "--phase", "pre");
        Assert.Equal("""
            Held back for --phase post: bbbb00000002 (drop name)
            Running upgrade  -> aaaa00000001, add full_name

            """, pre.Stderr);
        Assert.Equal("aaaa00000001\n", (await Ok("current")).Stdout);

        var post = await Ok("upgrade", "head", "--phase", "post");
        Assert.Equal("""
            Running upgrade aaaa00000001 -> bbbb00000002, drop name
            Running upgrade bbbb00000002 -> cccc00000003, add index

            """, post.Stderr);
        Assert.Equal("cccc00000003 (head)\n", (await Ok("current")).Stdout);
        await Ok("downgrade", "aaaa00000001");
        Assert.Equal("aaaa00000001\n", (await Ok("current")).Stdout);
        await Ok("upgrade", "bbbb00000002");
        Assert.Equal("bbbb00000002 [post-deploy]\n", (await Ok("current")).Stdout);
    }

    [Fact]
    public async Task The_help_names_the_options()
    {
        Assert.Contains("--phase <pre|post>", (await Ok("upgrade", "-h")).Stdout);
        Assert.Contains("--post-deploy", (await Ok("revision", "-h")).Stdout);
        Assert.DoesNotContain("--phase", (await Ok("downgrade", "-h")).Stdout);
    }
}
