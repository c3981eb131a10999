using Retort.Dialects;
using Retort.Dialects.MySql;
using Retort.Dialects.Postgres;
using Retort.Dialects.Sqlite;
using Retort.EntityFrameworkCore.Probe;
using Retort.Model;

namespace Retort.EntityFrameworkCore;

/// <summary>
/// The probe's tables as Retort's schema, with EF's names and column order. Store types become the
/// <see cref="SqlType"/> the dialect's inspector reads back for the same declaration, so that a database EF created
/// compares equal.
/// </summary>
internal static partial class SchemaConversion
{
    public static DatabaseSchema ToSchema(ProbeModel model, DialectId dialect)
    {
        var indexes = model.Indexes.ToLookup(i => (i.Table, i.Schema));
        var tables = model.Tables.Select(t => Table(t, indexes[(t.Name, t.Schema)], dialect)).ToList();
        return new DatabaseSchema(tables, []) { Sequences = [.. model.Sequences.Select(Sequence)] };
    }

    // EF names the sequence's CLR type (HasSequence<int>: Int32); bigint, the default everywhere, is none.
    private static Sequence Sequence(ProbeSequence sequence) =>
        new(sequence.Name, sequence.StartValue, sequence.IncrementBy, sequence.MinValue, sequence.MaxValue, sequence.Cyclic, sequence.StoreType switch
        {
            "Int32" => SqlType.Integer,
            "Int16" or "Byte" => SqlType.SmallInteger,
            "Decimal" => SqlType.Numeric(),
            _ => null,
        }, sequence.Schema);

    private static Table Table(ProbeTable table, IEnumerable<ProbeIndex> indexes, DialectId dialect)
    {
        // SQLite keeps no comments; the inspector reads none back.
        var comments = dialect != DialectId.Sqlite;
        List<TableElement> elements =
        [
            .. table.Columns.Select(c => Column(c, dialect, comments)),
        ];
        if (table.PrimaryKey is { } key)
            elements.Add(new PrimaryKey(key.Name, key.Columns));
        elements.AddRange(table.UniqueConstraints.Select(u => new UniqueConstraint(u.Name, u.Columns)));
        elements.AddRange(table.ForeignKeys.Select(f => new ForeignKey(f.Name, f.Columns, f.PrincipalTable, f.PrincipalColumns,
            Action(f.OnDelete), Action(f.OnUpdate), referencedSchema: f.PrincipalSchema)));
        elements.AddRange(table.CheckConstraints.Select(c => new CheckConstraint(c.Name, c.Sql)));
        return new Table(new TableName(table.Name, table.Schema), elements, indexes.Select(Index), comments ? table.Comment : null)
        {
            RenamedFrom = table.RenamedFrom,
        };
    }

    // EF's SQLite generator writes a computed column as its name and expression alone, without type or NOT NULL
    // ("TotalWithTax" AS (...) STORED), so it reads back untyped and nullable; the model says the same.
    private static Column Column(ProbeColumn column, DialectId dialect, bool comments)
    {
        var bare = column.ComputedSql is not null && dialect == DialectId.Sqlite;
        return new(column.Name, Type(bare ? "" : column.StoreType, dialect), column.Nullable || bare,
            identity: column.ComputedSql is null && column.Identity,
            serverDefault: column.ComputedSql is null ? column.DefaultSql ?? column.DefaultValue : null, comment: comments ? column.Comment : null, collation: column.Collation,
            // EF's HasComputedColumnSql(sql, stored): a generated column, virtual unless stored is true.
            computed: column.ComputedSql, stored: column.Stored == true)
        {
            RenamedFrom = column.RenamedFrom,
        };
    }

    private static TableIndex Index(ProbeIndex index) =>
        new(index.Name, index.Table, index.Columns, index.Unique, index.Filter, index.Schema, index.Descending);

    // EF's ReferentialAction names; NoAction is every database's default, which the inspectors read as none.
    private static string? Action(string action) => action switch
    {
        "Cascade" => "CASCADE",
        "SetNull" => "SET NULL",
        "SetDefault" => "SET DEFAULT",
        "Restrict" => "RESTRICT",
        _ => null,
    };

    /// <summary>The type the dialect's inspector reads for a column declared <paramref name="storeType"/>.</summary>
    public static SqlType Type(string storeType, DialectId dialect)
    {
        if (dialect == DialectId.Sqlite)
            return SqliteTypes.FromDeclared(storeType);
        if (dialect == DialectId.Postgres)
            return PostgresTypes.FromCatalog(storeType, null, null) is { Kind: SqlTypeKind.Raw } raw ? Generic(storeType) ?? raw : PostgresTypes.FromCatalog(storeType, null, null);
        if (dialect == DialectId.MySql || dialect == DialectId.MariaDb)
            return MySql(storeType);
        return TypeNameParser.Parse(storeType);
    }

    // A MySQL store type (Pomelo's "varchar(100)", "datetime(6)", "decimal(18,2)") split into the pieces
    // information_schema.COLUMNS gives the inspector.
    private static SqlType MySql(string storeType)
    {
        var match = StoreType().Match(storeType.Trim());
        if (!match.Success)
            return SqlType.Raw(storeType);
        var numbers = match.Groups["arguments"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => long.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (long?)null).ToList();
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var first = numbers.ElementAtOrDefault(0);
        long? timePrecision = name is "datetime" or "time" or "timestamp" ? first ?? 0 : null;
        return MySqlTypes.FromCatalog(name, storeType, name is "varchar" or "char" or "varbinary" ? first : null,
            name == "decimal" ? first : null, name == "decimal" ? numbers.ElementAtOrDefault(1) ?? 0 : null, timePrecision, "");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<name>[A-Za-z]+)\s*(?:\((?<arguments>[^)]*)\))?")]
    private static partial System.Text.RegularExpressions.Regex StoreType();

    // PostgreSQL type names EF writes in a short form (varchar(n), timestamptz) that format_type() spells out.
    private static SqlType? Generic(string storeType) => TypeNameParser.Parse(storeType) is { Kind: not SqlTypeKind.Raw } type ? type : null;
}
