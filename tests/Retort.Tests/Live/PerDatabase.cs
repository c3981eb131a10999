using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Retort.Tests.Live;

/// <summary>The databases that every per-database suite runs on: SQLite, embedded, and the two live servers.</summary>
public enum TestDatabase
{
    Sqlite,
    Postgresql,
    Mysql,
}

/// <summary>
/// Names the database that a concrete class of a per-database suite runs the suite's tests on. Each abstract suite
/// has one such class per <see cref="TestDatabase"/>; <c>PerDatabaseSuiteTests</c> fails the run when one is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunsOnAttribute(TestDatabase database) : Attribute
{
    public TestDatabase Database { get; } = database;

    /// <summary>The database <paramref name="type"/> runs on, or null when it names none.</summary>
    public static TestDatabase? Of(Type type) => type.GetCustomAttribute<RunsOnAttribute>()?.Database;
}

/// <summary>
/// A fact of a per-database suite: it runs on each concrete class, on the database that class names with
/// <see cref="RunsOnAttribute"/>, and is skipped there as <see cref="LiveFactAttribute"/> skips (absent server,
/// outside CI only).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Retort.Tests.Live.DatabaseFactDiscoverer", "Retort.Tests")]
public sealed class DatabaseFactAttribute : FactAttribute
{
    /// <summary>
    /// The databases the test cannot be made to mean anything on, where it shows as skipped with <see cref="Because"/>;
    /// only for that, never for a database that merely behaves otherwise, which the test asserts instead.
    /// </summary>
    public TestDatabase[] Except { get; set; } = [];

    /// <summary>Why the test cannot run on <see cref="Except"/>; required with it.</summary>
    public string? Because { get; set; }
}

/// <summary>A theory of a per-database suite, run and skipped like <see cref="DatabaseFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Retort.Tests.Live.DatabaseTheoryDiscoverer", "Retort.Tests")]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

/// <summary>Finds <see cref="DatabaseFactAttribute"/> tests; the skip depends on the class the test runs in, which an attribute argument cannot know.</summary>
public sealed class DatabaseFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        return [PerDatabaseDiscovery.Skip(diagnostics, display, displayOptions, testMethod, factAttribute)
            ?? new XunitTestCase(diagnostics, display, displayOptions, testMethod)];
    }
}

/// <summary>Finds <see cref="DatabaseTheoryAttribute"/> tests: one skipped case where the class's server is absent, else a case per data row.</summary>
public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnostics) : TheoryDiscoverer(diagnostics)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        PerDatabaseDiscovery.Skip(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, null)
            is { } skipped
            ? [skipped]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class PerDatabaseDiscovery
{
    /// <summary>The case that stands for the test when it cannot run in its class, or null when it runs.</summary>
    public static IXunitTestCase? Skip(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod,
        IAttributeInfo? fact)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        if (RunsOnAttribute.Of(type) is not { } database)
        {
            return new ExecutionErrorTestCase(diagnostics, display, displayOptions, testMethod,
                $"{type.FullName} runs per-database tests but names no database: mark it [RunsOn(TestDatabase.…)]");
        }

        if (fact?.GetNamedArgument<TestDatabase[]>(nameof(DatabaseFactAttribute.Except))?.Contains(database) == true)
        {
            var because = fact.GetNamedArgument<string?>(nameof(DatabaseFactAttribute.Because));
            return new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod, $"Cannot run on {LiveTarget.For(database).DialectName}: {because}");
        }

        return LiveTarget.For(database).SkipReason is { } reason
            ? new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod, reason)
            : null;
    }
}

/// <summary>
/// One of the <see cref="TestDatabase"/>s as the suites see it: whether its tests run here, how a test gets a
/// database of its own, and the capabilities in which it differs from the others, which shared tests branch on.
/// </summary>
public sealed class LiveTarget
{
    private LiveTarget(TestDatabase database) => Database = database;

    public static LiveTarget For(TestDatabase database) => new(database);

    /// <summary>The database that <paramref name="suite"/>, a concrete class of a per-database suite, runs on.</summary>
    public static LiveTarget Of(Type suite) => For(RunsOnAttribute.Of(suite)
        ?? throw new InvalidOperationException($"{suite.FullName} names no database: mark it [RunsOn(TestDatabase.…)]"));

    public TestDatabase Database { get; }

    /// <summary>The server it runs on, or null for SQLite, which needs none.</summary>
    public LiveServer? Server => Database switch
    {
        TestDatabase.Postgresql => LiveServer.Postgres,
        TestDatabase.Mysql => LiveServer.MySql,
        _ => null,
    };

    /// <summary>The name of its dialect, which reports use too (the MySQL server of the tests is MariaDB).</summary>
    public string DialectName => Database switch
    {
        TestDatabase.Postgresql => "postgresql",
        TestDatabase.Mysql => "mariadb",
        _ => "sqlite",
    };

    /// <summary>Why its tests are skipped here, or null when they run.</summary>
    public string? SkipReason => Server is { } server ? LiveDatabase.SkipReason(server) : null;

    /// <summary>MySQL and MariaDB commit each DDL statement as it runs; the others roll DDL back with the transaction.</summary>
    public bool DdlCommitsItself => Database == TestDatabase.Mysql;

    /// <summary>SQLite has no server to end a connection from within: a connection drops only when its own code closes it.</summary>
    public string DropOwnConnection => Database switch
    {
        TestDatabase.Postgresql => "command.CommandText = \"SELECT pg_terminate_backend(pg_backend_pid())\"; command.ExecuteNonQuery();",
        TestDatabase.Mysql => "command.CommandText = \"SELECT CONNECTION_ID()\"; var id = command.ExecuteScalar(); command.CommandText = \"KILL \" + id; command.ExecuteNonQuery();",
        _ => "op.Connection.Close();",
    };

    /// <summary>The base tables of the database, one name a row.</summary>
    public string TablesQuery => Database switch
    {
        TestDatabase.Postgresql => "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
        TestDatabase.Mysql => "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
        _ => "SELECT name FROM sqlite_master WHERE type = 'table'",
    };

    /// <summary>A query counting the tables whose name is LIKE <paramref name="pattern"/>.</summary>
    public string TablesLike(string pattern) => Database switch
    {
        TestDatabase.Postgresql => $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE '{pattern}'",
        TestDatabase.Mysql => $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE '{pattern}'",
        _ => $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE '{pattern}'",
    };

    /// <summary>
    /// A statement that keeps the database busy for about <paramref name="seconds"/>; SQLite has no sleep, so it
    /// counts five million rows a second.
    /// </summary>
    public string Sleep(int seconds) => Database switch
    {
        TestDatabase.Postgresql => $"SELECT pg_sleep({seconds})",
        TestDatabase.Mysql => $"SELECT SLEEP({seconds})",
        _ => $"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {seconds * 5_000_000}) SELECT count(*) FROM c",
    };

    /// <summary>
    /// Makes a new, empty database and returns its URL: on a server, database <paramref name="name"/>; on SQLite, the
    /// file <paramref name="name"/>.db in <paramref name="folder"/>, or beside retort.json when there is none.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, string? folder = null)
    {
        if (Server is { } server)
            return await LiveDatabase.CreateDatabaseAsync(server, name);
        return folder is null ? $"sqlite:///{name}.db" : $"sqlite:////{Path.Combine(folder, name + ".db").TrimStart('/')}";
    }

    /// <summary>Drops what <see cref="CreateDatabaseAsync"/> made on a server; a SQLite file goes with its folder.</summary>
    public Task DropDatabaseAsync(string name) => Server is { } server ? LiveDatabase.DropDatabaseAsync(server, name) : Task.CompletedTask;

    public override string ToString() => DialectName;
}
