using System.Data.Common;
using System.Text;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Execution;

/// <summary>
/// The log of applied steps beside the version table: one row per revision applied or undone and per stamp, with
/// the script's checksum, when, how long, by whom and with which Retort. The version table says where the database
/// is; the log says how it got there, and lets <c>check</c> and <c>current -v</c> notice a script edited after it ran.
/// </summary>
/// <remarks>
/// Where DDL is not transactional (MySQL, MariaDB) a revision's row is written first with status <c>running</c> and
/// counts its statements as they commit, so a revision that fails or is killed halfway is reported precisely and
/// can be resumed. Elsewhere the rows are written in the transaction that holds the steps' work (one INSERT for a
/// whole run's steps before its commit), so they exist exactly when that work does.
/// </remarks>
internal sealed class VersionLog(Dialect dialect, TableName name)
{
    private static readonly string[] Columns =
    [
        "id", "run_id", "step", "revision", "direction", "status", "checksum", "checksum_version", "applied_at",
        "duration_ms", "statements_done", "statements_hash", "error", "applied_by", "tool_version", "tag",
    ];

    public TableName Name => name;

    public Dialect Dialect => dialect;

    private string Table => dialect.Quote(name);

    public SqlStatement Exists() => dialect.Bookkeeping.TableExistsQuery(name);

    /// <summary>No rows, only the columns: to tell a log from another table of the same name.</summary>
    public SqlStatement Shape() => new($"SELECT * FROM {Table} WHERE 1 = 0");

    public void CheckShape(IReadOnlyList<string> columns)
    {
        var missing = Columns.Where(c => !columns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new RetortException(
                $"The table {name} is not Retort's log of applied steps: it lacks {string.Join(", ", missing)}; set \"logTable\" to another name, or \"log\": false");
    }

    public IReadOnlyList<SqlStatement> Create() => dialect.Render(new CreateTableOperation(Definition));

    /// <summary>The CREATE for scripts, which cannot know whether an earlier script made the table.</summary>
    public IReadOnlyList<SqlStatement> CreateIfMissing() => [.. Create().Select(s => dialect.Bookkeeping.CreateTableIfMissing(s, name))];

    private Table Definition => new(name,
    [
        dialect.Bookkeeping.RowNumberKey("id"),
        new Column("run_id", SqlType.String(36), nullable: false),
        new Column("step", SqlType.Integer, nullable: false),
        new Column("revision", SqlType.String(255), nullable: false),
        new Column("direction", SqlType.String(16), nullable: false),
        new Column("status", SqlType.String(16), nullable: false),
        new Column("checksum", SqlType.String(64)),
        new Column("checksum_version", SqlType.Integer),
        new Column("applied_at", SqlType.DateTime, nullable: false),
        new Column("duration_ms", SqlType.BigInteger),
        new Column("statements_done", SqlType.Integer),
        new Column("statements_hash", SqlType.String(64)),
        new Column("error", SqlType.Text),
        new Column("applied_by", SqlType.String(255), nullable: false),
        new Column("tool_version", SqlType.String(64), nullable: false),
        new Column("tag", SqlType.String(255)),
    ]);

    /// <summary>
    /// The row's INSERT: with parameters online (or literals where the dialect inlines them), and with literals in a
    /// script, which is the statement's <see cref="SqlStatement.OfflineSql"/>.
    /// </summary>
    public SqlStatement Insert(LogEntry entry)
    {
        var values = Values(entry);
        _insert ??= $"INSERT INTO {Table} ({InsertColumns}) VALUES ({string.Join(", ", values.Select((_, i) => $"@p{i}"))})";
        // A script does not know when it will run: the database's clock fills applied_at.
        // Nor who will run it: the database's user fills applied_by where there is one.
        var script = Literals(values, (i, v) => i switch
        {
            7 => dialect.Bookkeeping.UtcNowExpression,
            12 when dialect.Bookkeeping.CurrentUserExpression is { } user => user,
            _ => dialect.Literal(v),
        });
        var online = dialect.Bookkeeping.InlinesValues && values.All(Bookkeeping.Inlinable)
            ? new SqlStatement(Literals(values, (_, v) => dialect.Literal(v)))
            : new SqlStatement(_insert, values);
        return online with { OfflineSql = script };
    }

    private string Literals(IReadOnlyList<object?> values, Func<int, object?, string> literal) =>
        $"INSERT INTO {Table} ({InsertColumns}) VALUES ({string.Join(", ", values.Select((v, i) => literal(i, v)))})";

    // Built once: a run inserts a row per step.
    private string? _insert;

    // PostgreSQL takes at most 65,535 parameters a statement; 15 values by 1000 rows stays below.
    private const int RowsPerInsert = 1000;

    /// <summary>One INSERT for many rows (online), in statements of at most <see cref="RowsPerInsert"/> rows.</summary>
    public IEnumerable<SqlStatement> InsertMany(IReadOnlyList<LogEntry> entries)
    {
        var inline = dialect.Bookkeeping.InlinesValues;
        if (inline && !entries.SelectMany(Values).All(Bookkeeping.Inlinable))
        {
            // Rare (an error text with a NUL in it): a row at a time, each with its values as parameters.
            foreach (var entry in entries)
                yield return Insert(entry);
            yield break;
        }
        for (var start = 0; start < entries.Count; start += RowsPerInsert)
        {
            var sql = new StringBuilder($"INSERT INTO {Table} ({InsertColumns}) VALUES ");
            var parameters = new List<object?>();
            var first = true;
            // Most columns (run, direction, who, version, tag) repeat from row to row: each literal is written once.
            var previous = new (object? Value, string Literal)[Columns.Length - 1];
            foreach (var entry in entries.Skip(start).Take(RowsPerInsert))
            {
                var row = Values(entry);
                sql.Append(first ? "(" : ", (");
                first = false;
                if (inline)
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (i > 0)
                            sql.Append(", ");
                        if (!Equals(row[i], previous[i].Value) || previous[i].Literal is null)
                            previous[i] = (row[i], dialect.Literal(row[i]));
                        sql.Append(previous[i].Literal);
                    }
                }
                else
                {
                    sql.AppendJoin(", ", row.Select((_, i) => $"@p{parameters.Count + i}"));
                    parameters.AddRange(row);
                }
                sql.Append(')');
            }
            yield return inline ? new(sql.ToString()) : new(sql.ToString(), parameters);
        }
    }

    private static object?[] Values(LogEntry entry) =>
    [
        entry.RunId, entry.Step, entry.Revision, entry.Direction, entry.Status, entry.Checksum, entry.ChecksumVersion,
        entry.AppliedAt, entry.DurationMs, entry.StatementsDone, entry.StatementsHash, entry.Error, entry.AppliedBy, entry.ToolVersion, entry.Tag,
    ];

    private string InsertColumns => string.Join(", ", Columns.Skip(1).Select(dialect.Quote));

    /// <summary>
    /// Counts the committed statements of a running step; with <paramref name="status"/> <c>in-flight</c>, the statement
    /// after them is being sent, and <paramref name="statementsHash"/> already counts it.
    /// </summary>
    public SqlStatement Progress(LogEntry entry, int statementsDone, string statementsHash, string status) => new(
        $"UPDATE {Table} SET {dialect.Quote("statements_done")} = @p0, {dialect.Quote("statements_hash")} = @p1, {dialect.Quote("status")} = @p4 WHERE {Key}",
        [statementsDone, statementsHash, entry.RunId, entry.Step, status]);

    /// <summary>Ends a running step: done, or failed with the error (<paramref name="keepStatus"/>: only the error and duration).</summary>
    public SqlStatement Finish(LogEntry entry, string status, long durationMs, string? error, bool keepStatus = false) => new(
        $"UPDATE {Table} SET {(keepStatus ? "" : $"{dialect.Quote("status")} = @p0, ")}{dialect.Quote("duration_ms")} = @p1, {dialect.Quote("error")} = @p4 WHERE {Key}",
        keepStatus ? [null, durationMs, entry.RunId, entry.Step, error] : [status, durationMs, entry.RunId, entry.Step, error]);

    /// <summary>Closes an earlier run's row that a later run took over from (a resume), or that a person settled.</summary>
    public SqlStatement Supersede(string runId, int step, string status, string? note) => new(
        $"UPDATE {Table} SET {dialect.Quote("status")} = @p0, {dialect.Quote("error")} = COALESCE({dialect.Quote("error")}, @p1) WHERE {Key}",
        [status, note, runId, step]);

    private string Key => $"{dialect.Quote("run_id")} = @p2 AND {dialect.Quote("step")} = @p3";

    /// <summary>Every row, oldest first.</summary>
    public SqlStatement SelectAll() => new($"SELECT {string.Join(", ", Columns.Skip(1).Select(dialect.Quote))} FROM {Table} ORDER BY {dialect.Quote("id")}");

    /// <summary>The newest row.</summary>
    public SqlStatement SelectLast() => new(
        $"SELECT {string.Join(", ", Columns.Skip(1).Select(dialect.Quote))} FROM {Table} WHERE {dialect.Quote("id")} = (SELECT MAX({dialect.Quote("id")}) FROM {Table})");

    /// <summary>Reads rows of <see cref="SelectAll"/> or <see cref="SelectLast"/>.</summary>
    public static async Task<List<LogEntry>> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var entries = new List<LogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LogEntry(
                RunId: reader.GetString(0),
                Step: Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Revision: reader.GetString(2),
                Direction: reader.GetString(3),
                Status: reader.GetString(4),
                Checksum: reader.IsDBNull(5) ? null : reader.GetString(5),
                ChecksumVersion: reader.IsDBNull(6) ? null : Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
                AppliedAt: reader.GetValue(7) switch
                {
                    DateTime t => t,
                    string s => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
                    var other => Convert.ToDateTime(other, System.Globalization.CultureInfo.InvariantCulture),
                },
                DurationMs: reader.IsDBNull(8) ? null : Convert.ToInt64(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
                StatementsDone: reader.IsDBNull(9) ? null : Convert.ToInt32(reader.GetValue(9), System.Globalization.CultureInfo.InvariantCulture),
                StatementsHash: reader.IsDBNull(10) ? null : reader.GetString(10),
                Error: reader.IsDBNull(11) ? null : reader.GetString(11),
                AppliedBy: reader.GetString(12),
                ToolVersion: reader.GetString(13),
                Tag: reader.IsDBNull(14) ? null : reader.GetString(14)));
        }
        return entries;
    }
}

/// <summary>One row of the log of applied steps.</summary>
/// <param name="RunId">The run that wrote it (a GUID), shared by the steps of one command.</param>
/// <param name="Step">The step's number within the run, from 1.</param>
/// <param name="Revision">The revision applied or undone; for a stamp, the revisions stamped (or <c>base</c>).</param>
/// <param name="Direction"><c>upgrade</c>, <c>downgrade</c> or <c>stamp</c>.</param>
/// <param name="Status"><c>done</c>; <c>running</c> or <c>failed</c> for a step that did not finish; <c>resolved</c> for one settled by hand.</param>
/// <param name="Checksum">The script's <see cref="Revisions.ScriptChecksum"/>, null for stamps.</param>
/// <param name="ChecksumVersion">The checksum algorithm's version.</param>
/// <param name="AppliedAt">When the step started, UTC.</param>
/// <param name="DurationMs">How long it took; null in scripts and while running.</param>
/// <param name="StatementsDone">Where DDL is not transactional, how many of the step's statements have committed.</param>
/// <param name="StatementsHash">A hash of those statements' text, so a resume can tell they are still the same.</param>
/// <param name="Error">Why a failed step failed.</param>
/// <param name="AppliedBy">The operating-system user and host that ran it.</param>
/// <param name="ToolVersion">Retort's version.</param>
/// <param name="Tag">What the run was tagged with (<c>--tag</c>), such as a release name.</param>
internal sealed record LogEntry(string RunId, int Step, string Revision, string Direction, string Status, string? Checksum,
    int? ChecksumVersion, DateTime? AppliedAt, long? DurationMs, int? StatementsDone, string? StatementsHash, string? Error,
    string AppliedBy, string ToolVersion, string? Tag = null);
