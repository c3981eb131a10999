using System.Data.Common;

namespace Retort.Dialects.Postgres;

/// <summary>
/// PostgreSQL (10 and later): transactional DDL, so a whole run commits or leaves nothing behind.
/// </summary>
/// <remarks>
/// <para>What differs from the ANSI defaults of <see cref="Dialect"/>:</para>
/// <list type="bullet">
/// <item>An enum column (<see cref="SqlType.Enum"/>) brings a <c>CREATE TYPE … AS ENUM</c> before the CREATE TABLE,
/// ADD COLUMN or ALTER COLUMN that uses it, written so that it creates the type when it is missing, reuses it
/// when it exists with the same values, and fails when it exists with others. A DROP TABLE or DROP COLUMN whose
/// existing definition used an enum drops the type afterwards unless another column still uses it. See
/// <c>PostgresDialect.Enums.cs</c> for why.</item>
/// <item><c>CREATE INDEX CONCURRENTLY</c> and <c>DROP INDEX CONCURRENTLY</c> are rendered, but PostgreSQL refuses
/// them inside a transaction block: the runner runs such a statement outside the migration's transaction.</item>
/// <item>Functions and procedures are replaced with <c>CREATE OR REPLACE</c>, which keeps grants and
/// dependent objects but cannot change a function's return type; views try the same and fall back to drop and
/// create when their columns shrink or change (PostgresDialect.Objects.cs).
/// https://www.postgresql.org/docs/current/sql-createview.html</item>
/// <item>Strings are standard-conforming (backslashes are plain characters, as they are by default since 9.1 and
/// always from PostgreSQL 19); bytes are hex <c>bytea</c> literals.</item>
/// </list>
/// </remarks>
public sealed partial class PostgresDialect : Dialect
{
    /// <inheritdoc />
    public override string Name => "postgresql";

    private protected override SchemaEcho CreateEcho() => new PostgresEcho(this);
    private protected override Bookkeeping CreateBookkeeping() => new PostgresBookkeeping(this);
    private protected override SqlLiterals CreateLiterals() => new PostgresLiterals();

    /// <inheritdoc />
    protected override IReadOnlySet<string> ReservedWords => PostgresReservedWords.All;

    /// <inheritdoc />
    internal override SqlLexicon Lexicon => PostgresLexicon.Rules;

    /// <inheritdoc />
    public override string TypeName(SqlType type) =>
        type.Kind == SqlTypeKind.Enum ? Quote(type.Name!) : PostgresTypes.Name(type);


    /// <summary>
    /// Reads the tables and views of the connection's current schema (the first existing schema of its
    /// search_path, usually <c>public</c>) from pg_catalog, in six queries sent as one command whatever the
    /// schema's size. Types map back to generic ones where they render to the same type (jsonb to Json, uuid to
    /// Guid); others stay as written (json, citext, int[]). A serial column reads as an identity column without
    /// a default; tables installed by extensions and partitions are left out.
    /// </summary>
    public override Task<DatabaseSchema> InspectAsync(DbConnection connection, IReadOnlyCollection<TableName> exclude,
        CancellationToken cancellationToken) =>
        PostgresInspector.ReadAsync(connection, exclude, cancellationToken);
}
