using Retort.Tests.Cli;
using Retort.Tests.Execution;

namespace Retort.Tests.Packaging;

/// <summary>
/// The native front of the release CLI, published once by scripts/native.sh into a folder where <c>Retort.Cli</c> (the
/// managed CLI it hands commands to) is this build's CLI.
/// </summary>
public sealed class NativeFront : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("retort-native").FullName;

    /// <summary>The front with the managed CLI beside it.</summary>
    public string Path => System.IO.Path.Combine(_root, "retort");

    /// <summary>The same front alone in a folder.</summary>
    public string Alone => System.IO.Path.Combine(_root, "alone", "retort");

    public async Task InitializeAsync()
    {
        var publish = await PackagedFeed.RunAsync(PackagedFeed.Repository, "bash", "scripts/native.sh", "-o", _root);
        Assert.True(publish.ExitCode == 0, $"scripts/native.sh failed:\n{publish.Output}");
        // The managed CLI as the release folder has it, an executable named Retort.Cli: here this build's, through dotnet.
        var engine = System.IO.Path.Combine(_root, "Retort.Cli");
        await File.WriteAllTextAsync(engine, $"#!/bin/sh\nexec dotnet '{System.IO.Path.Combine(AppContext.BaseDirectory, "Retort.Cli.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(engine, File.GetUnixFileMode(Path));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Alone)!);
        File.Copy(Path, Alone);
        File.Copy(System.IO.Path.Combine(_root, "libe_sqlite3.so"), System.IO.Path.Combine(_root, "alone", "libe_sqlite3.so"));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// <c>retort</c> as scripts/build.sh installs it: a native front that runs the graph commands itself and hands every other
/// command to the managed CLI. Whichever runs a command, the user sees the same output, errors and exit code.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class NativeFrontTests(NativeFront front) : IClassFixture<NativeFront>
{
    // a1 branches into b1 and c1 (labelled side), which d1 merges; e1 depends on c1.
    private static TestProject Project()
    {
        var project = new TestProject("sqlite:///app.db")
            .TableRevision("a1")
            .TableRevision("b1", "a1")
            .Revision("c1", ["a1"], branchLabels: ["side"])
            .Revision("d1", ["b1", "c1"])
            .Revision("e1", ["d1"], dependsOn: ["c1"]);
        File.WriteAllText(Path.Combine(project.Root, "retort.json"), """{ "scriptLocation": "migrations", "url": "sqlite:///app.db" }""");
        return project;
    }

    public static TheoryData<string[]> GraphCommands() =>
    [
        ["heads"], ["heads", "--json"], ["heads", "-v"], ["heads", "--resolve-dependencies"],
        ["history"], ["history", "--no-graph"], ["history", "--json"], ["history", "--format", "dot"], ["history", "-r", "b1:"],
        ["branches"], ["branches", "--json"], ["show", "side@head"], ["show", "a1", "--json"], ["-c", "retort.json", "heads"],
        // Errors the graph itself finds: the front says them as the managed CLI does.
        ["show", "zz"], ["history", "-r", "zz:"], ["-c", "missing.json", "heads"],
        // current, on a database not made yet.
        ["current"], ["current", "--json"], ["--url", "sqlite:///other.db", "current"],
    ];

    [Theory]
    [MemberData(nameof(GraphCommands))]
    public async Task A_graph_command_prints_what_the_managed_CLI_prints(string[] args)
    {
        using var project = Project();
        var managed = await CliProcess.RunAsync(project.Root, args);
        var native = await RunAsync(front.Alone, project.Root, args);
        Assert.Equal(managed, native);
    }

    public static TheoryData<string[]> OtherCommands() =>
    [
        // -n may name a member of a target set, which only a query finds.
        ["upgrade", "head"], ["history", "-i"], ["-n", "nosuch", "heads"], ["heads", "--help"], ["current", "--all"],
        ["--url", "mysql://retort@127.0.0.1:1/none", "current"], ["upgrade", "head", "--sql"], ["hedas"], ["heads", "--bogus"], [], ["--help"],
        ["--version"], ["-c"],
    ];

    [Theory]
    [MemberData(nameof(OtherCommands))]
    public async Task Every_other_command_is_the_managed_CLIs_own(string[] args)
    {
        using var project = Project();
        var database = Path.Combine(project.Root, "app.db");
        var managed = await CliProcess.RunAsync(project.Root, args);
        var made = File.Exists(database);
        File.Delete(database);
        var native = await RunAsync(front.Path, project.Root, args);
        Assert.Equal(managed.ExitCode, native.ExitCode);
        // An offline script's run id is new on every run, and a fleet summary's elapsed times differ.
        Assert.Equal(Steady(managed.Stdout), Steady(native.Stdout));
        Assert.Equal(Steady(managed.Stderr), Steady(native.Stderr));
        Assert.Equal(made, File.Exists(database));
    }

    [Fact]
    public async Task Upgrade_and_downgrade_start_with_a_small_first_GC_generation_unless_the_user_set_one()
    {
        using var project = new TestProject("sqlite:///app.db")
            .Revision("a1", [], "op.Execute(\"-- gen0 \" + (System.Environment.GetEnvironmentVariable(\"DOTNET_GCgen0size\") ?? \"unset\"));");
        File.WriteAllText(Path.Combine(project.Root, "retort.json"), """{ "scriptLocation": "migrations", "url": "sqlite:///app.db" }""");
        var started = await CliProcess.RunProgramAsync(front.Path, project.Root, null, "upgrade", "head", "--sql");
        Assert.Contains("-- gen0 0x400000;", started.Stdout);
        var chosen = await CliProcess.RunProgramAsync(front.Path, project.Root, new Dictionary<string, string> { ["DOTNET_GCgen0size"] = "0x800000" }, "upgrade", "head", "--sql");
        Assert.Contains("-- gen0 0x800000;", chosen.Stdout);
        // The managed CLI alone sets nothing.
        var managed = await CliProcess.RunAsync(project.Root, "upgrade", "head", "--sql");
        Assert.Contains("-- gen0 unset;", managed.Stdout);
    }

    [Fact]
    public async Task The_front_reads_SQLite_and_PostgreSQL_version_tables_as_the_managed_CLI_does()
    {
        using var project = Project();
        Assert.Equal(0, (await CliProcess.RunAsync(project.Root, "upgrade", "heads")).ExitCode);
        string[][] commands = [["current"], ["current", "--json"], ["current", "-v"]];
        var database = $"native_front_{Guid.NewGuid():N}"[..24];
        var postgres = Live.LiveDatabase.IsRequired(Live.LiveServer.Postgres) ? await Live.LiveDatabase.CreateDatabaseAsync(Live.LiveServer.Postgres, database) : null;
        try
        {
            if (postgres is not null)
            {
                Assert.Equal(0, (await CliProcess.RunAsync(project.Root, "--url", postgres, "upgrade", "heads")).ExitCode);
                commands = [.. commands, ["--url", postgres, "current"], ["--url", postgres, "current", "--json"]];
            }
            foreach (var args in commands)
                Assert.Equal(await CliProcess.RunAsync(project.Root, args), await RunAsync(front.Alone, project.Root, args));
        }
        finally
        {
            if (postgres is not null)
                await Live.LiveDatabase.DropDatabaseAsync(Live.LiveServer.Postgres, database);
        }
    }

    [Fact]
    public async Task Alone_the_front_runs_the_graph_and_names_what_is_missing_for_the_rest()
    {
        using var project = Project();
        var heads = await RunAsync(front.Alone, project.Root, "heads");
        Assert.Equal((0, "e1 (side) (head)\n", ""), (heads.ExitCode, heads.Stdout, heads.Stderr));

        var upgrade = await RunAsync(front.Alone, project.Root, "upgrade", "head");
        var engine = Path.Combine(Path.GetDirectoryName(front.Alone)!, "Retort.Cli");
        Assert.Equal((1, "", $"retort: error: {engine} is missing: this command runs in the managed CLI, which belongs beside {front.Alone}; reinstall Retort\n"),
            (upgrade.ExitCode, upgrade.Stdout, upgrade.Stderr));
        Assert.False(File.Exists(Path.Combine(project.Root, "app.db")));
    }

    private static Task<CliProcess.Result> RunAsync(string program, string directory, params string[] args) =>
        CliProcess.RunProgramAsync(program, directory, null, args);

    private static string Steady(string output) => Elapsed().Replace(RunId().Replace(output, "RUN"), "N s");

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex RunId();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d+\.\d+ s\b")]
    private static partial System.Text.RegularExpressions.Regex Elapsed();
}
