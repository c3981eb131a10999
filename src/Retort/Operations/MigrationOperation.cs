namespace Retort.Ops;

/// <summary>One schema or data change, as an immutable record that can be rendered, reversed or written as C#.</summary>
public abstract record MigrationOperation;

/// <summary>Runs SQL text as it is.</summary>
/// <param name="Sql">The statement.</param>
public sealed record ExecuteSqlOperation(string Sql) : MigrationOperation;
