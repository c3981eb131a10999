namespace Retort.Dialects.SqlServer;

/// <summary>
/// SQL Server's type names: Unicode strings (NVARCHAR), and (max) past the longest fixed length a column
/// can declare, 4000 characters or 8000 bytes (https://learn.microsoft.com/sql/t-sql/data-types/nchar-and-nvarchar-transact-sql).
/// </summary>
internal static class SqlServerTypes
{
    private const int MaxCharacters = 4000;
    private const int MaxBytes = 8000;

    public static string Name(SqlType type) => type.Kind switch
    {
        SqlTypeKind.SmallInteger => "SMALLINT",
        SqlTypeKind.Integer => "INT",
        SqlTypeKind.BigInteger => "BIGINT",
        SqlTypeKind.String => type.Length > MaxCharacters ? "NVARCHAR(max)" : $"NVARCHAR({type.Length})",
        SqlTypeKind.Char => type.Length > MaxCharacters
            ? throw new NotSupportedException($"sqlserver: NCHAR holds at most {MaxCharacters} characters, not {type.Length}; use SqlType.String or SqlType.Text")
            : $"NCHAR({type.Length})",
        SqlTypeKind.Text => "NVARCHAR(max)",
        SqlTypeKind.Boolean => "BIT",
        SqlTypeKind.Date => "DATE",
        SqlTypeKind.Time => "TIME",
        SqlTypeKind.DateTime => "DATETIME2",
        SqlTypeKind.DateTimeOffset => "DATETIMEOFFSET",
        SqlTypeKind.Numeric => SqlTypeNames.Numeric("NUMERIC", type),
        SqlTypeKind.Float => "REAL",
        SqlTypeKind.Double => "FLOAT",
        SqlTypeKind.Binary => type.Length is null || type.Length > MaxBytes ? "VARBINARY(max)" : $"VARBINARY({type.Length})",
        SqlTypeKind.Guid => "UNIQUEIDENTIFIER",
        SqlTypeKind.Json => "NVARCHAR(max)",
        SqlTypeKind.Enum => Name(SqlType.String(Math.Max(1, type.Values.Max(v => v.Length)))),
        _ => type.Name!,
    };
}
