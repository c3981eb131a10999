using Retort.Configuration;
using Retort.Dialects;
using Retort.Execution;
using Retort.Tests.Cli;

namespace Retort.Tests.Execution;

/// <summary>The lock statements each dialect renders, the lock settings, the SQLite file lock and <c>retort lock status</c>.</summary>
public sealed class MigrationLockTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public void Sql_server_takes_a_session_owned_applock_and_releases_it()
    {
        var sql = Dialect.ForName("sqlserver").Bookkeeping.SessionLock("retort_version")!;
        Assert.Contains("sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0", sql.TryAcquire.Sql);
        Assert.Contains("sp_releaseapplock @Resource = @p0, @LockOwner = 'Session'", sql.Release.Sql);
        Assert.Equal(["retort:retort_version"], sql.TryAcquire.Parameters!);
    }

    [Fact]
    public void Postgres_takes_a_session_advisory_lock_never_a_transaction_one()
    {
        var sql = Dialect.ForName("postgresql").Bookkeeping.SessionLock("retort_version")!;
        Assert.Contains("pg_try_advisory_lock(@p0)", sql.TryAcquire.Sql);
        Assert.DoesNotContain("xact", sql.TryAcquire.Sql);
        Assert.Contains("pg_advisory_unlock(@p0)", sql.Release.Sql);
        Assert.Contains("pg_stat_activity", sql.Holder.Sql);
    }

    [Fact]
    public void The_postgres_lock_key_is_stable_and_differs_per_version_table()
    {
        Assert.Equal(Bookkeeping.LockKey("retort_version"), Bookkeeping.LockKey("retort_version"));
        Assert.NotEqual(Bookkeeping.LockKey("retort_version"), Bookkeeping.LockKey("other_version"));
        Assert.Equal(Bookkeeping.LockKey("retort_version"), Dialect.ForName("postgresql").Bookkeeping.SessionLock("retort_version")!.TryAcquire.Parameters![0]);
    }

    [Fact]
    public void The_mysql_lock_name_carries_the_database_because_get_lock_names_are_server_wide()
    {
        var sql = Dialect.ForName("mariadb").Bookkeeping.SessionLock("retort_version")!;
        Assert.Contains("GET_LOCK(LEFT(CONCAT('retort:', COALESCE(DATABASE(), ''), ':', @p0), 64), 0)", sql.TryAcquire.Sql);
        Assert.Contains("IS_USED_LOCK(", sql.Holder.Sql);
    }

    [Fact]
    public void Sqlite_has_no_session_lock_and_locks_a_file_instead()
    {
        Assert.Null(Dialect.ForName("sqlite").Bookkeeping.SessionLock("retort_version"));
    }

    [Fact]
    public void The_lock_settings_default_to_a_session_lock_and_five_minutes()
    {
        var config = ConfigFile.Parse("{}", "/p/retort.json", null, NoEnvironment);
        Assert.Equal("session", config.Lock);
        Assert.Equal(300, config.LockTimeout);
        Assert.Equal(5, ConfigFile.Parse("""{ "lockTimeout": 5, "lock": "none" }""", "/p/retort.json", null, NoEnvironment).LockTimeout);
    }

    [Fact]
    public void An_unknown_lock_kind_and_a_negative_timeout_are_refused()
    {
        var kind = Assert.Throws<RetortException>(() => ConfigFile.Parse("""{ "lock": "row" }""", "/p/retort.json", null, NoEnvironment));
        Assert.Equal("/p/retort.json: 'lock' must be \"session\", \"table\" or \"none\"", kind.Message);
        var timeout = Assert.Throws<RetortException>(() => ConfigFile.Parse("""{ "lockTimeout": -1 }""", "/p/retort.json", null, NoEnvironment));
        Assert.Equal("/p/retort.json: 'lockTimeout' must be 0 or more seconds", timeout.Message);
    }

    [Fact]
    public async Task Lock_status_names_a_sqlite_lock_held_by_another_process_and_says_free_after()
    {
        using var project = new TestProject("sqlite:///app.db");
        File.WriteAllText(Path.Combine(project.Root, "retort.json"), """{ "scriptLocation": "migrations", "url": "sqlite:///app.db", "lockTimeout": 1 }""");
        project.TableRevision("a1");
        var held = new FileMigrationLock(Path.Combine(project.Root, "app.db"));
        await held.WaitAsync(TimeSpan.Zero, TextWriter.Null, CancellationToken.None);

        var busy = await CliProcess.RunAsync(project.Root, "lock", "status");
        var upgrade = await CliProcess.RunAsync(project.Root, "upgrade", "head");
        await held.DisposeAsync();
        var free = await CliProcess.RunAsync(project.Root, "lock", "status");

        Assert.Equal("The migration lock is held by another process\n", busy.Stdout);
        Assert.Equal(0, free.ExitCode);
        Assert.Equal("The migration lock is free\n", free.Stdout);
        Assert.Equal(1, upgrade.ExitCode);
        Assert.Contains("Waiting for another Retort run on ", upgrade.Stderr);
        Assert.Contains("Gave up after 1 s waiting for the migration lock on ", upgrade.Stderr);
        Assert.DoesNotContain("Running upgrade", upgrade.Stderr);
    }

    [Fact]
    public async Task A_lock_file_that_cannot_be_created_is_an_error_at_once_not_a_wait_for_nobody()
    {
        using var project = new TestProject("sqlite:///app.db");
        // A file where the database's folder should be: the lock file cannot be made, and no other run is to blame.
        File.WriteAllText(Path.Combine(project.Root, "data"), "");
        File.WriteAllText(Path.Combine(project.Root, "retort.json"), """{ "scriptLocation": "migrations", "url": "sqlite:///data/app.db" }""");
        project.TableRevision("a1");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var upgrade = await CliProcess.RunAsync(project.Root, "upgrade", "head");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(1, upgrade.ExitCode);
        Assert.Matches(@"^retort: error: Cannot take the migration lock: cannot open .+/data/app\.db\.retort-lock: .+ \(the lock file beside a SQLite database must be writable; set ""lock"": ""none"" for a database nothing else changes\)\n$", upgrade.Stderr);
        Assert.DoesNotContain("Waiting", upgrade.Stderr);
    }

    [Fact]
    public async Task A_database_on_a_read_only_file_system_fails_at_once_naming_the_cause()
    {
        using var project = new TestProject("sqlite:///ro/app.db");
        project.TableRevision("a1");
        var folder = Path.Combine(project.Root, "ro");
        Directory.CreateDirectory(folder);
        // A real read-only mount (root may write anywhere else): the database and its lock file made, then frozen.
        if (!await Mount($"-t tmpfs tmpfs {folder}"))
        {
            Assert.False(Retort.Tests.Live.LiveDatabase.IsCi, "CI=true, but this machine cannot mount a file system read-only for the test");
            return;
        }
        try
        {
            Assert.Equal(0, (await CliProcess.RunAsync(project.Root, "upgrade", "head")).ExitCode);
            File.WriteAllText(Path.Combine(project.Root, "retort.json"), """{ "scriptLocation": "migrations", "url": "sqlite:///ro/app.db", "lockTimeout": 60 }""");
            project.TableRevision("b1", "a1");
            Assert.True(await Mount($"-o remount,ro {folder}"));
            var clock = System.Diagnostics.Stopwatch.StartNew();

            var upgrade = await CliProcess.RunAsync(project.Root, "upgrade", "head");

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}: {upgrade.Stderr}");
            Assert.Equal(1, upgrade.ExitCode);
            Assert.Contains("retort: error: Cannot take the migration lock: cannot open ", upgrade.Stderr);
            Assert.Contains("Read-only file system", upgrade.Stderr);
            Assert.DoesNotContain("Waiting", upgrade.Stderr);
        }
        finally
        {
            await Mount($"-l {folder}", "umount");
        }
    }

    private static async Task<bool> Mount(string arguments, string tool = "mount")
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
