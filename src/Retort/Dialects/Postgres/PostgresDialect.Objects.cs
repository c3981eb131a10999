using Retort.Ops;

namespace Retort.Dialects.Postgres;

public sealed partial class PostgresDialect
{
    /// <summary>
    /// Replaces a view with <c>CREATE OR REPLACE</c>, which keeps its grants and dependants, and falls back to
    /// drop and create when PostgreSQL refuses because columns were removed, renamed or retyped (SQLSTATE 42P16),
    /// as the downgrade of a view that gained a column always does.
    /// https://www.postgresql.org/docs/current/sql-createview.html
    /// </summary>
    protected override IReadOnlyList<SqlStatement> ReplaceObject(ReplaceObjectOperation operation)
    {
        if (operation.Kind != ObjectKind.View)
            return base.ReplaceObject(operation);
        if (operation.Definition.Contains("$retort$", StringComparison.Ordinal))
            throw new NotSupportedException($"postgresql: the definition of view {operation.Name} contains $retort$, which Retort uses to quote it; replace the view with op.DropView and op.CreateView");
        var name = Quote(operation.Name);
        return [new(
            "DO $retort$ BEGIN\n" +
            $"    CREATE OR REPLACE VIEW {name} AS {operation.Definition};\n" +
            "EXCEPTION WHEN invalid_table_definition THEN\n" +
            $"    DROP VIEW {name};\n" +
            $"    CREATE VIEW {name} AS {operation.Definition};\n" +
            "END $retort$")];
    }
}
