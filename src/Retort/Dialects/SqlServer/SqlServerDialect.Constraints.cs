namespace Retort.Dialects.SqlServer;

public sealed partial class SqlServerDialect
{
    /// <summary>
    /// SQL Server checks a foreign key at once and has no DEFERRABLE; it has no RESTRICT either, and its
    /// NO ACTION does what RESTRICT means, since nothing is deferred
    /// (https://learn.microsoft.com/sql/relational-databases/tables/primary-and-foreign-key-constraints#cascading-referential-integrity).
    /// </summary>
    protected override string ForeignKeyClause(ForeignKey key)
    {
        if (key.Deferrable || key.InitiallyDeferred)
            throw new NotSupportedException($"sqlserver: SQL Server checks foreign keys at once and cannot defer {key.Name ?? "a foreign key"}; drop deferrable");
        return base.ForeignKeyClause(key with { OnDelete = WithoutRestrict(key.OnDelete), OnUpdate = WithoutRestrict(key.OnUpdate) });
    }

    private static string? WithoutRestrict(string? action) => action == "RESTRICT" ? "NO ACTION" : action;
}
