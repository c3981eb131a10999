using Retort.Ops;

namespace Retort;

/// <summary>
/// Rows that <c>retort verify</c> puts in before a revision's upgrade and looks for after it, so that a data migration is
/// checked on data, not only its schema: the revision's <see cref="Migration.Fixture"/>.
/// </summary>
/// <example>
/// <code>
/// public override DataFixture Fixture => new DataFixture()
///     .Before("users", new { id = 1, name = "Ann Lee" })
///     .After("users", new { id = 1, first_name = "Ann", last_name = "Lee" });
/// </code>
/// </example>
public sealed class DataFixture
{
    private readonly List<BulkInsertOperation> _inserted = [];
    private readonly List<BulkInsertOperation> _expected = [];

    /// <summary>Rows inserted before the upgrade: objects whose properties (or dictionaries whose keys) are the columns.</summary>
    public DataFixture Before(string table, params object[] rows) => Add(_inserted, table, rows);

    /// <summary>
    /// Rows that must be there after the upgrade: each must match one row on every column it gives (a null value matches
    /// NULL); columns it leaves out may hold anything.
    /// </summary>
    public DataFixture After(string table, params object[] rows) => Add(_expected, table, rows);

    /// <summary>The rows to insert before the upgrade, one insert per table call.</summary>
    public IReadOnlyList<BulkInsertOperation> Inserted => _inserted;

    /// <summary>The rows to find after the upgrade.</summary>
    public IReadOnlyList<BulkInsertOperation> Expected => _expected;

    private DataFixture Add(List<BulkInsertOperation> to, string table, object[] rows)
    {
        var recorded = new List<MigrationOperation>();
        new Operations(recorded.Add).BulkInsert(table, rows);
        to.Add((BulkInsertOperation)recorded[0]);
        return this;
    }
}
