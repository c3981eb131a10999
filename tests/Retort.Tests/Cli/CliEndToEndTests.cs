namespace Retort.Tests.Cli;

public sealed class CliEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<string> Ok(params string[] args)
    {
        var result = await CliProcess.RunAsync(_dir.FullName, args);
        Assert.True(result.ExitCode == 0, $"retort {string.Join(" ", args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout.ReplaceLineEndings("\n");
    }

    [Fact]
    public async Task Init_three_revisions_a_branch_a_merge_and_the_history_graph()
    {
        await Ok("init", "migrations");
        Assert.True(File.Exists(Path.Combine(_dir.FullName, "retort.json")));
        await Ok("revision", "-m", "create account", "--rev-id", "aaaa00000001");
        await Ok("revision", "-m", "add last_txn", "--rev-id", "bbbb00000002");
        await Ok("revision", "-m", "add email", "--rev-id", "cccc00000003");
        await Ok("revision", "-m", "branch from last_txn", "--head", "bbbb", "--splice", "--rev-id", "dddd00000004");
        Assert.Equal("cccc00000003 (head)\ndddd00000004 (head)\n", await Ok("heads"));

        var merged = await Ok("merge", "heads", "-m", "merge email and branch", "--rev-id", "eeee00000005");
        Assert.Matches(@"^Generating migrations/versions/eeee00000005_merge_email_and_branch\.cs \.\.\. done\n$", merged);

        Assert.Equal(
            """
            *  cccc00000003, dddd00000004 -> eeee00000005 (head) (mergepoint), merge email and branch
            |\
            * |  bbbb00000002 -> cccc00000003, add email
            | *  bbbb00000002 -> dddd00000004, branch from last_txn
            |/
            *  aaaa00000001 -> bbbb00000002 (branchpoint), add last_txn
            *  <base> -> aaaa00000001, create account

            """, await Ok("history"));
        Assert.Equal("bbbb00000002 (branchpoint)\n             -> cccc00000003\n             -> dddd00000004\n", await Ok("branches"));
        Assert.Equal("eeee00000005 (head)\n", await Ok("heads"));
        Assert.Contains("Merges: cccc00000003, dddd00000004\n", await Ok("show", "eeee"));
    }

    [Fact]
    public async Task A_new_revision_on_several_heads_asks_which_one()
    {
        await Ok("init");
        await Ok("revision", "-m", "one", "--rev-id", "aaaa00000001");
        await Ok("revision", "-m", "two", "--head", "base", "--rev-id", "bbbb00000002");
        var result = await CliProcess.RunAsync(_dir.FullName, "revision", "-m", "three");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("retort: error: Multiple heads are present (aaaa00000001, bbbb00000002); pass --head REV (or LABEL@head) to choose the one to build on, or run 'retort merge heads'\n",
            result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Without_a_config_the_error_says_how_to_make_one()
    {
        var result = await CliProcess.RunAsync(_dir.FullName, "heads");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"retort: error: No retort.json in {_dir.FullName} or any folder above it; run 'retort init' to create one, or pass -c FILE\n",
            result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Bad_usage_exits_2()
    {
        var result = await CliProcess.RunAsync(_dir.FullName, "frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Stderr);
    }

    [Fact]
    public async Task An_offline_script_logs_with_the_database_user_unless_told_no_log()
    {
        await Ok("init", "migrations");
        WriteRevision("aaaa00000001", null, "op.CreateTable(\"t\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        var logged = await Ok("upgrade", "head", "--sql", "--url", "mysql://app@db/shop");
        Assert.Contains("INSERT INTO retort_version_log", logged);
        Assert.Contains("UTC_TIMESTAMP(6), NULL, NULL, NULL, NULL, CURRENT_USER(),", logged);
        var bare = await Ok("upgrade", "head", "--sql", "--no-log", "--url", "mysql://app@db/shop");
        Assert.DoesNotContain("retort_version_log", bare);
        Assert.Contains("INSERT INTO retort_version (version_num) VALUES ('aaaa00000001')", bare);
    }

    [Fact]
    public async Task Help_and_version_are_there_when_asked_for()
    {
        // The root builds --help and --version only when the arguments ask for them; help must still list both.
        var help = await CliProcess.RunAsync(_dir.FullName, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("retort [command] [options]", help.Stdout);
        Assert.Matches(@"-\?, -h, --help\s+Show help and usage information", help.Stdout);
        Assert.Matches(@"--version\s+Show version information", help.Stdout);
        Assert.Contains("upgrade <TARGET>", help.Stdout);

        var upgrade = await CliProcess.RunAsync(_dir.FullName, "upgrade", "-h");
        Assert.Equal(0, upgrade.ExitCode);
        Assert.Contains("retort upgrade <TARGET> [options]", upgrade.Stdout);
        Assert.Contains("--tag", upgrade.Stdout);

        var version = await CliProcess.RunAsync(_dir.FullName, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout);

        // A misspelt option is still refused as bad usage.
        var unknown = await CliProcess.RunAsync(_dir.FullName, "heads", "--versions");
        Assert.Equal(2, unknown.ExitCode);
    }

    private void WriteRevision(string id, string? revises, string upgrade, string downgrade = "") =>
        File.WriteAllText(Path.Combine(_dir.FullName, "migrations", "versions", $"{id}.cs"), $$"""
            using Retort;
            namespace Migrations;
            /// <summary>step {{id}}</summary>
            [Revision("{{id}}"{{(revises is null ? "" : $", Revises = \"{revises}\"")}})]
            public sealed class R{{id}} : Migration
            {
                public override void Upgrade(Operations op) { {{upgrade}} }
                public override void Downgrade(Operations op) { {{downgrade}} }
            }
            """);

    [Fact]
    public async Task Squash_writes_one_revision_for_a_range_and_a_database_at_its_end_moves_on_from_it()
    {
        await Ok("init");
        WriteRevision("aaaa00000001", null, "op.CreateTable(\"account\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        WriteRevision("bbbb00000002", "aaaa00000001", "op.AddColumn(\"account\", new Column(\"email\", SqlType.String(80)));");
        WriteRevision("cccc00000003", "bbbb00000002", "op.CreateIndex(\"ix_account_email\", \"account\", [\"email\"]);");
        WriteRevision("dddd00000004", "cccc00000003", "op.AddColumn(\"account\", new Column(\"name\", SqlType.String(40)));");
        await Ok("upgrade", "cccc00000003");

        var squashed = await Ok("squash", "aaaa00000001:cccc00000003", "-m", "accounts", "--rev-id", "eeee00000005");

        Assert.Equal("""
            Squashing 3 revisions, aaaa00000001 to cccc00000003, computed on a temporary SQLite file
              2 operation(s) in its upgrade
            Generating migrations/versions/eeee00000005_accounts.cs ... done
            Proven: a database upgraded through eeee00000005 has the schema of one upgraded to cccc00000003, and its downgrade gives back the schema before aaaa00000001
            Rewired migrations/versions/dddd00000004.cs: on eeee00000005 instead of cccc00000003
            Deleted the 3 replaced file(s) (version control keeps them); databases at cccc00000003 are at eeee00000005

            """, squashed);
        Assert.Equal("eeee00000005\n", await Ok("current"));
        Assert.Contains("Squashes: aaaa00000001, bbbb00000002, cccc00000003\n", await Ok("show", "eeee00000005"));
        // A script from the range's last revision moves the row that holds its id.
        Assert.Contains("UPDATE retort_version SET version_num='dddd00000004' WHERE retort_version.version_num = 'cccc00000003'",
            await Ok("upgrade", "cccc00000003:head", "--sql"));
        await Ok("upgrade", "head");
        Assert.Equal("dddd00000004 (head)\n", await Ok("current"));

        // A squash of a squash lists every revision it stands for; --url naming a SQLite file still computes on a temporary one.
        await Ok("squash", "eeee00000005:dddd00000004", "-m", "again", "--rev-id", "ffff00000006", "--url", "sqlite:///other.db");
        Assert.False(File.Exists(Path.Combine(_dir.FullName, "other.db")), "a squash must not make the database its --url names");
        Assert.Contains("Squashes: aaaa00000001, bbbb00000002, cccc00000003, eeee00000005, dddd00000004\n", await Ok("show", "ffff00000006"));
        Assert.Equal("ffff00000006 (head)\n", await Ok("current"));
    }

    [Fact]
    public async Task Verify_and_drift_exit_by_what_they_find()
    {
        await Ok("init");
        WriteRevision("aaaa00000001", null, "op.CreateTable(\"account\", new Column(\"id\", SqlType.Integer, primaryKey: true));", "op.DropTable(\"account\");");
        Assert.EndsWith("\nverify passed: 1 revision(s) reverse\n", await Ok("verify"));

        WriteRevision("bbbb00000002", "aaaa00000001", "op.AddColumn(\"account\", new Column(\"email\", SqlType.String(80)));");
        var failed = await CliProcess.RunAsync(_dir.FullName, "verify", "--json");
        Assert.Equal(1, failed.ExitCode);
        using (var json = System.Text.Json.JsonDocument.Parse(failed.Stdout))
        {
            Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
            var second = json.RootElement.GetProperty("revisions")[1];
            Assert.Equal("bbbb00000002", second.GetProperty("id").GetString());
            Assert.Equal("added column 'account.email'", second.GetProperty("differences")[0].GetString());
        }
        var onAFile = await CliProcess.RunAsync(_dir.FullName, "verify", "--url", "sqlite:///scratch.db");
        Assert.Equal(2, onAFile.ExitCode);
        Assert.Contains("is a SQLite file; leave --url out", onAFile.Stderr);

        await Ok("upgrade", "head", "--url", "sqlite:///drift.db");
        Assert.StartsWith("No drift: ", await Ok("check", "--drift", "--url", "sqlite:///drift.db"));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir.FullName, "drift.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE extra (id INTEGER PRIMARY KEY)";
            await command.ExecuteNonQueryAsync();
        }
        var drift = await CliProcess.RunAsync(_dir.FullName, "check", "--drift", "--url", "sqlite:///drift.db");
        Assert.Equal(1, drift.ExitCode);
        Assert.Equal("Drift from what the revisions make at bbbb00000002 (1):\n  added table 'extra'\n", drift.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Upgrade_current_and_a_failing_statement_through_the_cli()
    {
        await Ok("init");
        WriteRevision("aaaa00000001", null, "op.CreateTable(\"account\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        await Ok("upgrade", "head");
        Assert.Equal("aaaa00000001 (head)\n", await Ok("current"));
        Assert.Equal("*  <base> -> aaaa00000001 (head) (current), step aaaa00000001\n", await Ok("history", "-i"));

        WriteRevision("bbbb00000002", "aaaa00000001", "op.Execute(\"SELEC 1\");");
        var result = await CliProcess.RunAsync(_dir.FullName, "upgrade", "head");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("Running upgrade aaaa00000001 -> bbbb00000002, step bbbb00000002", lines[0]);
        Assert.Equal("retort: error: Upgrade bbbb00000002 (bbbb00000002.cs) failed: SQLite Error 1: 'near \"SELEC\": syntax error' (statement: SELEC 1); nothing of this run was kept", lines[1]);
        Assert.Equal(2, lines.Length);
        Assert.Equal("aaaa00000001 (head)\n".Replace(" (head)", ""), await Ok("current"));
    }

    [Fact]
    public async Task Current_verbose_warns_of_an_edited_applied_script_and_resolve_needs_one_choice()
    {
        await Ok("init");
        WriteRevision("aaaa00000001", null, "op.CreateTable(\"account\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        await Ok("upgrade", "head", "--tag", "release 7");
        await using (var connection = Execution.TestProject.Connect(Retort.Configuration.DatabaseUrl.Parse("sqlite:///app.db", _dir.FullName)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT revision || ' ' || tag FROM retort_version_log";
            Assert.Equal("aaaa00000001 release 7", await command.ExecuteScalarAsync());
        }
        var clean = await CliProcess.RunAsync(_dir.FullName, "current", "-v");
        Assert.Contains("Rev: aaaa00000001 (head)", clean.Stdout);
        Assert.DoesNotContain("warning", clean.Stderr);

        WriteRevision("aaaa00000001", null, "op.CreateTable(\"accounts\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        var edited = await CliProcess.RunAsync(_dir.FullName, "current", "-v");
        Assert.Equal(0, edited.ExitCode);
        Assert.Matches(@"warning: The script of aaaa00000001 \(aaaa00000001\.cs\) has changed since it was applied at [0-9: -]+ UTC by \S+ \(checksum [0-9a-f]{12} then, [0-9a-f]{12} now\)", edited.Stderr);
        Assert.DoesNotContain("warning", (await CliProcess.RunAsync(_dir.FullName, "current")).Stderr);

        var neither = await CliProcess.RunAsync(_dir.FullName, "resolve", "aaaa00000001");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("resolve takes one of --applied, --rolled-back and --statement ran|not-run", neither.Stderr);
        var nothing = await CliProcess.RunAsync(_dir.FullName, "resolve", "aaaa00000001", "--applied");
        Assert.Equal("retort: error: Nothing to resolve: the log shows no revision left half applied\n", nothing.Stderr.ReplaceLineEndings("\n"));
        var resume = await CliProcess.RunAsync(_dir.FullName, "upgrade", "head", "--resume");
        Assert.Equal("retort: error: Nothing to resume: the log shows no revision left half applied\n", resume.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_compile_error_prints_file_line_column_and_code()
    {
        await Ok("init");
        WriteRevision("aaaa00000001", null, "op.NoSuchOperation();");
        var result = await CliProcess.RunAsync(_dir.FullName, "upgrade", "head");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^migrations/versions/aaaa00000001\.cs\(7,54\): error CS1061: 'Operations' does not contain a definition for 'NoSuchOperation'", result.Stderr.Split('\n').First(l => l.Contains("error CS", StringComparison.Ordinal)));
    }
}
