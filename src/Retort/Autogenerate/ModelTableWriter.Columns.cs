using Retort.Dialects;
using Retort.Model;

namespace Retort.Autogenerate;

internal sealed partial class ModelTableWriter
{
    /// <summary>
    /// A column's property: its C# type, the <c>TypeName</c> when the C# type does not say the column type, the attributes
    /// that refine it (<c>MaxLength</c>, <c>Precision</c>), and the type the model reads from all that.
    /// </summary>
    private sealed record PropertyShape(string Clr, bool ValueType, string? TypeName, IReadOnlyList<string> Refinements, SqlType Model);

    // A database's own type is written as its TypeName when the model reads that name back as the same type; a name the
    // model turns into a generic type this database writes otherwise (MariaDB's TIMESTAMP, which the model reads as
    // DateTime, that is DATETIME) gives way to the generic type the database does write so (DateTimeOffset).
    private PropertyShape Shape(Column column)
    {
        var shape = Natural(column.Type);
        if (_dialect.Echo.SameType(shape.Model, column.Type))
            return shape;
        if (GenericTypes.FirstOrDefault(t => _dialect.Echo.SameType(t, column.Type)) is { } generic)
            return Natural(generic);
        var spelt = Named(_dialect.TypeName(column.Type));
        return _dialect.Echo.SameType(spelt.Model, column.Type) ? spelt : shape;
    }

    private static readonly SqlType[] GenericTypes =
    [
        SqlType.Integer, SqlType.BigInteger, SqlType.SmallInteger, SqlType.Boolean, SqlType.Text, SqlType.DateTimeOffset, SqlType.DateTime,
        SqlType.Date, SqlType.Time, SqlType.Double, SqlType.Float, SqlType.Numeric(), SqlType.Binary(), SqlType.Guid, SqlType.Json,
    ];

    private static PropertyShape Natural(SqlType type)
    {
        PropertyShape Plain(string clr, bool valueType, params string[] refinements) => new(clr, valueType, null, refinements, type);
        return type.Kind switch
        {
            SqlTypeKind.SmallInteger => Plain("short", true),
            SqlTypeKind.Integer => Plain("int", true),
            SqlTypeKind.BigInteger => Plain("long", true),
            SqlTypeKind.String => Plain("string", false, $"MaxLength({type.Length})"),
            SqlTypeKind.Char => Named($"char({type.Length})"),
            SqlTypeKind.Text => Plain("string", false),
            SqlTypeKind.Boolean => Plain("bool", true),
            SqlTypeKind.Date => Plain("DateOnly", true),
            SqlTypeKind.Time => Plain("TimeOnly", true),
            SqlTypeKind.DateTime => Plain("DateTime", true),
            SqlTypeKind.DateTimeOffset => Plain("DateTimeOffset", true),
            SqlTypeKind.Numeric when type is { Precision: >= 1, Scale: { } scale } && scale <= type.Precision => Plain("decimal", true, $"Precision({type.Precision}, {scale})"),
            SqlTypeKind.Numeric when type.Precision is { } precision => Named($"numeric({precision})"),
            SqlTypeKind.Numeric => Named("numeric"),
            SqlTypeKind.Float => Plain("float", true),
            SqlTypeKind.Double => Plain("double", true),
            SqlTypeKind.Binary when type.Length is { } length => Plain("byte[]", false, $"MaxLength({length})"),
            SqlTypeKind.Binary => Plain("byte[]", false),
            SqlTypeKind.Guid => Plain("Guid", true),
            SqlTypeKind.Json => Plain("JsonDocument", false),
            SqlTypeKind.Enum => Named(type.Name ?? "text"),
            _ => Named(type.Name!),
        };
    }

    private static PropertyShape Named(string typeName) => new(ClrFor(typeName), IsValueType(ClrFor(typeName)), typeName, [], TypeNameParser.Parse(typeName));

    // The C# type for a database's own type, by the words of its name; the model reads the column type from the
    // TypeName, so this is for the application's sake.
    private static string ClrFor(string typeName)
    {
        var name = typeName.ToLowerInvariant();
        bool Has(string word) => name.Contains(word, StringComparison.Ordinal);
        return name switch
        {
            _ when Has("[]") => "string",
            _ when name.StartsWith("tinyint(1)", StringComparison.Ordinal) || Has("bool") || name is "bit" or "bit(1)" => "bool",
            _ when Has("bigint") || Has("int8") => "long",
            _ when Has("smallint") || Has("tinyint") || Has("int2") => "short",
            _ when Has("int") && !Has("interval") && !Has("point") => "int",
            _ when Has("decimal") || Has("numeric") || Has("money") => "decimal",
            _ when Has("double") || Has("float") || Has("real") => "double",
            _ when Has("timestamptz") || Has("with time zone") || Has("datetimeoffset") => "DateTimeOffset",
            _ when Has("datetime") || Has("timestamp") => "DateTime",
            _ when Has("date") => "DateOnly",
            _ when Has("time") && !Has("interval") => "TimeOnly",
            _ when Has("blob") || Has("binary") || Has("bytea") => "byte[]",
            _ when Has("uuid") || Has("uniqueidentifier") => "Guid",
            _ => "string",
        };
    }

    private static bool IsValueType(string clr) => clr is not ("string" or "byte[]" or "JsonDocument");

    private static bool IsInteger(SqlType type) => type.Kind is SqlTypeKind.SmallInteger or SqlTypeKind.Integer or SqlTypeKind.BigInteger;

    private void Columns(IReadOnlyDictionary<string, PropertyShape> shapes)
    {
        var key = _table.PrimaryKeyColumns;
        foreach (var column in _table.Columns)
        {
            var shape = shapes[column.Name];
            var attributes = new List<string>();
            var keyOrder = IndexOf(key, column.Name);
            if (keyOrder >= 0)
                attributes.Add("Key");
            var columnArguments = new List<string> { Literal(column.Name) };
            if (shape.TypeName is not null)
                columnArguments.Add("TypeName = " + Literal(shape.TypeName));
            if (keyOrder >= 0 && key.Count > 1)
                columnArguments.Add($"Order = {keyOrder}");
            attributes.Add($"Column({string.Join(", ", columnArguments)})");
            attributes.AddRange(shape.Refinements);
            if (Identity(column, shape, key) is { } generated)
                attributes.Add($"DatabaseGenerated(DatabaseGeneratedOption.{generated})");
            if (column.ServerDefault is not null)
                attributes.Add($"ServerDefault({Literal(column.ServerDefault)})");
            if (column.Computed is not null)
                attributes.Add($"Computed({Literal(column.Computed)}{(column.Stored ? ", Stored = true" : "")})");
            if (column.Comment is not null)
                attributes.Add($"Comment({Literal(column.Comment)})");
            if (column.Collation is not null)
                _gaps.Add($"column {_table.Name}.{column.Name} has collation {column.Collation}, which the model cannot say (autogenerate does not compare collations)");
            if (column.Type.Kind == SqlTypeKind.Enum && _dialect.Echo.EnumsAreTypes)
                _gaps.Add($"column {_table.Name}.{column.Name} is an enum ({string.Join(", ", column.Type.Values.Select(v => "'" + v + "'"))}), whose values " +
                    $"the model cannot declare: its property names the type (TypeName = \"{shape.TypeName}\"), which a database made from the model must have");
            _columnAttributes[column.Name].InsertRange(0, attributes);
        }
    }

    // The model numbers a single short, int or long key without a default or foreign key by convention: the attribute is
    // written where the database says otherwise, and for SQLite's AUTOINCREMENT, which the convention's plain rowid is not.
    private string? Identity(Column column, PropertyShape shape, IReadOnlyList<string> key)
    {
        var conventional = key is [var only] && only == column.Name && shape.Clr is "short" or "int" or "long" && IsInteger(shape.Model)
            && column.ServerDefault is null && column.Computed is null && !_foreignKeyColumns.Contains(column.Name);
        if (!column.Identity)
            return conventional ? "None" : null;
        if (conventional && (column.IdentityUnstated || _dialect.Id != DialectId.Sqlite))
            return null;
        if (IsInteger(shape.Model))
            return "Identity";
        _gaps.Add($"column {_table.Name}.{column.Name} is numbered by the database, which the model can say only of smallint, integer and bigint columns");
        return null;
    }
}
