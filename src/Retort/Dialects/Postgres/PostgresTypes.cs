namespace Retort.Dialects.Postgres;

/// <summary>PostgreSQL's type names.</summary>
internal static class PostgresTypes
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
        SqlTypeKind.Time => "TIME WITHOUT TIME ZONE",
        SqlTypeKind.DateTime => "TIMESTAMP WITHOUT TIME ZONE",
        SqlTypeKind.DateTimeOffset => "TIMESTAMP WITH TIME ZONE",
        SqlTypeKind.Numeric => type.Precision is null ? "NUMERIC" : type.Scale is null ? $"NUMERIC({type.Precision})" : $"NUMERIC({type.Precision}, {type.Scale})",
        SqlTypeKind.Float => "REAL",
        SqlTypeKind.Double => "DOUBLE PRECISION",
        SqlTypeKind.Binary => "BYTEA",
        SqlTypeKind.Guid => "UUID",
        SqlTypeKind.Json => "JSONB",
        SqlTypeKind.Enum => type.Name!,
        _ => type.Name!,
    };
}
