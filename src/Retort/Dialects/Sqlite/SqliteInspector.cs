using System.Data.Common;

namespace Retort.Dialects.Sqlite;

/// <summary>
/// Reads a SQLite database's schema with ONE command of three queries, however many tables there are:
/// sqlite_master (tables, views, indexes and their DDL), and the pragma table-valued functions
/// (https://www.sqlite.org/pragma.html#pragfunc) pragma_table_xinfo (which, unlike pragma_table_info, lists generated
/// columns: hidden 2 is a virtual one, 3 a stored one) and pragma_foreign_key_list joined to it.
/// What the pragmas do not report (constraint names, CHECKs, AUTOINCREMENT, collations, deferral, index
/// expressions and WHERE clauses, generated columns' expressions) is read from the DDL. Only the main database is read.
/// </summary>
internal sealed class SqliteInspector
{
    /// <summary>The catalog queries, run as one command.</summary>
    internal const string Queries = """
        SELECT type, name, tbl_name, sql FROM sqlite_master
        WHERE type IN ('table', 'view', 'index') AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name;
        SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
        FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND p.hidden IN (0, 2, 3) ORDER BY m.name, p.cid;
        SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
        FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY m.name, f.id, f.seq
        """;

    private sealed record SchemaObject(string Type, string Name, string Table, string? Sql);

    private sealed record ColumnRow(string Table, string Name, string Type, bool NotNull, string? Default, int Key, int Hidden);

    private sealed record ForeignKeyRow(string Table, long Id, string Referenced, string From, string? To, string OnUpdate, string OnDelete);

    private readonly List<SchemaObject> _objects = [];
    private readonly List<ColumnRow> _columns = [];
    private readonly List<ForeignKeyRow> _keys = [];

    /// <summary>Reads the schema; inside a run, <paramref name="transaction"/> is the run's, which Microsoft.Data.Sqlite requires on every command.</summary>
    public static Task<DatabaseSchema> ReadAsync(DbConnection connection, IReadOnlyCollection<TableName> exclude, CancellationToken cancellationToken,
        DbTransaction? transaction = null) =>
        ConnectionScope.QueryAsync(connection, new SqlStatement(Queries), transaction,
            reader => new SqliteInspector().ReadAsync(reader, exclude, cancellationToken), cancellationToken);

    private async Task<DatabaseSchema> ReadAsync(DbDataReader reader, IReadOnlyCollection<TableName> exclude, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
            _objects.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3)));
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            _columns.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0, Text(reader, 4), reader.GetInt32(5), reader.GetInt32(6)));
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            _keys.Add(new(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), reader.GetString(5), reader.GetString(6)));
        return Schema(exclude);
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private DatabaseSchema Schema(IReadOnlyCollection<TableName> exclude)
    {
        // SQLite compares names without regard to ASCII case.
        var excluded = exclude.Where(t => t.Schema is null or "main").Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var columns = _columns.ToLookup(c => c.Table, StringComparer.OrdinalIgnoreCase);
        var keys = _keys.ToLookup(k => k.Table, StringComparer.OrdinalIgnoreCase);
        var indexes = _objects.Where(o => o.Type == "index" && o.Sql is not null).ToLookup(o => o.Table, StringComparer.OrdinalIgnoreCase);
        var tables = _objects.Where(o => o.Type == "table" && !excluded.Contains(o.Name))
            .Select(o => BuildTable(o, columns, keys[o.Name], indexes[o.Name]))
            .ToList();
        var views = _objects.Where(o => o.Type == "view" && o.Sql is not null)
            .Select(o => new View(new TableName(o.Name), SqliteDdl.ViewDefinition(o.Sql!)))
            .ToList();
        return new DatabaseSchema(tables, views);
    }

    private static Table BuildTable(SchemaObject table, ILookup<string, ColumnRow> allColumns, IEnumerable<ForeignKeyRow> keyRows, IEnumerable<SchemaObject> indexRows)
    {
        var ddl = SqliteDdl.ParseTable(table.Sql ?? "");
        var rows = allColumns[table.Name].ToList();
        var elements = new List<TableElement>();
        var withoutRowid = table.Sql?.TrimEnd().TrimEnd(';').TrimEnd().EndsWith("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase) == true;
        var singleKey = rows.Count(r => r.Key > 0) == 1;
        foreach (var row in rows)
        {
            var identity = string.Equals(ddl.AutoincrementColumn, row.Name, StringComparison.OrdinalIgnoreCase);
            // pragma_table_info reports the NOT NULL that was written, but an INTEGER PRIMARY KEY is the rowid, which
            // cannot be NULL, and so is every key column of a WITHOUT ROWID table
            // (https://www.sqlite.org/lang_createtable.html#rowids_and_the_integer_primary_key).
            var rowid = row.Key > 0 && !withoutRowid && singleKey && string.Equals(row.Type, "INTEGER", StringComparison.OrdinalIgnoreCase);
            var notNull = row.NotNull || rowid || row.Key > 0 && withoutRowid;
            var computed = row.Hidden is 2 or 3 ? ddl.Generated.GetValueOrDefault(row.Name) : null;
            elements.Add(new Column(row.Name, SqliteTypes.FromDeclared(row.Type), nullable: !notNull, primaryKey: row.Key > 0,
                identity: identity, serverDefault: computed is null ? row.Default : null, collation: ddl.Collations.GetValueOrDefault(row.Name),
                computed: computed, stored: row.Hidden == 3)
            {
                // The rowid is numbered by SQLite without AUTOINCREMENT, as a key numbered by convention is.
                Identity = identity || rowid,
                IdentityUnstated = !identity && rowid,
            });
        }
        var keyColumns = rows.Where(r => r.Key > 0).OrderBy(r => r.Key).Select(r => r.Name).ToArray();
        if (ddl.PrimaryKeyName is not null && keyColumns.Length > 0)
            elements.Add(new PrimaryKey(ddl.PrimaryKeyName, keyColumns));
        // Foreign keys come from the pragma (which resolves their targets), in the DDL's order and with its names.
        var foreignKeys = keyRows.GroupBy(k => k.Id).Select(k => k.ToList()).ToList();
        foreach (var constraint in ddl.Constraints)
        {
            if (constraint is not SqliteForeignKeyDdl written)
                elements.Add((Constraint)constraint);
            else if (foreignKeys.FirstOrDefault(k => k.Select(r => r.From).SequenceEqual(written.Columns, StringComparer.OrdinalIgnoreCase)) is { } key)
            {
                elements.Add(ForeignKeyOf(key, written, allColumns));
                foreignKeys.Remove(key);
            }
        }
        elements.AddRange(foreignKeys.Select(key => ForeignKeyOf(key, null, allColumns)));
        var indexes = indexRows.Select(index =>
        {
            var (unique, indexColumns, where, descending) = SqliteDdl.ParseIndex(index.Sql!);
            return new TableIndex(index.Name, table.Name, indexColumns, unique, where, descending: descending);
        });
        return new Table(new TableName(table.Name), elements, indexes);
    }

    private static ForeignKey ForeignKeyOf(List<ForeignKeyRow> key, SqliteForeignKeyDdl? written, ILookup<string, ColumnRow> allColumns)
    {
        var from = key.Select(k => k.From).ToList();
        var referenced = key[0].Referenced;
        // A foreign key that names no columns refers to the parent's primary key.
        var to = key.All(k => k.To is not null)
            ? key.Select(k => k.To!).ToList()
            : allColumns[referenced].Where(r => r.Key > 0).OrderBy(r => r.Key).Select(r => r.Name).ToList() is { Count: > 0 } parentKey ? parentKey : from;
        return new ForeignKey(written?.Name, from, referenced, to, Action(key[0].OnDelete), Action(key[0].OnUpdate),
            written?.Deferrable ?? false, written?.InitiallyDeferred ?? false);
    }

    // NO ACTION is what SQLite reports when the DDL says nothing, and what it does then.
    private static string? Action(string action) => action == "NO ACTION" ? null : action;
}
