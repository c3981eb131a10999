namespace Retort.Tests.Execution;

public sealed class SqliteRunTests : LiveRunSuite
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult("sqlite:///live.db");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;

    protected override string TablesQuery => "SELECT name FROM sqlite_master WHERE type = 'table'";

    [Fact] public Task Upgrade_head_then_downgrade_base() => Upgrade_head_then_downgrade_base_leaves_only_the_version_table();
    [Fact] public Task Relative_and_partial_targets() => Relative_and_partial_targets_move_one_row();
    [Fact] public Task Branches_and_merge() => Branches_hold_a_row_each_and_a_merge_joins_them();
    [Fact] public Task Stamps() => Stamps_set_rows_without_running_anything();
    [Fact] public Task Failing_statement() => A_failing_statement_names_revision_statement_and_message_and_keeps_a_true_state();
    [Fact] public Task Unknown_revision() => An_unknown_revision_in_the_version_table_is_reported();
    [Fact] public Task Data_migration() => A_data_migration_reads_through_the_connection_between_operations();
    [Fact] public Task Lock_after_failure() => The_lock_is_released_after_a_failing_statement_and_the_next_run_gets_it_at_once();
    [Fact] public Task Lock_after_cancellation() => The_lock_is_released_after_cancellation_within_a_run();
    [Fact] public Task Lock_wait() => A_second_run_waits_says_whom_for_and_gives_up_at_the_timeout_or_on_cancellation();
    [Fact] public Task Eight_processes() => Eight_processes_upgrading_at_once_run_each_migration_once_and_end_at_head();
    [Fact] public Task Killed_process() => A_run_killed_in_a_long_migration_leaves_no_lock_and_the_next_run_ends_at_head(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000000) SELECT count(*) FROM c");
    [Fact] public Task Ctrl_C() => Ctrl_C_in_a_long_statement_stops_the_run_at_once_and_leaves_a_true_state(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000) SELECT count(*) FROM c");
    [Fact] public Task Lease() => A_crashed_runs_lease_blocks_until_it_expires_or_is_released();
    [Fact] public Task Transaction_per_migration_failure() => With_a_transaction_per_migration_a_failure_says_which_revisions_were_kept();
    [Fact] public Task Log() => The_log_records_every_step_with_its_checksum_who_and_how_long();
    [Fact] public Task Log_status() => Status_warns_of_an_edited_script_but_not_of_line_endings_or_trailing_spaces();
    [Fact] public Task Log_off() => With_the_log_off_no_log_is_kept();
    [Fact] public Task Log_of_a_failed_run() => A_failed_run_logs_its_failure_and_none_of_the_steps_it_undid();
    [Fact] public Task Log_of_another_shape() => A_log_table_of_another_shape_is_refused();
    [Fact] public Task Replaced_view() => A_replaced_view_gets_its_earlier_definition_back_on_downgrade();

    [Fact]
    public async Task Compiling_a_long_runs_migrations_ahead_runs_none_of_their_code_out_of_turn()
    {
        // Forty revisions start the second thread that loads their classes and compiles their Upgrade from the last one
        // back; each class's static constructor and Upgrade write a line, so anything it ran early would show out of order.
        var calls = Path.Combine(Project.Root, "calls.txt").Replace("\\", "/");
        var ids = Enumerable.Range(1, 40).Select(i => $"r{i:00}").ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            Project.Revision(ids[i], i == 0 ? [] : [ids[i - 1]],
                $"System.IO.File.AppendAllText(\"{calls}\", \"upgrade {ids[i]}\\n\"); op.CreateTable(\"t_{ids[i]}\", new Column(\"id\", SqlType.Integer, primaryKey: true));",
                members: $"static R_{ids[i]}() => System.IO.File.AppendAllText(\"{calls}\", \"class {ids[i]}\\n\");");
        }
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(ids.SelectMany(id => new[] { $"class {id}", $"upgrade {id}" }), File.ReadAllLines(calls));
        Assert.Equal(["r40"], await VersionRowsAsync());
        Assert.Equal(ids.Select(id => $"{id} upgrade done"), await LogRowsAsync());
    }

    [Fact]
    public async Task A_tag_with_a_nul_character_is_logged_whole()
    {
        // SQLite gets the log's values as literals, which cannot hold a NUL: such a row goes with parameters.
        Project.TableRevision("a1").TableRevision("b1", "a1");
        await Project.Commands().UpgradeAsync("head", tag: "rel\01");
        Assert.Equal(["rel\01", "rel\01"], await LogRowsAsync("tag"));
    }

    [Fact]
    public async Task A_migration_recorded_ahead_of_the_run_is_replayed_not_called_again()
    {
        // SQLite records each revision's operations before the run to decide on foreign-key enforcement; a migration
        // recorded to its end is replayed from that recording, so code with side effects runs once.
        var calls = Path.Combine(Project.Root, "calls.txt").Replace("\\", "/");
        Project.Revision("a1", [], $"System.IO.File.AppendAllText(\"{calls}\", \"a1\\n\"); op.CreateTable(\"t_a1\", new Column(\"id\", SqlType.Integer, primaryKey: true));")
            .Revision("b1", ["a1"], $"System.IO.File.AppendAllText(\"{calls}\", \"b1\\n\"); _ = op.Connection; op.CreateTable(\"t_b1\", new Column(\"id\", SqlType.Integer, primaryKey: true));");
        await Project.Commands().UpgradeAsync("head");
        // b1 reads op.Connection, where recording stops: the run calls it again, live.
        Assert.Equal(["a1", "b1", "b1"], File.ReadAllLines(calls));
        Assert.Equal(["retort_version", "retort_version_log", "t_a1", "t_b1"], await TablesAsync());
    }
}
