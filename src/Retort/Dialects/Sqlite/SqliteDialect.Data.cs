using Retort.Ops;

namespace Retort.Dialects.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>
    /// Rows as the base writes them, with the parameters that Microsoft.Data.Sqlite would store differently from
    /// the script's literals bound as those literals' text
    /// (https://learn.microsoft.com/dotnet/standard/data/sqlite/types): it binds a Guid as a 16-byte BLOB
    /// (the column is CHAR(36)) and writes a TimeOnly with seven decimals, so online and offline runs would
    /// store different values.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> BulkInsert(BulkInsertOperation operation) =>
        base.BulkInsert(operation)
            .Select(s => s.Parameters is null ? s : s with { Parameters = s.Parameters.Select(AsLiteralText).ToList() })
            .ToList();

    private object? AsLiteralText(object? value) => value is Guid or TimeOnly ? Literal(value)[1..^1] : value;
}
