using Retort.Ops;

namespace Retort.Dialects.Postgres;

public sealed partial class PostgresDialect
{
    /// <summary>CREATE TABLE after the enum types its columns use; comments follow as COMMENT ON statements.</summary>
    protected override IReadOnlyList<SqlStatement> CreateTable(CreateTableOperation operation) =>
        [.. EnumsOf(operation.Table.Columns).Select(t => CreateEnumType(t, operation.Table.Name)), .. base.CreateTable(operation)];

    /// <summary>
    /// DROP TABLE, then, when the existing definition is known, the drop of each enum type it used that no other
    /// column still uses, so that upgrading again can create them.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> DropTable(DropTableOperation operation) =>
        [.. base.DropTable(operation), .. EnumsOf(operation.Existing?.Columns ?? []).Select(t => DropEnumType(t, operation.Table))];
}
