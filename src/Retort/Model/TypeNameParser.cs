using System.Globalization;
using System.Text.RegularExpressions;

namespace Retort.Model;

/// <summary>
/// Reads <c>[Column(TypeName = ...)]</c>: a type name every database understands the same way becomes the generic
/// <see cref="SqlType"/> (so that it compares equal to what a database reports back), anything else stays
/// <see cref="SqlType.Raw"/> exactly as written.
/// </summary>
/// <remarks>
/// Names that mean different things on different databases stay raw: <c>datetime</c> (SQL Server's legacy type),
/// <c>float</c> (single on MySQL, double on PostgreSQL), <c>timestamp</c> with a precision.
/// <c>json</c> and <c>jsonb</c> both become <see cref="SqlType.Json"/>, which PostgreSQL stores as jsonb.
/// </remarks>
internal static partial class TypeNameParser
{
    public static SqlType Parse(string typeName)
    {
        string text = Spaces().Replace(typeName.Trim(), " ").ToLowerInvariant();
        var sized = Sized().Match(text);
        if (sized.Success)
        {
            int first = int.Parse(sized.Groups["first"].Value, CultureInfo.InvariantCulture);
            int? second = sized.Groups["second"].Success ? int.Parse(sized.Groups["second"].Value, CultureInfo.InvariantCulture) : null;
            SqlType? type = sized.Groups["name"].Value switch
            {
                "varchar" or "character varying" or "nvarchar" when second is null && first > 0 => SqlType.String(first),
                "char" or "character" or "nchar" when second is null && first > 0 => SqlType.Char(first),
                "varbinary" when second is null && first > 0 => SqlType.Binary(first),
                "numeric" or "decimal" => SqlType.Numeric(first, second),
                _ => null,
            };
            return type ?? SqlType.Raw(typeName);
        }
        return text switch
        {
            "smallint" or "int2" => SqlType.SmallInteger,
            "integer" or "int" or "int4" => SqlType.Integer,
            "bigint" or "int8" => SqlType.BigInteger,
            "text" => SqlType.Text,
            "boolean" or "bool" => SqlType.Boolean,
            "date" => SqlType.Date,
            "time" or "time without time zone" => SqlType.Time,
            "timestamp" or "timestamp without time zone" => SqlType.DateTime,
            "timestamptz" or "timestamp with time zone" or "datetimeoffset" => SqlType.DateTimeOffset,
            "numeric" or "decimal" => SqlType.Numeric(),
            "real" or "float4" => SqlType.Float,
            "double precision" or "double" or "float8" => SqlType.Double,
            "bytea" => SqlType.Binary(),
            "uuid" or "uniqueidentifier" => SqlType.Guid,
            "json" or "jsonb" => SqlType.Json,
            _ => SqlType.Raw(typeName),
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<name>[a-z ]+?) ?\( ?(?<first>\d+) ?(, ?(?<second>\d+) ?)?\)$")]
    private static partial Regex Sized();
}
