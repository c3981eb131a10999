using Retort.Ops;

namespace Retort.Dialects.SqlServer;

public sealed partial class SqlServerDialect
{
    /// <summary>CREATE OR ALTER keeps the object's permissions, where dropping it would not (SQL Server 2016 SP1+).</summary>
    protected override IReadOnlyList<SqlStatement> ReplaceObject(ReplaceObjectOperation operation) =>
        [new(ObjectDefinition("CREATE OR ALTER", operation.Kind, operation.Name, operation.Definition))];

    /// <summary>ALTER SEQUENCE changes neither type nor start in place: RESTART WITH would also reset the counter.</summary>
    private protected override SequenceSql Sequences => new(this, alterType: false, alterStart: false);
}
