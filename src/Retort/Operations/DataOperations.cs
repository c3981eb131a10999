namespace Retort.Ops;

/// <summary>Runs SQL text as it is; with <paramref name="Dialect"/>, only on that database (<c>sqlite</c>, <c>postgresql</c>, <c>mysql</c>, <c>sqlserver</c>).</summary>
public sealed record ExecuteSqlOperation(string Sql, string? Dialect = null) : MigrationOperation;

/// <summary>Inserts rows: values go through parameters online and become literals offline.</summary>
public sealed record BulkInsertOperation(TableName Table, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows) : MigrationOperation;
