using Retort.Ops;

namespace Retort.Dialects.SqlServer;

public sealed partial class SqlServerDialect
{
    /// <summary>CREATE OR ALTER keeps the object's permissions, where dropping it would not (SQL Server 2016 SP1+).</summary>
    protected override IReadOnlyList<SqlStatement> ReplaceObject(ReplaceObjectOperation operation) =>
        [new(ObjectDefinition("CREATE OR ALTER", operation.Kind, operation.Name, operation.Definition))];
}
