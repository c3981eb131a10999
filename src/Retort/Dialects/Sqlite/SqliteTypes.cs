namespace Retort.Dialects.Sqlite;

/// <summary>SQLite's type names. SQLite keeps the declared name and derives an affinity from it, so the names stay readable.</summary>
internal static class SqliteTypes
{
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
        SqlTypeKind.Time => "TIME",
        SqlTypeKind.DateTime => "DATETIME",
        SqlTypeKind.DateTimeOffset => "DATETIMEOFFSET",
        SqlTypeKind.Numeric => Numeric(type),
        SqlTypeKind.Float => "FLOAT",
        SqlTypeKind.Double => "DOUBLE",
        SqlTypeKind.Binary => "BLOB",
        SqlTypeKind.Guid => "CHAR(36)",
        SqlTypeKind.Json => "JSON",
        SqlTypeKind.Enum => $"VARCHAR({type.Values.Max(v => v.Length)})",
        _ => type.Name!,
    };

    private static string Numeric(SqlType type) =>
        type.Precision is null ? "NUMERIC" : type.Scale is null ? $"NUMERIC({type.Precision})" : $"NUMERIC({type.Precision}, {type.Scale})";
}
