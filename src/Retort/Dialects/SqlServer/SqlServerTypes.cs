namespace Retort.Dialects.SqlServer;

/// <summary>SQL Server's type names.</summary>
internal static class SqlServerTypes
{
    public static string Name(SqlType type) => type.Kind switch
    {
        SqlTypeKind.SmallInteger => "SMALLINT",
        SqlTypeKind.Integer => "INT",
        SqlTypeKind.BigInteger => "BIGINT",
        SqlTypeKind.String => $"NVARCHAR({type.Length})",
        SqlTypeKind.Char => $"NCHAR({type.Length})",
        SqlTypeKind.Text => "NVARCHAR(max)",
        SqlTypeKind.Boolean => "BIT",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME",
        SqlTypeKind.DateTime => "DATETIME2",
        SqlTypeKind.DateTimeOffset => "DATETIMEOFFSET",
        SqlTypeKind.Numeric => type.Precision is null ? "NUMERIC" : type.Scale is null ? $"NUMERIC({type.Precision})" : $"NUMERIC({type.Precision}, {type.Scale})",
        SqlTypeKind.Float => "REAL",
        SqlTypeKind.Double => "FLOAT",
        SqlTypeKind.Binary => type.Length is null ? "VARBINARY(max)" : $"VARBINARY({type.Length})",
        SqlTypeKind.Guid => "UNIQUEIDENTIFIER",
        SqlTypeKind.Json => "NVARCHAR(max)",
        SqlTypeKind.Enum => $"NVARCHAR({type.Values.Max(v => v.Length)})",
        _ => type.Name!,
    };
}
