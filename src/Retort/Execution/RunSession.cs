using System.Data.Common;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>How a command that only reads treats a SQLite URL whose file does not exist: it never creates one.</summary>
internal enum MissingFile { Create, Refuse, ReadAsEmpty }

/// <summary>
/// The database one command works on, from the project's settings: its URL, dialect, version table and log, and once
/// the command starts, the migration lock it holds, its connection, and the sink statements go to. Online and offline
/// runs differ only in that sink (<see cref="ConnectAsync"/> or <see cref="WriteTo"/>).
/// </summary>
internal sealed class RunSession : IAsyncDisposable
{
    private readonly RetortConfig _config;
    private readonly ConnectionFactory? _connect;
    private readonly TextWriter _progress;
    private readonly Func<MigrationSource>? _source;
    private readonly Func<string, string?>? _checksumOf;
    private MigrationLock? _held;
    private DbConnection? _connection;
    private StatementSink? _sink;
    private readonly MigrationObserver? _observer;

    /// <param name="config">The project's settings; the URL is read from them at once (a bad URL fails here).</param>
    /// <param name="connect">Opens connections; null for an API that was given no way to connect.</param>
    /// <param name="progress">Where lines for a person go (waiting for the lock, steps run).</param>
    /// <param name="source">The revisions' code, loaded only when a step needs it.</param>
    /// <param name="checksumOf">The checksum of a script by path, as the headers were read.</param>
    /// <param name="observer">Hears of each step and statement the session's runs send.</param>
    public RunSession(RetortConfig config, ConnectionFactory? connect, TextWriter progress, Func<MigrationSource>? source = null,
        Func<string, string?>? checksumOf = null, MigrationObserver? observer = null)
    {
        _observer = observer;
        _config = config;
        _connect = connect;
        _progress = progress;
        _source = source;
        _checksumOf = checksumOf;
        Url = DatabaseUrl.From(config);
        Dialect = Dialect.ForName(Url.Dialect);
        Table = new VersionTable(Dialect, new TableName(config.VersionTable, config.VersionTableSchema));
        Log = config.Log ? new VersionLog(Dialect, new TableName(config.LogTable, config.VersionTableSchema)) : null;
    }

    public DatabaseUrl Url { get; }

    /// <summary>Where lines for a person go.</summary>
    public TextWriter Progress => _progress;

    public Dialect Dialect { get; }

    public VersionTable Table { get; }

    /// <summary>The log of applied steps; null when it is off (<c>"log": false</c>).</summary>
    public VersionLog? Log { get; }

    /// <summary>Retort's own tables, which are not the model's business.</summary>
    public IReadOnlyList<TableName> OwnTables =>
        [Table.Name, new(_config.LogTable, _config.VersionTableSchema), LockTable];

    private TableName LockTable => new(_config.VersionTable + "_lock", _config.VersionTableSchema);

    /// <summary>The connected sink, once <see cref="ConnectAsync"/> has run.</summary>
    public DatabaseSink Database => _sink as DatabaseSink ?? throw new InvalidOperationException("The session is not connected");

    /// <summary>Where statements go: the database, or a script.</summary>
    public StatementSink Sink => _sink ?? throw new InvalidOperationException("The session has no sink yet");

    /// <summary>Writes statements as a script instead of connecting.</summary>
    public void WriteTo(TextWriter sql) => _sink = new ScriptSink(sql, Dialect);

    /// <summary>Connects, and sends statements to the database from now on.</summary>
    public async Task<DatabaseSink> ConnectAsync(CancellationToken cancellationToken, MissingFile missing = MissingFile.Create)
    {
        _connection = await OpenAsync(cancellationToken, missing);
        var sink = new DatabaseSink(_connection);
        _sink = sink;
        return sink;
    }

    /// <summary>Opens a connection of its own, which the caller closes.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken, MissingFile missing = MissingFile.Create)
    {
        if (_connect is null)
            throw new RetortException("These commands were created without a way to connect to databases (connect)");
        var url = Url;
        if (missing != MissingFile.Create && Dialect.Bookkeeping.DatabaseFile(url.ConnectionString) is { } path && !File.Exists(path))
        {
            // A typo in a URL must not leave an empty database behind and pass for one at base.
            if (missing == MissingFile.Refuse)
                throw new RetortException($"No database at {path} ({url.Display}); commands that only read never create one: check the URL, or run 'retort upgrade' to create it");
            url = DatabaseUrl.Parse("sqlite://", _config.BaseDirectory);
        }
        var connection = _connect(url);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (_config.SessionSchema is { } schema)
            {
                // Every time: a pooled connection comes back from another schema's run, reset to the server's default.
                await using var command = connection.CreateCommand();
                command.CommandText = $"SET search_path TO \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException
            or TimeoutException or NotSupportedException or IOException)
        {
            await connection.DisposeAsync();
            throw new RetortException($"Cannot connect to {url.Display}: {Secrets.Scrub(StatementFailedException.OneLine(e.Message).TrimEnd('.'), url)}{await ServerProbe.HintAsync(url)}", e);
        }
    }

    /// <summary>Waits for and takes the migration lock, held until the session ends.</summary>
    public async Task LockAsync(CancellationToken cancellationToken)
    {
        var held = await UnheldLockAsync(cancellationToken);
        await held.WaitAsync(TimeSpan.FromSeconds(_config.LockTimeout), _progress, cancellationToken);
        _held = held;
    }

    /// <summary>The migration lock the settings choose, not taken yet: for <c>lock status</c> and <c>lock release</c>.</summary>
    public async Task<MigrationLock> UnheldLockAsync(CancellationToken cancellationToken)
    {
        if (_config.Lock == "none")
            return new NoMigrationLock();
        var name = _config.VersionTableSchema is null ? _config.VersionTable : $"{_config.VersionTableSchema}.{_config.VersionTable}";
        if (_config.Lock == "table")
            return new LeaseMigrationLock(await OpenAsync(cancellationToken), Dialect, LockTable, name, Url.Display, TimeSpan.FromSeconds(_config.LockLease));
        if (Dialect.Bookkeeping.SessionLock(name) is { } sql)
        {
            var connection = await OpenAsync(cancellationToken);
            try
            {
                // On a cluster a session lock holds only on the node that took it; the lease row replicates.
                if (await ClusterAsync(connection, cancellationToken) is { } engine)
                    return new LeaseMigrationLock(connection, Dialect, LockTable, name, $"{Url.Display} ({engine})", TimeSpan.FromSeconds(_config.LockLease));
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            return new SessionMigrationLock(connection, sql, Url.Display);
        }
        return Dialect.Bookkeeping.DatabaseFile(Url.ConnectionString) is { } path ? new FileMigrationLock(path) : new NoMigrationLock();
    }

    /// <summary>The cluster engine the server reports (Galera, CockroachDB, YugabyteDB), or null for a single server.</summary>
    private async Task<string?> ClusterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (Dialect.Bookkeeping.ClusterQuery is not { } query)
            return null;
        return await new DatabaseSink(connection).QueryAsync(query, static async (reader, token) =>
            await reader.ReadAsync(token) ? Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture) : null,
            cancellationToken);
    }

    /// <summary>Whether the version table exists; fails when a table of that name is not one.</summary>
    public async Task<bool> VersionTableExistsAsync(CancellationToken cancellationToken)
    {
        if ((await Database.QueryStringsAsync(Table.Exists(), cancellationToken)).Count == 0)
            return false;
        Table.CheckShape(await Database.QueryColumnNamesAsync(Table.Shape(), cancellationToken));
        return true;
    }

    /// <summary>The revisions the version table's rows stand for (see <see cref="StandFor"/>); fails on a row that no revision defines.</summary>
    public async Task<IReadOnlyList<string>> ReadHeadsAsync(RevisionMap map, CancellationToken cancellationToken)
    {
        var (heads, unknown) = StandFor(map, await Database.QueryStringsAsync(Table.Select(), cancellationToken));
        if (unknown.Count > 0)
            throw new RetortException($"The version table {Table.Name} holds {string.Join(", ", unknown)}, which no revision file defines; restore the file, or 'retort stamp' the database to a known revision");
        return heads;
    }

    /// <summary>
    /// The revisions the version table's <paramref name="rows"/> stand for, and the rows no revision defines. A row naming
    /// the last revision a squash replaced stands for the squash (said on the progress writer; the row is kept until the
    /// database moves on); one naming a revision in the middle of a squash fails with what to do.
    /// </summary>
    public (IReadOnlyList<string> Heads, IReadOnlyList<string> Unknown) StandFor(RevisionMap map, IReadOnlyList<string> rows)
    {
        var heads = new List<string>();
        var unknown = new List<string>();
        foreach (var row in rows)
        {
            if (map.StoredHead(row, Table.Name.ToString()) is not { } revision)
            {
                unknown.Add(row);
                continue;
            }
            if (revision.Id != row)
            {
                Table.Holds(revision.Id, row);
                _progress.WriteLine($"note: the version table {Table.Name} holds {row}, the last revision that squash {revision.Id} replaced: " +
                    $"the database is at {revision.Id} (the row keeps {row} until the database moves on)");
            }
            heads.Add(revision.Id);
        }
        return (heads, unknown);
    }

    /// <summary>The version table's rows when it exists, else none.</summary>
    public async Task<IReadOnlyList<string>> HeadsIfAnyAsync(RevisionMap map, CancellationToken cancellationToken) =>
        await VersionTableExistsAsync(cancellationToken) ? await ReadHeadsAsync(map, cancellationToken) : [];

    /// <summary>
    /// Where a script starts (the FROM of <c>--sql FROM:TO</c>): the revisions <paramref name="from"/> names, none for base.
    /// FROM naming the last revision a squash replaced is the squash, and the script moves the row that holds that id.
    /// </summary>
    public List<string> ScriptStart(RevisionMap map, string? from)
    {
        if (from is null or "base")
            return [];
        var start = map.Resolve(from).Select(r => r.Id).ToList();
        if (map.Find(from) is null && map.SquashOf(from) is { } squash && start.SequenceEqual([squash.Id]))
            Table.Holds(squash.Id, from);
        return start;
    }

    /// <summary>Whether the log is on and exists; fails when a table of its name is not one.</summary>
    public async Task<bool> LogExistsAsync(CancellationToken cancellationToken)
    {
        if (Log is null || (await Database.QueryStringsAsync(Log.Exists(), cancellationToken)).Count == 0)
            return false;
        Log.CheckShape(await Database.QueryColumnNamesAsync(Log.Shape(), cancellationToken));
        return true;
    }

    /// <summary>What a script creates first: the version table from base, and the log unless it exists already.</summary>
    public List<SqlStatement> ScriptSetup(bool createVersionTable) =>
        [.. createVersionTable ? [Table.Create()] : Array.Empty<SqlStatement>(), .. Log?.CreateIfMissing() ?? []];

    /// <summary>A runner for this session's sink, with a journal where the log is on.</summary>
    /// <param name="map">The revision graph.</param>
    /// <param name="resume">Where a revision left half applied stopped, when the run resumes it.</param>
    /// <param name="tag">What the run is tagged with in the log.</param>
    /// <param name="fenced">Whether the run checks, before each statement and commit, that it still holds the lock.</param>
    public MigrationRunner Runner(RevisionMap map, ResumePoint? resume = null, string? tag = null, bool fenced = true)
    {
        var sink = Sink;
        var fence = fenced ? _held : null;
        var online = _connection is not null;
        // Statements are counted as they commit only where they commit one by one; elsewhere a step's row is
        // written in its transaction and exists exactly when its work does.
        var journal = Log is null ? null : new StepJournal(new JournalOptions(Log, sink,
            CountsStatements: online && !Dialect.TransactionalDdl, Resume: resume, ChecksumOf: _checksumOf, Tag: tag,
            DeferRows: online && Dialect.TransactionalDdl && !_config.TransactionPerMigration, Fence: fence, Progress: _progress,
            SettleWait: TimeSpan.FromSeconds(_config.LockTimeout)));
        return new MigrationRunner(new RunOptions(map, Source, Dialect, sink, Table, _progress, _config.TransactionPerMigration,
            AutoBatch: _config.SqliteAutoBatch, Journal: journal, Fence: fence, Observer: _observer, Where: Url.Display));
    }

    // Loaded once per session: the runner asks for it at every step.
    /// <summary>The rows verify puts in before <paramref name="revision"/> and looks for after it, if its code declares any.</summary>
    public DataFixture? FixtureOf(Revision revision) => Source().Create(revision).Fixture;

    private MigrationSource Source() =>
        _loaded ??= (_source ?? throw new RetortException("These commands were created without a way to load the revisions' code (loadMigrations)"))();

    private MigrationSource? _loaded;

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        if (_held is not null)
            await _held.DisposeAsync();
    }
}
