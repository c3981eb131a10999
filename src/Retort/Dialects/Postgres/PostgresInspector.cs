using System.Data.Common;
using System.Text.Json;

namespace Retort.Dialects.Postgres;

/// <summary>
/// Reads the tables and views of the connection's current schema from pg_catalog: seven queries, sent as one
/// command, however many tables there are; and the sequences no column owns.
/// </summary>
internal sealed partial class PostgresInspector
{
    /// <summary>How many catalog queries one inspection runs.</summary>
    public const int QueryCount = 7;

    private readonly Dictionary<string, string?> _tables = new(StringComparer.Ordinal);
    private readonly List<(string Table, Column Column)> _columns = [];
    private readonly List<(string Table, Constraint Constraint)> _constraints = [];
    private readonly List<(string Table, TableIndex Index)> _indexes = [];
    private readonly List<View> _views = [];
    private readonly List<Sequence> _sequences = [];
    private string? _schema;

    // The schema read when it is not the current one: its tables are named with it.
    private readonly string? _read;

    private PostgresInspector(string? read) => _read = read;

    /// <summary>
    /// Reads the current schema, or <paramref name="schema"/> (its tables, indexes and views named with it), with the
    /// catalog queries, sent as one command. A foreign key to the current schema's table names no schema either way.
    /// </summary>
    public static Task<DatabaseSchema> ReadAsync(DbConnection connection, IReadOnlyCollection<TableName> exclude, CancellationToken cancellationToken,
        string? schema = null) =>
        ConnectionScope.QueryAsync(connection, new SqlStatement(Sql(schema is null ? "current_schema()" : $"'{schema.Replace("'", "''", StringComparison.Ordinal)}'")), null,
            reader => new PostgresInspector(schema).ReadAsync(reader, exclude, cancellationToken), cancellationToken);

    private async Task<DatabaseSchema> ReadAsync(DbDataReader reader, IReadOnlyCollection<TableName> exclude, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(cancellationToken))
            _schema = Text(reader, 0);
        await NextAsync(reader, r => _tables[r.GetString(0)] = Text(r, 1), cancellationToken);
        await NextAsync(reader, r => _columns.Add((r.GetString(0), ReadColumn(r))), cancellationToken);
        await NextAsync(reader, r => _constraints.Add((r.GetString(0), ReadConstraint(r))), cancellationToken);
        await NextAsync(reader, r => _indexes.Add((r.GetString(0), ReadIndex(r))), cancellationToken);
        await NextAsync(reader, r => _views.Add(new View(new TableName(r.GetString(0), _read), ViewDefinition(r.GetString(1)))), cancellationToken);
        await NextAsync(reader, r => _sequences.Add(new Sequence(r.GetString(0), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetBoolean(6),
            PostgresTypes.FromCatalog(r.GetString(1), null, null))), cancellationToken);
        return Schema(exclude);
    }

    private static async Task NextAsync(DbDataReader reader, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        if (!await reader.NextResultAsync(cancellationToken))
            throw new RetortException("postgresql: the catalog query returned fewer result sets than it asks for");
        while (await reader.ReadAsync(cancellationToken))
            read(reader);
    }

    private DatabaseSchema Schema(IReadOnlyCollection<TableName> exclude)
    {
        bool Excluded(string name) => exclude.Any(e => e.Name == name && (e.Schema ?? _schema) == (_read ?? _schema));
        var columnsOf = _columns.ToLookup(c => c.Table, c => c.Column, StringComparer.Ordinal);
        var constraintsOf = _constraints.ToLookup(c => c.Table, c => c.Constraint, StringComparer.Ordinal);
        var indexesOf = _indexes.ToLookup(i => i.Table, i => i.Index, StringComparer.Ordinal);
        var tables = new List<Table>();
        foreach (var (name, comment) in _tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            // PostgreSQL allows a table without columns; the schema model does not, and there is nothing to compare.
            if (Excluded(name) || !columnsOf[name].Any())
                continue;
            var key = constraintsOf[name].OfType<PrimaryKey>().FirstOrDefault()?.Columns ?? [];
            List<TableElement> elements = [.. columnsOf[name].Select(c => key.Contains(c.Name) ? c with { PrimaryKey = true } : c), .. constraintsOf[name]];
            tables.Add(new Table(new TableName(name, _read), elements, indexesOf[name], comment));
        }
        return new DatabaseSchema(tables, [.. _views.Where(v => !Excluded(v.Name.Name))]) { Sequences = _sequences };
    }

    // relname, attname, format_type, enum name, enum labels, attnotnull, default, attidentity, attgenerated,
    // has an owned sequence, comment, collation.
    private static Column ReadColumn(DbDataReader r)
    {
        var type = PostgresTypes.FromCatalog(r.GetString(2), Text(r, 3), List(Text(r, 4)));
        var serverDefault = Text(r, 6);
        // A serial column is an integer whose default draws from a sequence it owns: read as identity, as Alembic does.
        var serial = r.GetBoolean(9) && serverDefault?.StartsWith("nextval(", StringComparison.Ordinal) == true;
        var identity = Text(r, 7) is { Length: > 0 } || serial;
        // A stored generated column (attgenerated 's', the only kind PostgreSQL 15 has) keeps its expression where a
        // default would be (https://www.postgresql.org/docs/15/catalog-pg-attribute.html).
        var generated = Text(r, 8) is { Length: > 0 };
        return new Column(r.GetString(1), type, nullable: !r.GetBoolean(5), identity: identity && !generated,
            serverDefault: serial || generated ? null : serverDefault, comment: Text(r, 10), collation: Text(r, 11),
            computed: generated ? serverDefault : null, stored: generated);
    }

    // relname, conname, contype, columns, referenced table, its schema, referenced columns, on update, on delete,
    // deferrable, initially deferred, check condition.
    private Constraint ReadConstraint(DbDataReader r)
    {
        var name = r.GetString(1);
        var columns = List(Text(r, 3)) ?? [];
        return r.GetString(2) switch
        {
            "p" => new PrimaryKey(name, columns),
            "u" => new UniqueConstraint(name, columns),
            "c" => new CheckConstraint(name, r.GetString(11)),
            _ => new ForeignKey(name, columns, r.GetString(4), List(Text(r, 6)) ?? [],
                onDelete: Action(r.GetString(8)), onUpdate: Action(r.GetString(7)),
                deferrable: r.GetBoolean(9), initiallyDeferred: r.GetBoolean(10),
                referencedSchema: r.GetString(5) == _schema ? null : r.GetString(5)),
        };
    }

    // NO ACTION is PostgreSQL's default and reads as null, like an action never given.
    private static string? Action(string code) => code switch
    {
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => null,
    };

    // relname, index name, unique, [is expression, column or expression text, descending] per key column, predicate.
    private TableIndex ReadIndex(DbDataReader r)
    {
        using var entries = JsonDocument.Parse(r.GetString(3));
        var columns = entries.RootElement.EnumerateArray()
            .Select(e => e[0].GetBoolean() ? Parenthesized(e[1].GetString()!) : e[1].GetString()!)
            .ToList();
        return new TableIndex(r.GetString(1), r.GetString(0), columns, unique: r.GetBoolean(2), where: Text(r, 4), schema: _read,
            descending: [.. entries.RootElement.EnumerateArray().Select(e => e[2].GetBoolean())]);
    }

    /// <summary>An index expression in the model's form: wrapped in parentheses once.</summary>
    internal static string Parenthesized(string expression) =>
        expression.StartsWith('(') && ClosingParenthesis(expression) == expression.Length - 1 ? expression : $"({expression})";

    private static int ClosingParenthesis(string text)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
                quoted = !quoted;
            else if (!quoted && text[i] == '(')
                depth++;
            else if (!quoted && text[i] == ')' && --depth == 0)
                return i;
        }
        return -1;
    }

    private static string ViewDefinition(string text) => text.Trim().TrimEnd(';').TrimEnd();

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static List<string>? List(string? json)
    {
        if (json is null)
            return null;
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString()!)];
    }
}
