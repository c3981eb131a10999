using System.Data.Common;
using System.Text;

namespace Retort.Dialects.MySql;

/// <summary>
/// The rows of the information_schema views that describe the current database, read in one round trip
/// of nine queries however many tables there are (and a second for MariaDB's sequences, where there are any).
/// </summary>
internal sealed class MySqlCatalog
{
    public string Database { get; set; } = "";
    public List<TableRow> Tables { get; } = [];
    public List<ColumnRow> Columns { get; } = [];
    public List<ConstraintRow> Constraints { get; } = [];
    public List<KeyColumnRow> KeyColumns { get; } = [];
    public List<RuleRow> Rules { get; } = [];
    public List<CheckRow> Checks { get; } = [];
    public List<IndexRow> Indexes { get; } = [];
    public List<ViewRow> Views { get; } = [];
    public List<SequenceRow> Sequences { get; } = [];

    /// <summary>The number of catalog queries <see cref="ReadAsync"/> sends.</summary>
    public const int QueryCount = 9;

    // MySQL's CHECK_CONSTRAINTS has no TABLE_NAME (check names are unique per database there), and only
    // MySQL 8.0.13+ has STATISTICS.EXPRESSION for functional index parts; MariaDB has the one, not the other.
    private static string Queries(bool mariaDb) => $"""
        SELECT DATABASE();
        SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE();
        SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH,
            NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, COLLATION_NAME, EXTRA, COLUMN_COMMENT, GENERATION_EXPRESSION
            FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION;
        SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE();
        SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
            FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION;
        SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE();
        SELECT {(mariaDb ? "TABLE_NAME" : "NULL")}, CONSTRAINT_NAME, CHECK_CLAUSE, {(mariaDb ? "LEVEL" : "NULL")} FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE();
        SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, {(mariaDb ? "NULL" : "EXPRESSION")}, COLLATION
            FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX;
        SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE();
        """;

    /// <summary>Reads the catalog; inside a run, <paramref name="transaction"/> is the run's, which MySqlConnector requires on every command.</summary>
    public static async Task<MySqlCatalog> ReadAsync(DbConnection connection, bool mariaDb, CancellationToken cancellationToken,
        DbTransaction? transaction = null)
    {
        var catalog = new MySqlCatalog();
        await using var command = new SqlStatement(Queries(mariaDb)).Command(connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Database = Text(r, 0) ?? "", cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Tables.Add(new(Text(r, 0)!, Text(r, 1)!, Text(r, 2), Text(r, 3))), cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Columns.Add(new(Text(r, 0)!, Text(r, 1)!, Text(r, 2), Text(r, 3) == "YES", Text(r, 4)!,
            Text(r, 5)!, Number(r, 6), Number(r, 7), Number(r, 8), Number(r, 9), Text(r, 10), Text(r, 11) ?? "", Text(r, 12), Text(r, 13))), cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Constraints.Add(new(Text(r, 0)!, Text(r, 1)!, Text(r, 2)!)), cancellationToken);
        await ReadRowsAsync(reader, r => catalog.KeyColumns.Add(new(Text(r, 0)!, Text(r, 1)!, Text(r, 2)!, Text(r, 3), Text(r, 4), Text(r, 5))), cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Rules.Add(new(Text(r, 0)!, Text(r, 1)!, Text(r, 2)!, Text(r, 3)!)), cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Checks.Add(new(Text(r, 0), Text(r, 1)!, Text(r, 2)!, Text(r, 3))), cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Indexes.Add(new(Text(r, 0)!, Text(r, 1)!, Number(r, 2) != 0, Text(r, 3), Text(r, 4), Text(r, 5) == "D")), cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Views.Add(new(Text(r, 0)!, Text(r, 1) ?? "")), cancellationToken);
        await reader.DisposeAsync();
        await ReadSequencesAsync(catalog, connection, transaction, cancellationToken);
        return catalog;
    }

    // information_schema has no sequences' values before MariaDB 11.5; each sequence is a table of one row that holds
    // them, so one UNION ALL reads them all, in a second round trip that only a database with sequences makes.
    private static async Task ReadSequencesAsync(MySqlCatalog catalog, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var names = catalog.Tables.Where(t => t.Type == "SEQUENCE").Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            return;
        var sql = string.Join("\nUNION ALL ", names.Select((name, i) =>
            $"SELECT @p{i}, start_value, increment, minimum_value, maximum_value, cycle_option FROM `{name.Replace("`", "``", StringComparison.Ordinal)}`"));
        await using var command = new SqlStatement(sql, [.. names]).Command(connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await ReadRowsAsync(reader, r => catalog.Sequences.Add(new(Text(r, 0)!, Number(r, 1) ?? 1, Number(r, 2) ?? 1, Number(r, 3), Number(r, 4), Number(r, 5) == 1)), cancellationToken);
    }

    private static async Task ReadRowsAsync(DbDataReader reader, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
            read(reader);
        await reader.NextResultAsync(cancellationToken);
    }

    // MySQL 8 hands some information_schema columns over as binary strings.
    private static string? Text(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DBNull => null,
        string s => s,
        byte[] b => Encoding.UTF8.GetString(b),
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static long? Number(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DBNull => null,
        ulong u => u > long.MaxValue ? long.MaxValue : (long)u,
        var other => Convert.ToInt64(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    public sealed record TableRow(string Name, string Type, string? Comment, string? Collation);

    public sealed record ColumnRow(string Table, string Name, string? Default, bool Nullable, string DataType, string ColumnType,
        long? Length, long? Precision, long? Scale, long? TimePrecision, string? Collation, string Extra, string? Comment,
        string? Generation = null);

    public sealed record ConstraintRow(string Table, string Name, string Type);

    public sealed record KeyColumnRow(string Table, string Constraint, string Column, string? ReferencedSchema, string? ReferencedTable,
        string? ReferencedColumn);

    public sealed record RuleRow(string Table, string Constraint, string UpdateRule, string DeleteRule);

    public sealed record CheckRow(string? Table, string Name, string Clause, string? Level);

    /// <summary>A key part of an index; COLLATION 'D' is a descending one (MySQL 8.0+, MariaDB 10.8+).</summary>
    public sealed record IndexRow(string Table, string Name, bool NonUnique, string? Column, string? Expression, bool Descending = false);

    public sealed record ViewRow(string Name, string Definition);

    public sealed record SequenceRow(string Name, long Start, long Increment, long? MinValue, long? MaxValue, bool Cycle);
}
