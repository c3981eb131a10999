using Retort.Revisions;

namespace Retort.Tests.Execution;

/// <summary>Offline runs: the exact SQL of version-table moves, with no database.</summary>
public sealed class OfflineRunTests : IDisposable
{
    private readonly TestProject _project = new("sqlite:///offline.db");

    public void Dispose() => _project.Dispose();

    private async Task<string> Sql(Func<Commands, TextWriter, Task> run)
    {
        var output = new StringWriter();
        await run(_project.Commands(), output);
        return output.ToString();
    }

    private static string Versions(string sql) => string.Join("\n", sql.Split('\n')
        .Where(l => !l.Contains("retort_version_log", StringComparison.Ordinal))
        .Where(l => l.StartsWith("INSERT INTO retort_version", StringComparison.Ordinal)
            || l.StartsWith("UPDATE retort_version", StringComparison.Ordinal)
            || l.StartsWith("DELETE FROM retort_version", StringComparison.Ordinal)
            || l.StartsWith("-- Running", StringComparison.Ordinal)));

    [Fact]
    public async Task A_merge_deletes_one_parent_row_and_updates_the_other()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1").TableRevision("c1", "a1")
            .Revision("m1", ["b1", "c1"]);
        var sql = await Sql((c, w) => c.UpgradeAsync("a1:heads", w));
        // Alembic's order: the later sibling first.
        Assert.Equal("""
            -- Running upgrade a1 -> c1
            UPDATE retort_version SET version_num='c1' WHERE retort_version.version_num = 'a1';
            -- Running upgrade a1 -> b1
            INSERT INTO retort_version (version_num) VALUES ('b1');
            -- Running upgrade b1, c1 -> m1
            DELETE FROM retort_version WHERE retort_version.version_num = 'b1';
            UPDATE retort_version SET version_num='m1' WHERE retort_version.version_num = 'c1';
            """.ReplaceLineEndings("\n"), Versions(sql));
    }

    [Fact]
    public async Task Upgrading_past_a_branch_point_updates_one_branch_and_inserts_the_other()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1").TableRevision("c1", "a1");
        var sql = await Sql((c, w) => c.UpgradeAsync("a1:heads", w));
        Assert.Equal("""
            -- Running upgrade a1 -> c1
            UPDATE retort_version SET version_num='c1' WHERE retort_version.version_num = 'a1';
            -- Running upgrade a1 -> b1
            INSERT INTO retort_version (version_num) VALUES ('b1');
            """.ReplaceLineEndings("\n"), Versions(sql));
    }

    [Fact]
    public async Task Downgrading_a_merge_restores_both_parents()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1").TableRevision("c1", "a1").Revision("m1", ["b1", "c1"]);
        var sql = await Sql((c, w) => c.DowngradeAsync("m1:a1", w));
        Assert.Equal("""
            -- Running downgrade m1 -> b1, c1
            INSERT INTO retort_version (version_num) VALUES ('b1');
            UPDATE retort_version SET version_num='c1' WHERE retort_version.version_num = 'm1';
            -- Running downgrade b1 -> a1
            DELETE FROM retort_version WHERE retort_version.version_num = 'b1';
            -- Running downgrade c1 -> a1
            UPDATE retort_version SET version_num='a1' WHERE retort_version.version_num = 'c1';
            """.ReplaceLineEndings("\n"), Versions(sql));
    }

    [Fact]
    public async Task Downgrade_with_sql_needs_a_range()
    {
        _project.TableRevision("a1");
        var error = await Assert.ThrowsAsync<RetortException>(() => _project.Commands().DowngradeAsync("base", new StringWriter()));
        Assert.Equal("downgrade with --sql needs FROM:TO, e.g. 'head:base' (not 'base'), since nothing is connected to tell where the database is", error.Message);
    }

    [Fact]
    public async Task Stamping_offline_inserts_updates_and_deletes_rows()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1");
        Assert.Equal("-- Running stamp_revision  -> b1\nINSERT INTO retort_version (version_num) VALUES ('b1');",
            Versions(await Sql((c, w) => c.StampAsync(["b1"], sql: w))));
        Assert.Equal("-- Running stamp_revision a1 -> b1\nUPDATE retort_version SET version_num='b1' WHERE retort_version.version_num = 'a1';",
            Versions(await Sql((c, w) => c.StampAsync(["a1:b1"], sql: w))));
        Assert.Equal("-- Running stamp_revision b1 -> \nDELETE FROM retort_version WHERE retort_version.version_num = 'b1';",
            Versions(await Sql((c, w) => c.StampAsync(["b1:base"], sql: w))));
    }

    [Fact]
    public async Task A_script_logs_each_step_with_the_database_clock_and_creates_the_log_only_when_missing()
    {
        _project.TableRevision("a1").TableRevision("b1", "a1");
        var sql = VolatileValues.Masked(await Sql((c, w) => c.UpgradeAsync("a1:b1", w, tag: "v2.3 'final'")));
        var checksum = ScriptChecksum.OfFile(Path.Combine(_project.Root, "migrations", "versions", "b1.cs"));
        Assert.Contains("CREATE TABLE IF NOT EXISTS retort_version_log (\n    id INTEGER NOT NULL,\n", sql);
        Assert.DoesNotContain("CREATE TABLE retort_version ", sql);
        Assert.EndsWith($"""
            UPDATE retort_version SET version_num='b1' WHERE retort_version.version_num = 'a1';

            INSERT INTO retort_version_log (run_id, step, revision, direction, status, checksum, checksum_version, applied_at, duration_ms, statements_done, statements_hash, error, applied_by, tool_version, tag) VALUES ('RUN-ID', 1, 'b1', 'upgrade', 'done', '{checksum}', 1, CURRENT_TIMESTAMP, NULL, NULL, NULL, NULL, 'USER@HOST', 'VERSION', 'v2.3 ''final''');

            COMMIT;


            """.ReplaceLineEndings("\n"), sql);
    }

    [Fact]
    public async Task With_the_log_off_a_script_has_no_log()
    {
        File.WriteAllText(Path.Combine(_project.Root, "retort.json"), """{ "url": "sqlite:///offline.db", "log": false }""");
        _project.TableRevision("a1");
        var sql = await Sql((c, w) => c.UpgradeAsync("head", w));
        Assert.DoesNotContain("_log", sql);
        Assert.Contains("INSERT INTO retort_version (version_num) VALUES ('a1');", sql);
    }
}
