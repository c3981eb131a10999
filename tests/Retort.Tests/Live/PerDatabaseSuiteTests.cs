using System.Reflection;
using Retort.Tests.Execution;

namespace Retort.Tests.Live;

/// <summary>
/// A test written for every database is declared once, in an abstract suite, and run by one concrete class per
/// <see cref="TestDatabase"/>; these check, by reflection, that no suite lacks a database's class.
/// </summary>
public sealed class PerDatabaseSuiteTests
{
    [Fact]
    public void Every_per_database_suite_has_exactly_one_public_class_for_each_live_database()
    {
        // The fakes below are incomplete on purpose, to show the check failing.
        var types = typeof(PerDatabaseSuiteTests).Assembly.GetTypes().Where(t => t.DeclaringType != typeof(PerDatabaseSuiteTests)).ToList();

        var suites = PerDatabaseSuites.Find(types);
        var problems = PerDatabaseSuites.Problems(types);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // Guards the check itself: were suites no longer found, it would pass on nothing.
        Assert.Contains(typeof(LiveRunSuite), suites);
        Assert.Contains(typeof(Fidelity.FidelitySuite<>), suites);
        Assert.True(suites.Count >= 8, string.Join(", ", suites));
    }

    [Fact]
    public void A_suite_without_a_class_for_a_database_fails_naming_the_suite_and_the_database()
    {
        var problems = PerDatabaseSuites.Problems([typeof(FakeSuite), typeof(FakeSqlite), typeof(FakePostgres)], Discovered);

        Assert.Equal([$"{typeof(FakeSuite).FullName} has no class for mysql: add a public sealed one marked [RunsOn(TestDatabase.Mysql)]"], problems);
    }

    [Fact]
    public void Two_classes_for_one_database_an_unmarked_class_a_hidden_class_a_plain_fact_and_an_unexplained_exception_fail_too()
    {
        var problems = PerDatabaseSuites.Problems([
            typeof(FakeSuite), typeof(FakeSqlite), typeof(FakePostgres), typeof(FakeSecondPostgres), typeof(FakeUnmarked), typeof(FakeHiddenMysql),
            typeof(FakeGenericSuite<>), typeof(FakeGenericSqlite), typeof(FakeGenericPostgres), typeof(FakeGenericMysql),
        ], Discovered);

        var suite = typeof(FakeSuite).FullName;
        Assert.Equal([
            $"{typeof(FakeUnmarked).FullName} derives from {suite} but names no database: mark it [RunsOn(TestDatabase.…)]",
            $"{typeof(FakeHiddenMysql).FullName} runs {suite} on mysql but is not public, so xunit never runs it",
            $"{suite} has 2 classes for postgresql ({typeof(FakePostgres).FullName}, {typeof(FakeSecondPostgres).FullName}): keep one",
            $"{suite} has no class for mysql: add a public sealed one marked [RunsOn(TestDatabase.Mysql)]",
            $"{typeof(FakeGenericSuite<>).FullName}.Unexplained leaves out mysql without saying why: set Because",
            $"{typeof(FakeGenericSuite<>).FullName}.Plain is a [Fact] of a per-database suite: make it [DatabaseFact] or [DatabaseTheory], which skip by the class's database",
        ], problems);
    }

    // Not public, so that xunit does not run them (hence xUnit1000 off); the checks on them take all but
    // FakeHiddenMysql as public.
    private static bool Discovered(Type type) => type != typeof(FakeHiddenMysql);

#pragma warning disable xUnit1000

    private abstract class FakeSuite
    {
        [DatabaseFact]
        public void Shared()
        {
        }
    }

    [RunsOn(TestDatabase.Sqlite)] private sealed class FakeSqlite : FakeSuite;

    [RunsOn(TestDatabase.Postgresql)] private sealed class FakePostgres : FakeSuite;

    [RunsOn(TestDatabase.Postgresql)] private sealed class FakeSecondPostgres : FakeSuite;

    private sealed class FakeUnmarked : FakeSuite;

    [RunsOn(TestDatabase.Mysql)] private sealed class FakeHiddenMysql : FakeSuite;

    private abstract class FakeGenericSuite<T>
    {
        [DatabaseTheory]
        [InlineData(1)]
        public void Shared(int value) => Assert.Equal(1, value);

        [Fact]
        public void Plain()
        {
        }

        [DatabaseFact(Except = [TestDatabase.Mysql])]
        public void Unexplained()
        {
        }
    }

    [RunsOn(TestDatabase.Sqlite)] private sealed class FakeGenericSqlite : FakeGenericSuite<int>;

    [RunsOn(TestDatabase.Postgresql)] private sealed class FakeGenericPostgres : FakeGenericSuite<int>;

    [RunsOn(TestDatabase.Mysql)] private sealed class FakeGenericMysql : FakeGenericSuite<string>;
#pragma warning restore xUnit1000
}

/// <summary>
/// The per-database suites among a set of types: abstract classes that declare tests. Each must have exactly one
/// public concrete class per <see cref="TestDatabase"/>, marked with <see cref="RunsOnAttribute"/>.
/// </summary>
internal static class PerDatabaseSuites
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static List<Type> Find(IEnumerable<Type> types) =>
        [.. types.Where(t => t.IsClass && t.IsAbstract && !t.IsSealed && Tests(t).Any())];

    /// <summary>What is wrong, one line a problem, naming the suite and the database; empty when nothing is.</summary>
    /// <param name="types">The types to check.</param>
    /// <param name="discovered">Whether xunit runs a type's tests: it runs those of public types only.</param>
    public static List<string> Problems(IReadOnlyCollection<Type> types, Func<Type, bool>? discovered = null)
    {
        discovered ??= t => t.IsVisible;
        var problems = new List<string>();
        foreach (var suite in Find(types))
        {
            var byDatabase = new Dictionary<TestDatabase, List<Type>>();
            foreach (var type in types.Where(t => t.IsClass && !t.IsAbstract && DerivesFrom(t, suite)))
            {
                if (RunsOnAttribute.Of(type) is not { } database)
                    problems.Add($"{type.FullName} derives from {suite.FullName} but names no database: mark it [RunsOn(TestDatabase.…)]");
                else if (!discovered(type))
                    problems.Add($"{type.FullName} runs {suite.FullName} on {Name(database)} but is not public, so xunit never runs it");
                else
                    (byDatabase.TryGetValue(database, out var list) ? list : byDatabase[database] = []).Add(type);
            }

            foreach (var database in Enum.GetValues<TestDatabase>())
            {
                var classes = byDatabase.GetValueOrDefault(database) ?? [];
                if (classes.Count == 0)
                    problems.Add($"{suite.FullName} has no class for {Name(database)}: add a public sealed one marked [RunsOn(TestDatabase.{database})]");
                else if (classes.Count > 1)
                    problems.Add($"{suite.FullName} has {classes.Count} classes for {Name(database)} ({string.Join(", ", classes.Select(c => c.FullName))}): keep one");
            }

            foreach (var method in Tests(suite).Where(m => m.GetCustomAttribute<DatabaseFactAttribute>() is { Except.Length: > 0, Because: null or "" }))
                problems.Add($"{suite.FullName}.{method.Name} leaves out {string.Join(", ", method.GetCustomAttribute<DatabaseFactAttribute>()!.Except.Select(Name))} without saying why: set Because");

            // A plain [Fact] would run on every database unskipped, and a [LiveFact] would skip by one server for all.
            foreach (var method in Tests(suite).Where(m => !m.IsDefined(typeof(DatabaseFactAttribute)) && !m.IsDefined(typeof(DatabaseTheoryAttribute))))
                problems.Add($"{suite.FullName}.{method.Name} is a [Fact] of a per-database suite: make it [DatabaseFact] or [DatabaseTheory], which skip by the class's database");
        }

        return problems;
    }

    private static IEnumerable<MethodInfo> Tests(Type type) => type.GetMethods(Declared).Where(m => m.IsDefined(typeof(FactAttribute)));

    private static bool DerivesFrom(Type type, Type suite)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType)
        {
            if ((b.IsGenericType ? b.GetGenericTypeDefinition() : b) == suite)
                return true;
        }

        return false;
    }

    private static string Name(TestDatabase database) => database.ToString().ToLowerInvariant();
}
