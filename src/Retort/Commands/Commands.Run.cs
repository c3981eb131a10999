using System.Data.Common;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Upgrades the database to <paramref name="target"/> (<c>head</c>, <c>heads</c>, <c>+2</c>, an id, <c>LABEL@head</c>, …).
    /// With <paramref name="sql"/>, writes the SQL to it instead of connecting; the target may then be
    /// <c>FROM:TO</c> (the start defaults to base). With <paramref name="resume"/>, continues a revision left half
    /// applied where DDL is not transactional, after the statements that ran. Returns the heads the version table
    /// holds afterwards. <paramref name="tag"/> (a release name, a ticket) is written into the log with each step.
    /// </summary>
    public Task<IReadOnlyList<string>> UpgradeAsync(string target, TextWriter? sql = null, bool resume = false, string? tag = null,
        CancellationToken cancellationToken = default) =>
        MoveAsync(target, upgrade: true, sql, resume, tag, cancellationToken);

    /// <summary>
    /// Downgrades the database to <paramref name="target"/> (<c>-1</c>, <c>base</c>, an id, <c>LABEL@REV</c>, …).
    /// With <paramref name="sql"/>, the target must be <c>FROM:TO</c>. <paramref name="resume"/> and <paramref name="tag"/> as for
    /// <see cref="UpgradeAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<string>> DowngradeAsync(string target, TextWriter? sql = null, bool resume = false, string? tag = null,
        CancellationToken cancellationToken = default) =>
        MoveAsync(target, upgrade: false, sql, resume, tag, cancellationToken);

    private async Task<IReadOnlyList<string>> MoveAsync(string target, bool upgrade, TextWriter? sql, bool resume, string? tag,
        CancellationToken cancellationToken)
    {
        var map = Scripts.Map;
        var (url, dialect, table, log) = Database();
        if (sql is not null)
        {
            if (resume)
                throw new RetortException("--resume cannot be used with --sql: only a connected run can see how far a half-applied revision got");
            var (from, to) = SplitRange(target, upgrade);
            var start = from is null || from == "base" ? [] : map.Resolve(from).Select(r => r.Id).ToList();
            var offlineSteps = Steps(map, start, to, upgrade);
            var scriptSink = new ScriptSink(sql, dialect);
            return await Runner(map, dialect, scriptSink, table, log, tag: tag).RunAsync(offlineSteps, start,
                ScriptSetup(table, log, createVersionTable: upgrade && start.Count == 0), cancellationToken);
        }
        if (target.Contains(':'))
            throw new RetortException($"A range ('{target}') is only for --sql; online, the start is what the version table holds");
        // The version table is read under the lock, so a run that waited sees what the other run did.
        await using var held = await LockAsync(url, dialect, cancellationToken);
        await using var connection = await OpenAsync(url, cancellationToken);
        var sink = new DatabaseSink(connection);
        var exists = await VersionTableExistsAsync(sink, table, cancellationToken);
        var heads = exists ? await ReadHeadsAsync(sink, table, map, cancellationToken) : [];
        var logExists = log is not null && await LogExistsAsync(sink, log, cancellationToken);
        var halted = logExists ? await HalfAppliedAsync(sink, log!, map, heads, dialect, cancellationToken) : null;
        if (halted is not null && !resume)
            throw new RetortException(halted.Message);
        if (halted is null && resume)
            throw new RetortException($"Nothing to resume: the log{(log is null ? " is off (\"log\": false), so it" : "")} shows no revision left half applied");
        if (halted is not null && halted.Point.Upgrade != upgrade)
            throw new RetortException($"Cannot resume: what was left half applied is the {(upgrade ? "downgrade" : "upgrade")} of {halted.Point.Revision}; resume it with '{ResumePoint.Command(halted.Point.Revision, halted.Point.Upgrade)}'");
        if (!upgrade && heads.Count > 1 && System.Text.RegularExpressions.Regex.IsMatch(target, @"^-\d+$"))
            Log.WriteLine($"warning: downgrade {target} from several current revisions is ambiguous; as Alembic does, it goes down from the first row of the version table, {heads[0]} (name the line with 'LABEL@{target}' or 'REV{target}')");
        var steps = Steps(map, heads, target, upgrade);
        if (steps.Count == 0 && halted is not null)
            throw new RetortException($"Cannot resume the {(upgrade ? "upgrade" : "downgrade")} of {halted.Point.Revision}: '{target}' is where the database already is");
        if (steps.Count == 0)
            return heads;
        List<SqlStatement> setup = [.. exists ? [] : new[] { table.Create() }, .. log is null || logExists ? [] : log.Create()];
        if (log is not null && logExists && halted is null)
            await CloseStoppedRowAsync(sink, log, dialect, cancellationToken);
        return await Runner(map, dialect, sink, table, log, halted?.Point, tag, held).RunAsync(steps, heads, setup, cancellationToken);
    }

    private static IReadOnlyList<MigrationStep> Steps(RevisionMap map, IReadOnlyList<string> heads, string target, bool upgrade) =>
        (upgrade ? map.UpgradeSteps(heads, target) : map.DowngradeSteps(heads, target))
            .Select(r => (MigrationStep)new RevisionStep(map, r, upgrade)).ToList();

    private static (string? From, string To) SplitRange(string target, bool upgrade)
    {
        var colon = target.IndexOf(':');
        if (colon < 0)
            return upgrade ? (null, target) : throw new RetortException($"downgrade with --sql needs FROM:TO, e.g. 'head:base' (not '{target}'), since nothing is connected to tell where the database is");
        return (target[..colon], target[(colon + 1)..]);
    }

    private MigrationRunner Runner(RevisionMap map, Dialect dialect, StatementSink sink, VersionTable table, VersionLog? log,
        ResumePoint? resume = null, string? tag = null, MigrationLock? held = null)
    {
        MigrationSource? source = null;
        // Statements are counted as they commit only where they commit one by one; elsewhere a step's row is
        // written in its transaction and exists exactly when its work does.
        var journal = log is null ? null : new StepJournal(log, sink, countsStatements: sink is DatabaseSink && !dialect.TransactionalDdl, resume,
            Scripts.ChecksumOf, tag, deferRows: sink is DatabaseSink && dialect.TransactionalDdl && !Config.TransactionPerMigration,
            held, Log, TimeSpan.FromSeconds(Config.LockTimeout));
        // Compile only when a revision's code is needed: stamps and no-op runs never compile.
        return new MigrationRunner(map, () => source ??= LoadMigrations(), dialect, sink, table, Log, Config.TransactionPerMigration,
            autoBatch: Config.SqliteAutoBatch, journal: journal, fence: held);
    }

    private MigrationSource LoadMigrations()
    {
        if (_loadMigrations is null)
            throw new RetortException("These commands were created without a way to load the revisions' code (loadMigrations)");
        return _loadMigrations(Scripts, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>How a command that only reads treats a SQLite URL whose file does not exist: it never creates one.</summary>
    private enum MissingFile { Create, Refuse, ReadAsEmpty }

    private async Task<DbConnection> OpenAsync(DatabaseUrl url, CancellationToken cancellationToken, MissingFile missing = MissingFile.Create)
    {
        if (_connect is null)
            throw new RetortException("These commands were created without a way to connect to databases (connect)");
        if (missing != MissingFile.Create && SqliteFile(url) is { } path && !File.Exists(path))
        {
            // A typo in a URL must not leave an empty database behind and pass for one at base.
            if (missing == MissingFile.Refuse)
                throw new RetortException($"No database at {path} ({url.Display}); commands that only read never create one: check the URL, or run 'retort upgrade' to create it");
            url = DatabaseUrl.Parse("sqlite://", Config.BaseDirectory);
        }
        var connection = _connect(url);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException
            or TimeoutException or NotSupportedException or IOException)
        {
            await connection.DisposeAsync();
            throw new RetortException($"Cannot connect to {url.Display}: {Redacted(StatementFailedException.OneLine(e.Message).TrimEnd('.'), url)}{await ServerProbe.HintAsync(url)}", e);
        }
    }

    // A password that is also the user name is not scrubbed: it hides nothing, and would blank out the user.
    private static string Redacted(string message, DatabaseUrl url)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = url.ConnectionString };
        if (!(builder.TryGetValue("Password", out var password) || builder.TryGetValue("Pwd", out password))
            || password is not string { Length: > 0 } secret)
            return message;
        var isUser = new[] { "Username", "User ID", "User", "UID" }.Any(key => builder.TryGetValue(key, out var user) && Equals(user, secret));
        return isUser ? message : message.Replace(secret, "***", StringComparison.Ordinal);
    }

    private static async Task<bool> VersionTableExistsAsync(DatabaseSink sink, VersionTable table, CancellationToken cancellationToken)
    {
        if ((await sink.QueryStringsAsync(table.Exists(), cancellationToken)).Count == 0)
            return false;
        table.CheckShape(await sink.QueryColumnNamesAsync(table.Shape(), cancellationToken));
        return true;
    }

    private static async Task<IReadOnlyList<string>> ReadHeadsAsync(DatabaseSink sink, VersionTable table, RevisionMap map, CancellationToken cancellationToken)
    {
        var heads = await sink.QueryStringsAsync(table.Select(), cancellationToken);
        var unknown = heads.Where(h => map.Find(h) is null).ToList();
        if (unknown.Count > 0)
            throw new RetortException($"The version table {table.Name} holds {string.Join(", ", unknown)}, which no revision file defines; restore the file, or 'retort stamp' the database to a known revision");
        return heads;
    }
}
