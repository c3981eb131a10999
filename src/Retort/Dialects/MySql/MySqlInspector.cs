using System.Data.Common;
using static Retort.Dialects.MySql.MySqlCatalog;

namespace Retort.Dialects.MySql;

/// <summary>
/// Reads the tables and views of the connection's current database: the rows of <see cref="MySqlCatalog"/>, turned into
/// the schema model.
/// </summary>
internal sealed partial class MySqlInspector(MySqlCatalog catalog, bool mariaDb, IReadOnlyCollection<TableName> exclude)
{
    private readonly ILookup<string, ColumnRow> _columns = catalog.Columns.ToLookup(c => c.Table);
    private readonly ILookup<string, ConstraintRow> _constraints = catalog.Constraints.ToLookup(c => c.Table);
    private readonly ILookup<(string, string), KeyColumnRow> _keyColumns = catalog.KeyColumns.ToLookup(k => (k.Table, k.Constraint));
    private readonly ILookup<(string, string), IndexRow> _indexes = catalog.Indexes.ToLookup(i => (i.Table, i.Name));
    private readonly ILookup<string, IGrouping<(string Table, string Name), IndexRow>> _tableIndexes =
        catalog.Indexes.GroupBy(i => (i.Table, i.Name)).ToLookup(g => g.Key.Table);
    private readonly ILookup<(string?, string), CheckRow> _checks = catalog.Checks.ToLookup(c => (c.Table, c.Name));
    private readonly Dictionary<(string, string), RuleRow> _rules = catalog.Rules.ToDictionary(r => (r.Table, r.Constraint));

    /// <summary>
    /// Reads the connection's current database from information_schema in one round trip of nine queries; inside a
    /// run, <paramref name="transaction"/> is the run's, which MySqlConnector requires on every command.
    /// </summary>
    public static Task<DatabaseSchema> ReadAsync(DbConnection connection, IReadOnlyCollection<TableName> exclude, CancellationToken cancellationToken,
        DbTransaction? transaction = null) =>
        ConnectionScope.ReadAsync(connection, async () =>
        {
            // The server, not the URL, decides the catalog's shape: a mysql:// URL may well reach a MariaDB server.
            var mariaDbServer = connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
            var catalog = await MySqlCatalog.ReadAsync(connection, mariaDbServer, cancellationToken, transaction);
            return new MySqlInspector(catalog, mariaDbServer, exclude).Schema();
        }, cancellationToken);

    public DatabaseSchema Schema() => new(
        catalog.Tables.Where(t => t.Type == "BASE TABLE" && !Excluded(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).Select(Table).ToList(),
        catalog.Views.Where(v => !Excluded(v.Name)).OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => new View(new TableName(v.Name), ViewDefinition(v.Definition))).ToList())
    {
        Sequences = catalog.Sequences.Select(s => new Sequence(s.Name, s.Start, s.Increment, s.MinValue, s.MaxValue, s.Cycle)).ToList(),
    };

    // MySQL qualifies every table of a view with the database's name; without it the definition can be created
    // again in another database (a downgrade's CreateView).
    private string ViewDefinition(string definition) =>
        catalog.Database.Length == 0 ? definition : definition.Replace(Quoted(catalog.Database) + ".", "", StringComparison.Ordinal);

    private bool Excluded(string name) =>
        exclude.Any(e => e.Name == name && (e.Schema is null || e.Schema == catalog.Database));

    private Table Table(TableRow row)
    {
        var constraints = _constraints[row.Name].OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var primaryKey = _keyColumns[(row.Name, "PRIMARY")].Select(k => k.Column).ToList();
        var checks = constraints.Where(c => c.Type == "CHECK").Select(c => Check(row.Name, c.Name)).ToList();
        // MariaDB's JSON is LONGTEXT with a column check json_valid(`column`) named after the column.
        var jsonChecks = checks.Where(c => mariaDb && c.Condition == $"json_valid({Quoted(c.Name!)})"
            && _columns[row.Name].Any(column => column.Name == c.Name && column.DataType == "longtext")).ToList();
        var columns = _columns[row.Name].Select(c => Column(c, row, primaryKey, jsonChecks.Any(j => j.Name == c.Name))).ToList();
        var unique = constraints.Where(c => c.Type == "UNIQUE" && _indexes[(row.Name, c.Name)].All(i => i.Column is not null))
            .Select(c => new UniqueConstraint(c.Name, _indexes[(row.Name, c.Name)].Select(i => i.Column!).ToArray())).ToList();
        var foreignKeys = constraints.Where(c => c.Type == "FOREIGN KEY").Select(c => ForeignKey(row.Name, c.Name)).ToList();
        var elements = new List<TableElement>(columns);
        if (primaryKey.Count > 0)
            elements.Add(new PrimaryKey(null, primaryKey));
        elements.AddRange(unique);
        elements.AddRange(foreignKeys);
        elements.AddRange(checks.Except(jsonChecks));
        var indexes = _tableIndexes[row.Name]
            .Where(g => g.Key.Name != "PRIMARY" && !unique.Any(u => u.Name == g.Key.Name) && !IsForeignKeyIndex(g, foreignKeys))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new TableIndex(g.Key.Name, row.Name,
                g.Select(i => i.Column ?? $"({i.Expression})").ToList(), unique: !g.First().NonUnique, descending: [.. g.Select(i => i.Descending)]));
        return new Table(new TableName(row.Name), elements, indexes, string.IsNullOrEmpty(row.Comment) ? null : row.Comment);
    }

    private Column Column(ColumnRow row, TableRow table, List<string> primaryKey, bool json)
    {
        var type = json ? SqlType.Json : MySqlTypes.FromCatalog(row.DataType, row.ColumnType, row.Length, row.Precision, row.Scale, row.TimePrecision, row.Name);
        // EXTRA says VIRTUAL GENERATED or STORED GENERATED (MariaDB's PERSISTENT reads as STORED), and
        // GENERATION_EXPRESSION holds the expression (https://mariadb.com/kb/en/information-schema-columns-table/).
        var generated = row.Extra.Contains("GENERATED", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(row.Generation)
            && !row.Extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase);
        return new Column(row.Name, type, row.Nullable, primaryKey.Contains(row.Name),
            identity: row.Extra.Contains("auto_increment", StringComparison.OrdinalIgnoreCase),
            serverDefault: generated ? null : ServerDefault(row),
            computed: generated ? row.Generation : null,
            stored: generated && !row.Extra.Contains("VIRTUAL", StringComparison.OrdinalIgnoreCase),
            comment: string.IsNullOrEmpty(row.Comment) ? null : row.Comment,
            // Only a collation that differs from the table's is the column's own.
            collation: json || row.Collation == table.Collation ? null : row.Collation);
    }

    // An index MySQL made to back a foreign key carries the key's name and columns.
    private static bool IsForeignKeyIndex(IGrouping<(string Table, string Name), IndexRow> index, List<ForeignKey> foreignKeys) =>
        index.First().NonUnique && foreignKeys.Any(k => k.Name == index.Key.Name && k.Columns.SequenceEqual(index.Select(i => i.Column)));

    private ForeignKey ForeignKey(string table, string name)
    {
        var columns = _keyColumns[(table, name)].ToList();
        var rule = _rules.GetValueOrDefault((table, name));
        var schema = columns[0].ReferencedSchema == catalog.Database ? null : columns[0].ReferencedSchema;
        return new ForeignKey(name, columns.Select(c => c.Column).ToList(), columns[0].ReferencedTable!,
            columns.Select(c => c.ReferencedColumn!).ToList(), Action(rule?.DeleteRule), Action(rule?.UpdateRule), referencedSchema: schema);
    }

    // InnoDB treats RESTRICT and NO ACTION alike, and reports one of them for a key declared without an action.
    private static string? Action(string? rule) => rule is null or "RESTRICT" or "NO ACTION" ? null : rule;

    // MariaDB names a check's table; MySQL does not, its check names being unique in the database. A column-level
    // check on MariaDB is named after its column.
    private CheckConstraint Check(string table, string name)
    {
        var row = _checks[(table, name)].FirstOrDefault() ?? _checks[(null, name)].FirstOrDefault();
        return new CheckConstraint(name, row?.Clause ?? "") { Column = row?.Level == "Column" ? name : null };
    }

    private static string Quoted(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
