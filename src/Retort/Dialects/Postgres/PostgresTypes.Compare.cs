using System.Text.RegularExpressions;

namespace Retort.Dialects.Postgres;

internal static partial class PostgresTypes
{
    /// <summary>
    /// A type name in <c>format_type()</c>'s spelling, so that the synonyms PostgreSQL accepts compare equal:
    /// <c>int4</c>, <c>int</c> and <c>serial</c> are <c>integer</c>, <c>varchar(n)</c> is <c>character varying(n)</c>,
    /// <c>timestamptz(3)</c> is <c>timestamp(3) with time zone</c>, <c>numeric(10)</c> is <c>numeric(10,0)</c>, arrays alike.
    /// </summary>
    public static string Canonical(string typeName)
    {
        var text = SqlTypeNames.Tidy(typeName);
        var dimensions = "";
        while (text.EndsWith("[]", StringComparison.Ordinal))
        {
            dimensions += "[]";
            text = text[..^2];
        }
        var args = Arguments().Match(text);
        var word = args.Success ? text[..args.Index] : text;
        var arguments = args.Success ? args.Value : "";
        var rest = args.Success ? text[(args.Index + args.Length)..].Trim() : "";
        var canonical = (word, rest) switch
        {
            ("int" or "int4" or "integer" or "serial" or "serial4", "") => "integer",
            ("int2" or "smallint" or "smallserial" or "serial2", "") => "smallint",
            ("int8" or "bigint" or "bigserial" or "serial8", "") => "bigint",
            ("bool" or "boolean", "") => "boolean",
            ("float4" or "real", "") => "real",
            ("float8" or "double precision", "") => "double precision",
            ("float", "") => arguments.Length > 0 && int.TryParse(arguments[1..^1], out var bits) && bits <= 24 ? "real" : "double precision",
            // Without a length it holds any text, as text does (https://www.postgresql.org/docs/current/datatype-character.html).
            ("varchar" or "character varying" or "char varying", "") => arguments.Length > 0 ? "character varying" + arguments : "text",
            ("char" or "character" or "bpchar", "") => "character" + (arguments.Length > 0 ? arguments : "(1)"),
            ("decimal" or "numeric", "") => "numeric" + (arguments.Length > 0 && !arguments.Contains(',') ? arguments[..^1] + ",0)" : arguments),
            // Six digits of fractions are what a time keeps when no precision is given.
            ("timestamp", "" or "without time zone") or ("timestamp without time zone", "") => "timestamp" + Fraction(arguments) + " without time zone",
            ("timestamptz", "") or ("timestamp", "with time zone") or ("timestamp with time zone", "") => "timestamp" + Fraction(arguments) + " with time zone",
            ("time", "" or "without time zone") or ("time without time zone", "") => "time" + Fraction(arguments) + " without time zone",
            ("timetz", "") or ("time", "with time zone") or ("time with time zone", "") => "time" + Fraction(arguments) + " with time zone",
            _ => text,
        };
        return canonical + dimensions;
    }

    private static string Fraction(string arguments) => arguments == "(6)" ? "" : arguments;

    [GeneratedRegex(@"\([\d,]*\)")]
    private static partial Regex Arguments();
}
