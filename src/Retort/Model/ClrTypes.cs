using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retort.Model;

/// <summary>The column type of a property's CLR type, before <c>[MaxLength]</c> and <c>[Precision]</c> refine it.</summary>
internal static class ClrTypes
{
    /// <summary>Without <c>[Precision]</c>, as EF Core does: numeric with no precision is numeric(10, 0) on MySQL and
    /// numeric(18, 0) on SQL Server, which would drop every cent.</summary>
    public static readonly SqlType DefaultDecimal = SqlType.Numeric(18, 2);

    /// <summary>
    /// The type for <paramref name="type"/> (nullable value types unwrapped), or null when no column holds it.
    /// Unsigned integers take the next wider type, so that every value fits.
    /// </summary>
    public static SqlType? For(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            type = Enum.GetUnderlyingType(type);
        if (typeof(JsonNode).IsAssignableFrom(type))
            return SqlType.Json;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => SqlType.Boolean,
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 => SqlType.SmallInteger,
            TypeCode.UInt16 or TypeCode.Int32 => SqlType.Integer,
            TypeCode.UInt32 or TypeCode.Int64 => SqlType.BigInteger,
            TypeCode.UInt64 => SqlType.Numeric(20, 0),
            TypeCode.Decimal => DefaultDecimal,
            TypeCode.Double => SqlType.Double,
            TypeCode.Single => SqlType.Float,
            TypeCode.Char => SqlType.Char(1),
            TypeCode.String => SqlType.Text,
            TypeCode.DateTime => SqlType.DateTime,
            _ when type == typeof(DateTimeOffset) => SqlType.DateTimeOffset,
            _ when type == typeof(DateOnly) => SqlType.Date,
            _ when type == typeof(TimeOnly) => SqlType.Time,
            _ when type == typeof(Guid) => SqlType.Guid,
            _ when type == typeof(byte[]) => SqlType.Binary(),
            _ when type == typeof(JsonDocument) || type == typeof(JsonElement) => SqlType.Json,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="type"/> (unwrapped) is a CLR integer that is not an enum: the kind EF Core numbers by convention.</summary>
    public static bool IsPlainInteger(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return !type.IsEnum && Type.GetTypeCode(type) is TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64;
    }

    private static readonly FrozenDictionary<Type, string> Keywords = new Dictionary<Type, string>
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
        [typeof(ulong)] = "ulong", [typeof(decimal)] = "decimal", [typeof(double)] = "double", [typeof(float)] = "float",
        [typeof(char)] = "char", [typeof(string)] = "string", [typeof(object)] = "object",
    }.ToFrozenDictionary();

    /// <summary>The type as C# writes it: <c>List&lt;string&gt;</c>, <c>TimeSpan?</c>.</summary>
    public static string Display(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Display(inner) + "?";
        if (type.IsArray)
            return Display(type.GetElementType()!) + "[]";
        if (Keywords.TryGetValue(type, out var keyword))
            return keyword;
        if (!type.IsGenericType)
            return type.Name;
        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>";
    }
}
