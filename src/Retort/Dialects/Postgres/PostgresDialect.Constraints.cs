using Retort.Ops;

namespace Retort.Dialects.Postgres;

public sealed partial class PostgresDialect
{
    /// <summary>ADD CONSTRAINT, with <c>NOT VALID</c> for a check or foreign key that leaves existing rows for a later VALIDATE.</summary>
    protected override IReadOnlyList<SqlStatement> AddConstraint(AddConstraintOperation operation) =>
        operation is { NotValid: true, Constraint: CheckConstraint or ForeignKey }
            ? [new($"ALTER TABLE {Quote(operation.Table)} ADD {ConstraintDefinition(operation.Constraint)} NOT VALID")]
            : base.AddConstraint(operation);
}
