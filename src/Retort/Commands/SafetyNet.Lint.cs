using System.Data.Common;
using Retort.Dialects;
using Retort.Execution;
using Retort.Lint;
using Retort.Ops;
using Retort.Revisions;

namespace Retort;

public sealed partial class SafetyNet
{
    /// <summary>
    /// Judges revisions by their operations, for the project's database kind: what loses data, fails on existing rows,
    /// locks a busy table, or breaks the application still running. The upgrades are recorded, not run. With
    /// <see cref="LintRequest.Live"/> it connects: the server's version decides version-dependent rules, each data-dependent
    /// finding counts what it would meet, and the default range becomes the revisions the database has not applied.
    /// </summary>
    public async Task<LintReport> LintAsync(LintRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new LintRequest();
        var map = _commands.Scripts.Map;
        await using var session = _commands.Session();
        var connection = request.Live ? (await session.ConnectAsync(cancellationToken, MissingFile.Refuse)).Connection : null;
        IReadOnlyList<Revision> revisions;
        if (request.Live && request.Range is null)
            revisions = map.UpgradeSteps(await session.HeadsIfAnyAsync(map, cancellationToken), "heads");
        else
        {
            var range = map.Between(request.Range);
            revisions = map.UpgradeSteps([], "heads").Where(r => range.Contains(r.Id)).ToList();
        }
        return await JudgeAsync(session.Dialect, connection, revisions, cancellationToken);
    }

    /// <summary>
    /// Judges operations not yet written to a revision (what <c>revision --autogenerate</c> just wrote), for the
    /// project's database kind; nothing is connected.
    /// </summary>
    public LintReport LintOperations(IReadOnlyList<MigrationOperation> operations)
    {
        var dialect = Dialect.ForName(Configuration.DatabaseUrl.From(Config).Dialect);
        var findings = Linter.Lint(new LintInput(null, false, operations, [], []), new LintTarget(dialect, AutoBatch: Config.SqliteAutoBatch));
        return new LintReport(dialect.Id.Name, 0, findings.Select(f => Item(f, null)).ToList(), []);
    }

    /// <summary>
    /// Stops an upgrade before anything runs when <c>lint.failOn</c> names a standing finding in the revisions
    /// <paramref name="pending"/> it is about to apply.
    /// </summary>
    internal async Task RefuseOnLintAsync(RunSession session, IReadOnlyList<Revision> pending, CancellationToken cancellationToken)
    {
        var failOn = Config.Lint.FailOn;
        if (failOn.Count == 0 || pending.Count == 0)
            return;
        LintReport.CheckFailOn(failOn);
        if ((await JudgeAsync(session.Dialect, null, pending, cancellationToken)).Blocking(failOn) is { Count: > 0 } blocking)
            throw new RetortException(CommandText.Refusal(blocking));
    }

    private async Task<LintReport> JudgeAsync(Dialect dialect, DbConnection? connection, IReadOnlyList<Revision> revisions, CancellationToken cancellationToken)
    {
        var version = connection is null ? null : LintTarget.ParseVersion(connection.ServerVersion);
        var database = connection is null ? dialect.Id.Name : $"{dialect.Id.Name} {connection.ServerVersion}";
        var notes = new List<string>();
        var source = revisions.Count == 0 ? null : _commands.LoadMigrations();
        var inputs = revisions.Select(r => Record(r, source!, dialect, notes)).ToList();
        IReadOnlyList<LintFinding> findings = Linter.Lint(inputs, new LintTarget(dialect, version, Config.SqliteAutoBatch));
        if (connection is not null)
            findings = await ProbeAsync(findings, dialect, connection, notes, cancellationToken);
        var files = revisions.ToDictionary(r => r.Id, r => Path.GetFileName(r.Header.Path));
        return new LintReport(database, revisions.Count, findings.Select(f => Item(f, f.Revision is null ? null : files.GetValueOrDefault(f.Revision))).ToList(), notes);
    }

    /// <summary>A revision's upgrade as operations, recorded without running; a revision that reads the database is judged up to there.</summary>
    private static LintInput Record(Revision revision, MigrationSource source, Dialect dialect, List<string> notes)
    {
        var suppressions = new List<(MigrationOperation, LintSuppression)>();
        var migration = source.Create(revision);
        var recording = MigrationRecording.Of(() => migration, upgrade: true, dialect, null, null, (o, s) => suppressions.Add((o, s)));
        if (recording.ReadsConnection)
            notes.Add($"{revision.Id}: reads the database through op.Connection; lint judged the {recording.Operations.Count} operation(s) before that");
        else if (recording.Failure is { } failure)
            notes.Add($"{revision.Id}: lint judged the {recording.Operations.Count} operation(s) before its upgrade stopped being recordable ({StatementFailedException.OneLine(failure.Message)})");
        var onRevision = migration.GetType().GetCustomAttributes(typeof(LintAttribute), inherit: false).Cast<LintAttribute>()
            .Select(a => new LintSuppression(a.Code, a.Reason)).ToList();
        return new LintInput(revision.Id, revision.Phase == MigrationPhase.PostDeploy, recording.Operations, suppressions, onRevision);
    }

    /// <summary>
    /// Asks the live database: a data or locking finding on a table it does not have yet (a pending revision makes it)
    /// is dropped, and so is one whose count stays under its threshold; the others carry their count.
    /// </summary>
    private static async Task<IReadOnlyList<LintFinding>> ProbeAsync(IReadOnlyList<LintFinding> findings, Dialect dialect, DbConnection connection,
        List<string> notes, CancellationToken cancellationToken)
    {
        var exists = new Dictionary<TableName, bool>();
        var kept = new List<LintFinding>();
        foreach (var finding in findings)
        {
            if (finding.Table is not { } table || finding.Rule.Category is not (LintCategory.Data or LintCategory.Locking))
            {
                kept.Add(finding);
                continue;
            }
            if (!exists.TryGetValue(table, out var there))
                exists[table] = there = await dialect.Bookkeeping.TableExistsQuery(table).ScalarAsync(connection, null, cancellationToken) is not null;
            if (!there)
                continue;
            if (finding.Probe is not { } probe)
            {
                kept.Add(finding);
                continue;
            }
            try
            {
                var count = Convert.ToInt64(await probe.Count.ScalarAsync(connection, null, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                if (count >= probe.Threshold)
                    kept.Add(finding with { Count = count });
            }
            catch (DbException e)
            {
                notes.Add($"{finding.Revision}: could not count {probe.Counted} ({StatementFailedException.OneLine(e.Message)})");
                kept.Add(finding);
            }
        }
        return kept;
    }

    private static LintItem Item(LintFinding finding, string? file) => new(finding.Rule.Code, finding.Rule.Name, finding.Rule.CategoryName,
        finding.Rule.Severity.ToString().ToLowerInvariant(), finding.Revision, file, finding.Message, finding.Rule.Instead,
        finding.Count, finding.Count is null ? null : finding.Probe?.Counted, finding.SuppressedBecause);
}
