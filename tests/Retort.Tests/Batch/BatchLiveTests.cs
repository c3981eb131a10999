using Retort.Dialects;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Batch;

/// <summary>Each kind of change through batch mode on SQLite, which rebuilds the table: rows, keys and indexes survive both ways.</summary>
public sealed class SqliteBatchLiveTests : LiveRunSuite
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult("sqlite:///live.db");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;

    protected override string TablesQuery => "SELECT name FROM sqlite_master WHERE type = 'table'";

    [Theory]
    [MemberData(nameof(BatchScenario.Names), MemberType = typeof(BatchScenario))]
    public Task Each_kind_of_change_keeps_every_row_index_and_foreign_key_and_the_downgrade_reverses_it(string scenario) =>
        new BatchScenarioRun(Project, OpenAsync, Dialect.ForName("sqlite")).RunAsync(BatchScenario.Named(scenario));

    [Fact]
    public Task Renaming_a_table_that_rows_refer_to_carries_the_foreign_keys_there_and_back() =>
        new BatchScenarioRun(Project, OpenAsync, Dialect.ForName("sqlite")).RenameTableAsync();
}

/// <summary>The same batches on PostgreSQL, as plain ALTERs, checked by reading the schema back.</summary>
public sealed class PostgresBatchLiveTests() : ServerRunSuite(LiveServer.Postgres)
{
    protected override string TablesQuery => "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";

    [BatchLiveTheory(LiveServer.Postgres)]
    [MemberData(nameof(BatchScenario.Names), MemberType = typeof(BatchScenario))]
    public Task Each_kind_of_change_keeps_every_row_index_and_foreign_key_and_the_downgrade_reverses_it(string scenario) =>
        new BatchScenarioRun(Project, OpenAsync, Dialect.ForName("postgresql")).RunAsync(BatchScenario.Named(scenario));

    [LiveFact(LiveServer.Postgres)]
    public Task Renaming_a_table_that_rows_refer_to_carries_the_foreign_keys_there_and_back() =>
        new BatchScenarioRun(Project, OpenAsync, Dialect.ForName("postgresql")).RenameTableAsync();
}

/// <summary>The same batches on MariaDB, as plain ALTERs (MODIFY/CHANGE restating whole columns), checked by reading the schema back.</summary>
public sealed class MariaDbBatchLiveTests() : ServerRunSuite(LiveServer.MySql)
{
    protected override string TablesQuery => "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";

    protected override bool DdlCommitsItself => true;

    // The server is MariaDB, whose dialect drops a check constraint with DROP CONSTRAINT.
    protected override async Task<string> CreateDatabaseAsync() => "mariadb" + (await base.CreateDatabaseAsync())["mysql".Length..];

    [BatchLiveTheory(LiveServer.MySql)]
    [MemberData(nameof(BatchScenario.Names), MemberType = typeof(BatchScenario))]
    public Task Each_kind_of_change_keeps_every_row_index_and_foreign_key_and_the_downgrade_reverses_it(string scenario) =>
        new BatchScenarioRun(Project, OpenAsync, Dialect.ForName("mariadb")).RunAsync(BatchScenario.Named(scenario));

    [LiveFact(LiveServer.MySql)]
    public Task Renaming_a_table_that_rows_refer_to_carries_the_foreign_keys_there_and_back() =>
        new BatchScenarioRun(Project, OpenAsync, Dialect.ForName("mariadb")).RenameTableAsync();
}

/// <summary>A theory that needs a live server, skipped like <see cref="LiveFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BatchLiveTheoryAttribute : TheoryAttribute
{
    public BatchLiveTheoryAttribute(LiveServer server) => Skip = LiveDatabase.SkipReason(server);
}
