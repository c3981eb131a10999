using System.Globalization;
using System.Text.RegularExpressions;

namespace Retort.Dialects.Postgres;

/// <summary>PostgreSQL's type names, both ways: generic types as DDL writes them, and catalog types read back.</summary>
internal static partial class PostgresTypes
{
    /// <summary>A generic type in PostgreSQL's words (enums are named by the dialect, which quotes them).</summary>
    public static string Name(SqlType type) => type.Kind switch
    {
        SqlTypeKind.SmallInteger => "SMALLINT",
        SqlTypeKind.Integer => "INTEGER",
        SqlTypeKind.BigInteger => "BIGINT",
        SqlTypeKind.String => $"VARCHAR({type.Length})",
        SqlTypeKind.Char => $"CHAR({type.Length})",
        SqlTypeKind.Text => "TEXT",
        SqlTypeKind.Boolean => "BOOLEAN",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME WITHOUT TIME ZONE",
        SqlTypeKind.DateTime => "TIMESTAMP WITHOUT TIME ZONE",
        SqlTypeKind.DateTimeOffset => "TIMESTAMP WITH TIME ZONE",
        SqlTypeKind.Numeric => SqlTypeNames.Numeric("NUMERIC", type),
        SqlTypeKind.Float => "REAL",
        SqlTypeKind.Double => "DOUBLE PRECISION",
        // bytea has no length; a maximum would need a CHECK on octet_length, which Retort does not invent.
        SqlTypeKind.Binary => "BYTEA",
        SqlTypeKind.Guid => "UUID",
        // jsonb rather than json: it is what PostgreSQL recommends for stored JSON (indexable, no duplicate keys).
        // https://www.postgresql.org/docs/current/datatype-json.html
        SqlTypeKind.Json => "JSONB",
        _ => type.Name!,
    };

    /// <summary>
    /// A column's type from the catalog: <c>format_type()</c>'s text, mapped to a generic type where one renders
    /// back to exactly that type, else kept as <see cref="SqlTypeKind.Raw"/> (json, citext, arrays, time(3), …).
    /// </summary>
    public static SqlType FromCatalog(string formatted, string? enumName, IReadOnlyList<string>? enumValues)
    {
        if (enumName is not null && enumValues is { Count: > 0 })
            return SqlType.Enum(enumName, [.. enumValues]);
        var sized = Sized().Match(formatted);
        if (sized.Success)
        {
            var first = int.Parse(sized.Groups["first"].Value, CultureInfo.InvariantCulture);
            int? second = sized.Groups["second"].Success ? int.Parse(sized.Groups["second"].Value, CultureInfo.InvariantCulture) : null;
            return sized.Groups["name"].Value switch
            {
                "character varying" when second is null => SqlType.String(first),
                "character" when second is null => SqlType.Char(first),
                "numeric" => SqlType.Numeric(first, second),
                _ => SqlType.Raw(formatted),
            };
        }
        return formatted switch
        {
            "smallint" => SqlType.SmallInteger,
            "integer" => SqlType.Integer,
            "bigint" => SqlType.BigInteger,
            "text" => SqlType.Text,
            "boolean" => SqlType.Boolean,
            "date" => SqlType.Date,
            "time without time zone" => SqlType.Time,
            "timestamp without time zone" => SqlType.DateTime,
            "timestamp with time zone" => SqlType.DateTimeOffset,
            "numeric" => SqlType.Numeric(),
            "real" => SqlType.Float,
            "double precision" => SqlType.Double,
            "bytea" => SqlType.Binary(),
            "uuid" => SqlType.Guid,
            "jsonb" => SqlType.Json,
            _ => SqlType.Raw(formatted),
        };
    }

    [GeneratedRegex(@"^(?<name>character varying|character|numeric)\((?<first>\d+)(,(?<second>\d+))?\)$")]
    private static partial Regex Sized();
}
