namespace Retort.Dialects.MySql;

/// <summary>MySQL's and MariaDB's type names.</summary>
internal static class MySqlTypes
{
    public static string Name(SqlType type, bool mariaDb) => type.Kind switch
    {
        SqlTypeKind.SmallInteger => "SMALLINT",
        SqlTypeKind.Integer => "INTEGER",
        SqlTypeKind.BigInteger => "BIGINT",
        SqlTypeKind.String => $"VARCHAR({type.Length})",
        SqlTypeKind.Char => $"CHAR({type.Length})",
        SqlTypeKind.Text => "TEXT",
        SqlTypeKind.Boolean => "BOOL",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME(6)",
        SqlTypeKind.DateTime => "DATETIME(6)",
        SqlTypeKind.DateTimeOffset => "TIMESTAMP(6)",
        SqlTypeKind.Numeric => type.Precision is null ? "NUMERIC" : type.Scale is null ? $"NUMERIC({type.Precision})" : $"NUMERIC({type.Precision}, {type.Scale})",
        SqlTypeKind.Float => "FLOAT",
        SqlTypeKind.Double => "DOUBLE",
        SqlTypeKind.Binary => type.Length is null ? "BLOB" : $"VARBINARY({type.Length})",
        SqlTypeKind.Guid => mariaDb ? "UUID" : "CHAR(36)",
        SqlTypeKind.Json => "JSON",
        SqlTypeKind.Enum => "ENUM(" + string.Join(", ", type.Values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")",
        _ => type.Name!,
    };
}
