using Retort.Ops;

namespace Retort;

/// <summary>
/// The <c>op</c> facade that revision files call: each method builds one operation record and hands it
/// on at once, so that operations run in the order the revision calls them.
/// </summary>
public sealed class Operations
{
    private readonly Action<MigrationOperation> _sink;

    /// <summary>Creates a facade that hands each operation to <paramref name="sink"/>.</summary>
    public Operations(Action<MigrationOperation> sink) => _sink = sink;

    /// <summary>
    /// The database name when one revision serves several databases (the <c>multidb</c> template), else null.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>Runs SQL text as it is.</summary>
    /// <example><code>op.Execute("UPDATE users SET name = 'x'");</code></example>
    public void Execute(string sql) => _sink(new ExecuteSqlOperation(sql));
}
