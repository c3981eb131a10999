using Retort.Configuration;
using Retort.Dialects;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Batch;

/// <summary>
/// Each kind of change through batch mode: SQLite rebuilds the table, PostgreSQL and MariaDB run plain ALTERs (MariaDB
/// restating whole columns with MODIFY/CHANGE); rows, keys and indexes survive both ways, checked by reading the schema back.
/// </summary>
public abstract class BatchLiveSuite : LiveProjectTests
{
    // The server is MariaDB, whose dialect drops a check constraint with DROP CONSTRAINT.
    protected override bool UrlNamesMariaDb => true;

    private BatchScenarioRun Run() => new(Project, OpenAsync, Dialect.ForName(DatabaseUrl.Parse(Project.Url, Project.Root).Dialect));

    [DatabaseTheory]
    [MemberData(nameof(BatchScenario.Names), MemberType = typeof(BatchScenario))]
    public Task Each_kind_of_change_keeps_every_row_index_and_foreign_key_and_the_downgrade_reverses_it(string scenario) =>
        Run().RunAsync(BatchScenario.Named(scenario));

    [DatabaseFact]
    public Task Renaming_a_table_that_rows_refer_to_carries_the_foreign_keys_there_and_back() => Run().RenameTableAsync();
}

[RunsOn(TestDatabase.Sqlite)] public sealed class SqliteBatchLiveTests : BatchLiveSuite;

[RunsOn(TestDatabase.Postgresql)] public sealed class PostgresBatchLiveTests : BatchLiveSuite;

[RunsOn(TestDatabase.Mysql)] public sealed class MariaDbBatchLiveTests : BatchLiveSuite;
