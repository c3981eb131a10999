using Microsoft.Data.Sqlite;
using Retort.Tests.Cli;
using Retort.Tests.Execution;

namespace Retort.Tests.Packaging;

/// <summary>
/// Upgrades and downgrades in the front: from the recording the managed CLI makes when it compiles revisions that are
/// plain <c>op.</c> calls, the front runs them without the runtime; the database, the output and the exit code are the
/// managed CLI's. Run from the front alone in its folder, which could not hand anything on.
/// </summary>
public sealed partial class NativeFrontTests
{
    // Table revisions on a branch and a merge, a batch on SQLite, a view, a post-deploy revision and a lint suppression.
    private static TestProject RecordedProject()
    {
        var project = Project()
            .Revision("f1", ["e1"], """
                op.CreateTable("account", new Column("id", SqlType.Integer, primaryKey: true), new Column("name", SqlType.String(50), nullable: false),
                    new Column("kind", SqlType.Enum("kind", "a", "b"), serverDefault: "'a'"), new Column("price", SqlType.Numeric(10, 2), comment: "net"));
                op.CreateIndex("ix_account_name", "account", ["name"], unique: true);
                op.CreateView("v_account", "SELECT id, name FROM account");
                op.BatchAlterTable("t_a1", b => { b.AddColumn(new Column("note", SqlType.Text)); b.AlterColumn("note", nullable: false, existingType: SqlType.Text); });
                """, """
                op.BatchAlterTable("t_a1", b => b.DropColumn("note"));
                op.DropView("v_account");
                op.DropIndex("ix_account_name", "account");
                op.DropTable("account").Lint("RT101", "test data only");
                """)
            .Revision("g1", ["f1"], """op.AddColumn("account", new Column("email", SqlType.String(120), nullable: true));""",
                """op.DropColumn("account", "email");""", phase: MigrationPhase.PostDeploy);
        return project;
    }

    public static TheoryData<string[][]> RecordedRuns() =>
    [
        [["upgrade", "head"], ["current", "-v"]],
        [["upgrade", "b1"], ["upgrade", "+1"], ["upgrade", "heads", "--tag", "release-7"], ["downgrade", "-2"], ["downgrade", "base"]],
        [["upgrade", "head", "--phase", "pre"], ["upgrade", "head", "--phase", "post"], ["downgrade", "side@base"]],
        [["upgrade", "head", "--sql"], ["downgrade", "g1:a1", "--sql"], ["upgrade", "c1:f1", "--sql", "--no-log"]],
        // Errors the run finds: an unknown target, a downgrade past the current revision.
        [["upgrade", "nosuch"], ["upgrade", "c1"], ["downgrade", "f1"]],
    ];

    [Theory]
    [MemberData(nameof(RecordedRuns))]
    public async Task Recorded_revisions_upgrade_and_downgrade_in_the_front_as_in_the_managed_CLI(string[][] runs)
    {
        using var project = RecordedProject();
        var compile = await CliProcess.RunAsync(project.Root, "compile");
        Assert.Equal((0, "7 revision(s) compiled\nrecorded: the native front runs their upgrades and downgrades without the .NET runtime\n"), (compile.ExitCode, compile.Stdout));
        Assert.Single(Directory.GetFiles(project.Root, "revisions.recorded", SearchOption.AllDirectories));
        foreach (var run in runs)
        {
            var managed = await CliProcess.RunAsync(project.Root, ["--url", "sqlite:///managed.db", .. run]);
            var native = await RunAsync(front.Alone, project.Root, ["--url", "sqlite:///native.db", .. run]);
            Assert.Equal(managed.ExitCode, native.ExitCode);
            Assert.Equal(Steady(managed.Stdout), Steady(native.Stdout));
            Assert.Equal(Steady(managed.Stderr).Replace("managed.db", "DB"), Steady(native.Stderr).Replace("native.db", "DB"));
        }
        Assert.Equal(Dump(Path.Combine(project.Root, "managed.db")), Dump(Path.Combine(project.Root, "native.db")));
    }

    [Fact]
    public async Task Recorded_revisions_upgrade_a_PostgreSQL_database_in_the_front_as_in_the_managed_CLI()
    {
        if (!Live.LiveDatabase.IsRequired(Live.LiveServer.Postgres))
            return;
        using var project = RecordedProject();
        Assert.Equal(0, (await CliProcess.RunAsync(project.Root, "compile")).ExitCode);
        var (managedDb, nativeDb) = ($"front_m_{Guid.NewGuid():N}"[..20], $"front_n_{Guid.NewGuid():N}"[..20]);
        var managedUrl = await Live.LiveDatabase.CreateDatabaseAsync(Live.LiveServer.Postgres, managedDb);
        var nativeUrl = await Live.LiveDatabase.CreateDatabaseAsync(Live.LiveServer.Postgres, nativeDb);
        try
        {
            foreach (var run in new[] { ["upgrade", "head"], ["downgrade", "d1"], ["current"], new[] { "upgrade", "heads" } })
            {
                var managed = await CliProcess.RunAsync(project.Root, ["--url", managedUrl, .. run]);
                var native = await RunAsync(front.Alone, project.Root, ["--url", nativeUrl, .. run]);
                Assert.Equal((managed.ExitCode, Steady(managed.Stdout)), (native.ExitCode, Steady(native.Stdout)));
                Assert.Equal(Steady(managed.Stderr).Replace(managedDb, "DB"), Steady(native.Stderr).Replace(nativeDb, "DB"));
            }
            Assert.Equal(await PostgresColumnsAsync(managedUrl), await PostgresColumnsAsync(nativeUrl));
        }
        finally
        {
            await Live.LiveDatabase.DropDatabaseAsync(Live.LiveServer.Postgres, managedDb);
            await Live.LiveDatabase.DropDatabaseAsync(Live.LiveServer.Postgres, nativeDb);
        }
    }

    [Fact]
    public async Task Ctrl_C_stops_a_recorded_upgrade_in_the_front_at_once_and_keeps_nothing_of_the_run()
    {
        if (!Live.LiveDatabase.IsRequired(Live.LiveServer.Postgres))
            return;
        using var project = Project().Revision("f1", ["e1"],
            """op.Execute("SELECT pg_sleep(40)"); op.CreateTable("t_f1", new Column("id", SqlType.Integer, primaryKey: true));""", """op.DropTable("t_f1");""");
        Assert.Contains("recorded: ", (await CliProcess.RunAsync(project.Root, "compile")).Stdout);
        var database = $"front_c_{Guid.NewGuid():N}"[..20];
        var url = await Live.LiveDatabase.CreateDatabaseAsync(Live.LiveServer.Postgres, database);
        try
        {
            using (var run = WatchedCli.StartProgram(front.Alone, project.Root, "--url", url, "upgrade", "head"))
            {
                await run.WaitForAsync("Running upgrade e1 -> f1", TimeSpan.FromSeconds(60));
                await Task.Delay(500);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await run.SignalAsync("INT");
                var exit = await run.ExitAsync(TimeSpan.FromSeconds(20));
                // The sleep is cancelled where it runs, and the run's one transaction rolled back.
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed} to stop");
                Assert.True(exit == 1 && run.Stderr.TrimEnd().EndsWith("retort: error: cancelled", StringComparison.Ordinal), $"exit {exit}: {run.Stderr}");
            }
            Assert.Equal(0L, await PostgresCountAsync(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 't%'"));
            // Only this database's: other tests hold advisory locks of their own on the same server.
            Assert.Equal(0L, await PostgresCountAsync(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
            project.Revision("f1", ["e1"], """op.CreateTable("t_f1", new Column("id", SqlType.Integer, primaryKey: true));""", """op.DropTable("t_f1");""");
            Assert.Contains("recorded: ", (await CliProcess.RunAsync(project.Root, "compile")).Stdout);
            var again = await RunAsync(front.Alone, project.Root, "--url", url, "upgrade", "head");
            Assert.True(again.ExitCode == 0, again.Stderr);
            Assert.Equal(3L, await PostgresCountAsync(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 't%'"));
        }
        finally
        {
            await Live.LiveDatabase.DropDatabaseAsync(Live.LiveServer.Postgres, database);
        }
    }

    [Fact]
    public async Task A_revision_that_is_not_plain_op_calls_leaves_the_project_to_the_managed_CLI()
    {
        using var project = RecordedProject()
            .Revision("h1", ["g1"], """var name = "t_" + "h1"; op.CreateTable(name, new Column("id", SqlType.Integer, primaryKey: true));""", """op.DropTable("t_h1");""");
        var compile = await CliProcess.RunAsync(project.Root, "compile");
        Assert.Equal((0, "8 revision(s) compiled\nnot recorded: revision h1 (migrations/versions/h1.cs, line 7: `var name = \"t_\" + \"h1\";`) is more than op. calls on constant values; the managed CLI runs upgrades and downgrades\n"),
            (compile.ExitCode, compile.Stdout));
        Assert.Empty(Directory.GetFiles(project.Root, "revisions.recorded", SearchOption.AllDirectories));
        AssertHandedOn(await RunAsync(front.Alone, project.Root, "upgrade", "head"));
        Assert.False(File.Exists(Path.Combine(project.Root, "app.db")));
        // Beside the managed CLI, the run is the managed CLI's, and the same.
        var upgraded = await RunAsync(front.Path, project.Root, "upgrade", "head");
        Assert.Equal(0, upgraded.ExitCode);
        Assert.Contains("Running upgrade g1 -> h1", upgraded.Stderr);
    }

    [Fact]
    public async Task An_edited_revision_is_never_run_from_the_recording_of_its_old_text()
    {
        using var project = RecordedProject();
        Assert.Equal(0, (await CliProcess.RunAsync(project.Root, "compile")).ExitCode);
        var file = Path.Combine(project.Root, "migrations", "versions", "g1.cs");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"email\"", "\"mail\"", StringComparison.Ordinal));
        AssertHandedOn(await RunAsync(front.Alone, project.Root, "upgrade", "head"));
        Assert.False(File.Exists(Path.Combine(project.Root, "app.db")));
        // The managed CLI (through the front) runs it, and records the new text, which the front then runs.
        Assert.Equal(0, (await RunAsync(front.Path, project.Root, "upgrade", "f1")).ExitCode);
        var upgraded = await RunAsync(front.Alone, project.Root, "upgrade", "head");
        Assert.Equal((0, ""), (upgraded.ExitCode, upgraded.Stdout));
        Assert.Contains("CREATE TABLE account", Dump(Path.Combine(project.Root, "app.db")));
        Assert.Contains("mail", Dump(Path.Combine(project.Root, "app.db")));
        Assert.DoesNotContain("email", Dump(Path.Combine(project.Root, "app.db")));
    }

    [Fact]
    public async Task A_front_copied_over_the_managed_CLI_says_so_instead_of_handing_a_command_to_itself()
    {
        using var project = RecordedProject();
        var folder = Directory.CreateTempSubdirectory("retort-self").FullName;
        try
        {
            // The front under the managed CLI's name, as a mistaken install would leave it.
            var self = Path.Combine(folder, "Retort.Cli");
            File.Copy(front.Alone, self);
            File.Copy(Path.Combine(Path.GetDirectoryName(front.Alone)!, "libe_sqlite3.so"), Path.Combine(folder, "libe_sqlite3.so"));
            var upgrade = await RunAsync(self, project.Root, "upgrade", "head");
            Assert.Equal((1, "", $"retort: error: {self} is this native front, not the managed CLI: this command runs in the managed CLI; reinstall Retort\n"),
                (upgrade.ExitCode, upgrade.Stdout, upgrade.Stderr));
            Assert.False(File.Exists(Path.Combine(project.Root, "app.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void AssertHandedOn(CliProcess.Result result)
    {
        var engine = Path.Combine(Path.GetDirectoryName(front.Alone)!, "Retort.Cli");
        Assert.Equal((1, "", $"retort: error: {engine} is missing: this command runs in the managed CLI, which belongs beside {front.Alone}; reinstall Retort\n"),
            (result.ExitCode, result.Stdout, result.Stderr));
    }

    // The schema and the version table; the log's run ids and times differ between any two runs.
    private static string Dump(string database)
    {
        if (!File.Exists(database))
            return "(none)";
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY name; ";
        var lines = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                lines.Add(reader.GetString(0));
        command.CommandText = "SELECT version_num FROM retort_version ORDER BY 1";
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                lines.Add("at " + reader.GetString(0));
        command.CommandText = "SELECT revision || ' ' || direction || ' ' || status || ' ' || coalesce(tag, '') FROM retort_version_log ORDER BY id";
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                lines.Add("log " + reader.GetString(0));
        return string.Join('\n', lines);
    }

    private static async Task<long> PostgresCountAsync(string url, string query)
    {
        await using var connection = TestProject.Connect(Retort.Configuration.DatabaseUrl.Parse(url, "."));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> PostgresColumnsAsync(string url)
    {
        await using var connection = TestProject.Connect(Retort.Configuration.DatabaseUrl.Parse(url, "."));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, ''), E'\n' ORDER BY table_name, ordinal_position)
            FROM information_schema.columns WHERE table_schema = 'public'
            """;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
