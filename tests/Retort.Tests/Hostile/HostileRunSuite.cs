using System.Data.Common;
using System.Text.RegularExpressions;
using Retort.Configuration;
using Retort.Tests.Cli;
using Retort.Tests.Execution;
using Retort.Tests.Live;

namespace Retort.Tests.Hostile;

[CollectionDefinition(Name)]
public sealed class HostileCollection
{
    public const string Name = "Hostile runs";
}

/// <summary>
/// Does to Retort what a hostile week does: kills <c>retort upgrade head</c> with SIGKILL at random moments, inside a
/// revision of 400 data changes and inside a burst of 40 CREATE TABLEs, then recovers the way a person would, by
/// running what the error line advises; and starts eight runs at once on each kind of lock. A ledger table without a
/// primary key shows any statement that ran twice or not at all. Writes its figures to <c>artifacts/hostile/</c>.
/// </summary>
public abstract partial class HostileRunSuite
{
    private const int Trials = 12;
    private const int DataRows = 400;
    private const int DdlTables = 40;
    private const int DowngradeTrials = 4;

    private readonly LiveTarget _target;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-hostile");

    protected HostileRunSuite() => _target = LiveTarget.Of(GetType());

    private Task<string> CreateDatabaseAsync(string name) => _target.CreateDatabaseAsync(name, _dir.FullName);

    private Task DropDatabaseAsync(string name) => _target.DropDatabaseAsync(name);

    private string TablesLike(string pattern) => _target.TablesLike(pattern);

    private static void Revisions(TestProject project)
    {
        static string Ledger(string rev, string n) => $"op.Execute($\"INSERT INTO ledger (rev, n) VALUES ('{rev}', {n})\");";
        static string Unledger(string rev, string n) => $"op.Execute($\"DELETE FROM ledger WHERE rev = '{rev}' AND n = {n}\");";
        project.Revision("r1", [], "op.Execute(\"CREATE TABLE ledger (rev VARCHAR(8) NOT NULL, n INT NOT NULL)\");", "op.Execute(\"DROP TABLE ledger\");")
            .Revision("r2", ["r1"], $"for (var i = 1; i <= {DataRows}; i++) {Ledger("r2", "{i}")}", $"for (var i = {DataRows}; i >= 1; i--) {Unledger("r2", "{i}")}")
            .Revision("r3", ["r2"], $"for (var i = 1; i <= {DdlTables}; i++) {{ op.Execute($\"CREATE TABLE d{{i}} (id INT)\"); {Ledger("r3", "{i}")} }}",
                $"for (var i = {DdlTables}; i >= 1; i--) {{ {Unledger("r3", "{i}")} op.Execute($\"DROP TABLE d{{i}}\"); }}")
            .Revision("r4", ["r3"], Ledger("r4", "1"), Unledger("r4", "1"));
    }

    private static readonly string[] Expected =
    [
        .. Enumerable.Range(1, DataRows).Select(i => $"r2 {i}"),
        .. Enumerable.Range(1, DdlTables).Select(i => $"r3 {i}"),
        "r4 1",
    ];

    private sealed record Trial(string Where, int DelayMs, int Commands, bool Resumed, bool Settled, int Doubles, int Missing, bool Stuck, string Trace);

    [DatabaseFact]
    public async Task Killed_at_random_moments_the_runs_recover_by_their_own_advice_with_nothing_twice_and_nothing_missing()
    {
        using var project = new TestProject("sqlite:///unused.db");
        Revisions(project);
        var random = new Random(20261207);
        var trials = new List<Trial>();
        for (var n = 0; n < Trials; n++)
        {
            var database = $"retort_hostile_{n}_{Guid.NewGuid().ToString("N")[..6]}";
            var url = await CreateDatabaseAsync(database);
            try
            {
                Configure(project, url, "session");
                var inData = n % 2 == 0;
                var delay = random.Next(inData ? 400 : 900);
                await KilledAsync(project, ["upgrade", "head"], inData ? "Running upgrade r1 -> r2" : "Running upgrade r2 -> r3", delay);
                var (commands, trace, stuck) = await RecoverAsync(project);
                var (doubles, missing) = await LedgerAsync(url);
                var tables = await CountAsync(url, TablesLike("d%"));
                trials.Add(new(inData ? "data" : "ddl", delay, commands.Count, commands.Any(c => c.Contains("--resume", StringComparison.Ordinal)),
                    trace.Contains("Settled statement", StringComparison.Ordinal), doubles, missing + DdlTables - (int)tables, stuck, trace));
            }
            finally
            {
                await DropDatabaseAsync(database);
            }
        }
        // Downgrades killed the same way: recovered to base by the advice, nothing may be left and nothing stuck.
        var downs = new List<Trial>();
        for (var n = 0; n < DowngradeTrials; n++)
        {
            var database = $"retort_hostile_d{n}_{Guid.NewGuid().ToString("N")[..6]}";
            var url = await CreateDatabaseAsync(database);
            try
            {
                Configure(project, url, "session");
                Assert.Equal(0, (await CliProcess.RunAsync(project.Root, "upgrade", "head")).ExitCode);
                var inData = n % 2 == 0;
                var delay = random.Next(inData ? 400 : 900);
                await KilledAsync(project, ["downgrade", "base"], inData ? "Running downgrade r2 -> r1" : "Running downgrade r3 -> r2", delay);
                var (commands, trace, stuck) = await RecoverAsync(project, ["downgrade", "base"]);
                var left = await CountAsync(url, TablesLike("d%")) + await CountAsync(url, TablesLike("ledger"));
                downs.Add(new(inData ? "data" : "ddl", delay, commands.Count, commands.Any(c => c.Contains("--resume", StringComparison.Ordinal)),
                    trace.Contains("Settled statement", StringComparison.Ordinal), 0, (int)left, stuck, trace));
            }
            finally
            {
                await DropDatabaseAsync(database);
            }
        }
        var concurrent = new List<string>();
        foreach (var lockKind in (string[])["session", "table"])
            concurrent.Add(await EightAtOnceAsync(project, lockKind));

        var report = $"{_target.DialectName}: {Trials} SIGKILL trials ({trials.Count(t => t.Where == "data")} inside {DataRows} data changes, " +
            $"{trials.Count(t => t.Where == "ddl")} inside {DdlTables} CREATE TABLEs): {trials.Count(t => !t.Stuck && t.Doubles == 0 && t.Missing == 0)} recovered to head, " +
            $"{trials.Sum(t => t.Doubles)} statements applied twice, {trials.Sum(t => t.Missing)} missing, {trials.Count(t => t.Stuck)} stuck; " +
            $"{trials.Count(t => t.Resumed)} followed a --resume advice, {trials.Count(t => t.Settled)} settled an in-flight statement by looking; " +
            $"{DowngradeTrials} SIGKILLs in downgrade base: {downs.Count(t => !t.Stuck && t.Missing == 0)} recovered to base, {downs.Sum(t => t.Missing)} tables left, " +
            $"{downs.Count(t => t.Stuck)} stuck, {downs.Count(t => t.Resumed)} resumed; " +
            $"8 runs at once: {string.Join(", ", concurrent)}";
        Report(_target.DialectName, report);
        var failed = trials.Concat(downs).Where(t => t.Stuck || t.Doubles > 0 || t.Missing > 0).ToList();
        Assert.True(failed.Count == 0, report + "\n" + string.Join("\n---\n", failed.Select(t => $"{t.Where} +{t.DelayMs} ms:\n{t.Trace}")));
        Assert.DoesNotContain(concurrent, c => !c.EndsWith("each revision once", StringComparison.Ordinal));
    }

    // Starts the command, waits for its line, then SIGKILLs it after the delay.
    private static async Task KilledAsync(TestProject project, string[] command, string line, int delayMs)
    {
        using var run = WatchedCli.Start(project.Root, command);
        await run.WaitForAsync(line, TimeSpan.FromSeconds(90));
        await Task.Delay(delayMs);
        await run.KillAsync();
    }

    private static void Configure(TestProject project, string url, string lockKind) =>
        File.WriteAllText(Path.Combine(project.Root, "retort.json"),
            $$"""{ "scriptLocation": "migrations", "url": "{{url}}", "lock": "{{lockKind}}", "lockLease": 3 }""");

    private static readonly Regex Advice = new("[Rr]un '(retort [^']+)'", RegexOptions.Compiled);

    /// <summary>
    /// Runs <paramref name="goal"/> (<c>upgrade head</c>); while it fails, runs the first command its error line advises,
    /// as a person would. Stuck: the advice leads nowhere within six commands.
    /// </summary>
    private static async Task<(List<string> Commands, string Trace, bool Stuck)> RecoverAsync(TestProject project, string[]? goal = null)
    {
        goal ??= ["upgrade", "head"];
        var commands = new List<string>();
        var trace = new System.Text.StringBuilder();
        var next = goal;
        for (var i = 0; i < 6; i++)
        {
            commands.Add(string.Join(' ', next));
            var result = await CliProcess.RunAsync(project.Root, next);
            trace.Append("$ retort ").AppendLine(string.Join(' ', next)).Append(result.Stderr);
            if (result.ExitCode == 0)
            {
                if (next.SequenceEqual(goal))
                    return (commands, trace.ToString(), false);
                next = goal;
                continue;
            }
            var error = result.Stderr.Split('\n').LastOrDefault(l => l.StartsWith("retort: error: ", StringComparison.Ordinal)) ?? "";
            if (Advice.Match(error) is not { Success: true } advice)
                return (commands, trace.ToString(), true);
            next = advice.Groups[1].Value.Split(' ')[1..];
        }
        return (commands, trace.ToString(), true);
    }

    private static async Task<(int Doubles, int Missing)> LedgerAsync(string url)
    {
        await using var connection = await OpenAsync(url);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rev, n FROM ledger";
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                rows.Add($"{reader.GetString(0)} {Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)}");
        }
        var doubles = rows.GroupBy(r => r).Sum(g => g.Count() - 1);
        return (doubles, Expected.Except(rows).Count());
    }

    private static async Task<long> CountAsync(string url, string query)
    {
        await using var connection = await OpenAsync(url);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<DbConnection> OpenAsync(string url)
    {
        var connection = TestProject.Connect(DatabaseUrl.Parse(url, "/"));
        await connection.OpenAsync();
        return connection;
    }

    private async Task<string> EightAtOnceAsync(TestProject project, string lockKind)
    {
        var database = $"retort_hostile_c_{Guid.NewGuid().ToString("N")[..6]}";
        var url = await CreateDatabaseAsync(database);
        try
        {
            Configure(project, url, lockKind);
            var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CliProcess.RunAsync(project.Root, "upgrade", "head")));
            var (doubles, missing) = await LedgerAsync(url);
            var failedRuns = runs.Count(r => r.ExitCode != 0);
            return doubles == 0 && missing == 0 && failedRuns == 0
                ? $"{lockKind} lock, each revision once"
                : $"{lockKind} lock, {failedRuns} runs failed, {doubles} applied twice, {missing} missing: {string.Join(" | ", runs.Select(r => r.Stderr.Trim()))}";
        }
        finally
        {
            await DropDatabaseAsync(database);
        }
    }

    private static void Report(string name, string line) => TestArtifacts.Write("hostile", $"{name}.txt", line + "\n");
}

[Collection(HostileCollection.Name), RunsOn(TestDatabase.Sqlite)] public sealed class SqliteHostileRuns : HostileRunSuite;

[Collection(HostileCollection.Name), RunsOn(TestDatabase.Postgresql)] public sealed class PostgresHostileRuns : HostileRunSuite;

[Collection(HostileCollection.Name), RunsOn(TestDatabase.Mysql)] public sealed class MariaDbHostileRuns : HostileRunSuite;
