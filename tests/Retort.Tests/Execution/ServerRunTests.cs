using Retort.Tests.Live;

namespace Retort.Tests.Execution;

/// <summary>A fresh database per test on a live server, created and dropped through the server's admin URL.</summary>
public abstract class ServerRunSuite(LiveServer server) : LiveRunSuite
{
    private readonly string _name = "retort_" + Guid.NewGuid().ToString("N")[..12];

    protected override string? SkipReason => LiveDatabase.SkipReason(server);

    protected override Task<string> CreateDatabaseAsync() => LiveDatabase.CreateDatabaseAsync(server, _name);

    protected override Task DropDatabaseAsync() => LiveDatabase.DropDatabaseAsync(server, _name);
}

public sealed class PostgresRunTests() : ServerRunSuite(LiveServer.Postgres)
{
    protected override string TablesQuery => "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";

    [LiveFact(LiveServer.Postgres)] public Task Upgrade_head_then_downgrade_base() => Upgrade_head_then_downgrade_base_leaves_only_the_version_table();
    [LiveFact(LiveServer.Postgres)] public Task Relative_and_partial_targets() => Relative_and_partial_targets_move_one_row();
    [LiveFact(LiveServer.Postgres)] public Task Branches_and_merge() => Branches_hold_a_row_each_and_a_merge_joins_them();
    [LiveFact(LiveServer.Postgres)] public Task Stamps() => Stamps_set_rows_without_running_anything();
    [LiveFact(LiveServer.Postgres)] public Task Failing_statement() => A_failing_statement_names_revision_statement_and_message_and_keeps_a_true_state();
    [LiveFact(LiveServer.Postgres)] public Task Unknown_revision() => An_unknown_revision_in_the_version_table_is_reported();
    [LiveFact(LiveServer.Postgres)] public Task Data_migration() => A_data_migration_reads_through_the_connection_between_operations();
    [LiveFact(LiveServer.Postgres)] public Task Log() => The_log_records_every_step_with_its_checksum_who_and_how_long();
    [LiveFact(LiveServer.Postgres)] public Task Log_status() => Status_warns_of_an_edited_script_but_not_of_line_endings_or_trailing_spaces();
    [LiveFact(LiveServer.Postgres)] public Task Log_off() => With_the_log_off_no_log_is_kept();
    [LiveFact(LiveServer.Postgres)] public Task Log_of_a_failed_run() => A_failed_run_logs_its_failure_and_none_of_the_steps_it_undid();
    [LiveFact(LiveServer.Postgres)] public Task Log_of_another_shape() => A_log_table_of_another_shape_is_refused();
    [LiveFact(LiveServer.Postgres)] public Task Replaced_view() => A_replaced_view_gets_its_earlier_definition_back_on_downgrade();
    [LiveFact(LiveServer.Postgres)] public Task Lock_after_failure() => The_lock_is_released_after_a_failing_statement_and_the_next_run_gets_it_at_once();
    [LiveFact(LiveServer.Postgres)] public Task Lock_after_cancellation() => The_lock_is_released_after_cancellation_within_a_run();
    [LiveFact(LiveServer.Postgres)] public Task Lock_wait() => A_second_run_waits_says_whom_for_and_gives_up_at_the_timeout_or_on_cancellation();

    protected override string HolderWord => "pid ";

    [LiveFact(LiveServer.Postgres)] public Task Eight_processes() => Eight_processes_upgrading_at_once_run_each_migration_once_and_end_at_head();
    [LiveFact(LiveServer.Postgres)] public Task Eight_processes_on_the_lock_table() => Eight_processes_upgrading_at_once_run_each_migration_once_and_end_at_head("table");
    [LiveFact(LiveServer.Postgres)] public Task Lease() => A_crashed_runs_lease_blocks_until_it_expires_or_is_released();
    [LiveFact(LiveServer.Postgres)] public Task Dropped_connection() => A_dropped_connection_leaves_a_state_the_next_run_reads_truthfully(
        "command.CommandText = \"SELECT pg_terminate_backend(pg_backend_pid())\"; command.ExecuteNonQuery();");
    [LiveFact(LiveServer.Postgres)] public Task Ctrl_C() => Ctrl_C_in_a_long_statement_stops_the_run_at_once_and_leaves_a_true_state("SELECT pg_sleep(60)");
    [LiveFact(LiveServer.Postgres)] public Task Killed_process() => A_run_killed_in_a_long_migration_leaves_no_lock_and_the_next_run_ends_at_head("SELECT pg_sleep(4)");

    [LiveFact(LiveServer.Postgres)] public Task SIGTERM() => SIGTERM_stops_a_run_like_Ctrl_C_and_names_what_stays_applied("SELECT pg_sleep(3)");
    [LiveFact(LiveServer.Postgres)] public Task Paused_lease_holder() => A_lease_holder_paused_past_its_lease_stops_before_its_next_statement("SELECT pg_sleep(4)");
    [LiveFact(LiveServer.Postgres)] public Task Transaction_per_migration_failure() => With_a_transaction_per_migration_a_failure_says_which_revisions_were_kept();

    [LiveFact(LiveServer.Postgres)]
    public async Task A_concurrent_index_is_built_outside_the_run_transaction()
    {
        Project.TableRevision("a1").Revision("b1", ["a1"],
            "op.AddColumn(\"t_a1\", new Column(\"code\", SqlType.Integer)); op.CreateIndex(\"ix_t_a1_code\", \"t_a1\", new[] { \"code\" }, concurrently: true);",
            "op.DropIndex(\"ix_t_a1_code\", \"t_a1\", concurrently: true); op.DropColumn(\"t_a1\", \"code\");");
        await Project.Commands().UpgradeAsync("head");
        Assert.Equal(["b1"], await VersionRowsAsync());
        await Project.Commands().DowngradeAsync("a1");
        Assert.Equal(["a1"], await VersionRowsAsync());
    }
}

public sealed class MariaDbRunTests() : ServerRunSuite(LiveServer.MySql)
{
    protected override string TablesQuery => "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";

    protected override bool DdlCommitsItself => true;

    [LiveFact(LiveServer.MySql)] public Task Upgrade_head_then_downgrade_base() => Upgrade_head_then_downgrade_base_leaves_only_the_version_table();
    [LiveFact(LiveServer.MySql)] public Task Relative_and_partial_targets() => Relative_and_partial_targets_move_one_row();
    [LiveFact(LiveServer.MySql)] public Task Branches_and_merge() => Branches_hold_a_row_each_and_a_merge_joins_them();
    [LiveFact(LiveServer.MySql)] public Task Stamps() => Stamps_set_rows_without_running_anything();
    [LiveFact(LiveServer.MySql)] public Task Failing_statement() => A_failing_statement_names_revision_statement_and_message_and_keeps_a_true_state();
    [LiveFact(LiveServer.MySql)] public Task Unknown_revision() => An_unknown_revision_in_the_version_table_is_reported();
    [LiveFact(LiveServer.MySql)] public Task Data_migration() => A_data_migration_reads_through_the_connection_between_operations();
    [LiveFact(LiveServer.MySql)] public Task Log() => The_log_records_every_step_with_its_checksum_who_and_how_long();
    [LiveFact(LiveServer.MySql)] public Task Log_status() => Status_warns_of_an_edited_script_but_not_of_line_endings_or_trailing_spaces();
    [LiveFact(LiveServer.MySql)] public Task Log_off() => With_the_log_off_no_log_is_kept();
    [LiveFact(LiveServer.MySql)] public Task Log_of_a_failed_run() => A_failed_run_logs_its_failure_and_none_of_the_steps_it_undid();
    [LiveFact(LiveServer.MySql)] public Task Log_of_another_shape() => A_log_table_of_another_shape_is_refused();
    [LiveFact(LiveServer.MySql)] public Task Replaced_view() => A_replaced_view_gets_its_earlier_definition_back_on_downgrade();
    [LiveFact(LiveServer.MySql)] public Task Lock_after_failure() => The_lock_is_released_after_a_failing_statement_and_the_next_run_gets_it_at_once();
    [LiveFact(LiveServer.MySql)] public Task Lock_after_cancellation() => The_lock_is_released_after_cancellation_within_a_run();
    [LiveFact(LiveServer.MySql)] public Task Lock_wait() => A_second_run_waits_says_whom_for_and_gives_up_at_the_timeout_or_on_cancellation();

    protected override string HolderWord => "connection ";

    [LiveFact(LiveServer.MySql)] public Task Eight_processes() => Eight_processes_upgrading_at_once_run_each_migration_once_and_end_at_head();
    [LiveFact(LiveServer.MySql)] public Task Eight_processes_on_the_lock_table() => Eight_processes_upgrading_at_once_run_each_migration_once_and_end_at_head("table");
    [LiveFact(LiveServer.MySql)] public Task Lease() => A_crashed_runs_lease_blocks_until_it_expires_or_is_released();
    [LiveFact(LiveServer.MySql)] public Task Resolve() => A_half_applied_revision_is_settled_by_resolve_rolled_back_or_applied();
    [LiveFact(LiveServer.MySql)] public Task Half_applied_downgrade() => A_half_applied_downgrade_is_reported_and_resumed_downwards();
    [LiveFact(LiveServer.MySql)] public Task Dropped_connection() => A_dropped_connection_leaves_a_state_the_next_run_reads_truthfully(
        "command.CommandText = \"SELECT CONNECTION_ID()\"; var id = command.ExecuteScalar(); command.CommandText = \"KILL \" + id; command.ExecuteNonQuery();");
    [LiveFact(LiveServer.MySql)] public Task Ctrl_C() => Ctrl_C_in_a_long_statement_stops_the_run_at_once_and_leaves_a_true_state("SELECT SLEEP(60)");
    [LiveFact(LiveServer.MySql)] public Task Killed_halfway() => A_run_killed_halfway_through_a_revision_is_reported_then_resumed();
    [LiveFact(LiveServer.MySql)] public Task Killed_in_flight() => A_DDL_statement_in_flight_when_its_run_is_killed_is_settled_by_looking_at_the_database();
    [LiveFact(LiveServer.MySql)] public Task Killed_in_flight_unreadable() => A_statement_in_flight_whose_effect_cannot_be_read_is_asked_about_and_resolved();
    [LiveFact(LiveServer.MySql)] public Task SIGTERM() => SIGTERM_stops_a_run_like_Ctrl_C_and_names_what_stays_applied("SELECT SLEEP(3)");
    [LiveFact(LiveServer.MySql)] public Task Paused_lease_holder() => A_lease_holder_paused_past_its_lease_stops_before_its_next_statement("SELECT SLEEP(4)");
}
