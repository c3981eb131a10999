using Retort.Ops;

namespace Retort.Dialects;

/// <summary>
/// What differs between databases: quoting, types, the DDL of each operation, transactions and script syntax.
/// This base class holds the ANSI defaults; each database's folder overrides only what differs.
/// </summary>
public abstract partial class Dialect
{
    /// <summary>The dialect's name as URLs and <c>op.Execute(sql, dialect:)</c> spell it.</summary>
    public abstract string Name { get; }

    /// <summary>Whether DDL runs inside transactions (so a failed run leaves nothing behind).</summary>
    public virtual bool TransactionalDdl => true;

    /// <summary>Starts a transaction in a script.</summary>
    public virtual string BeginTransaction => "BEGIN";

    /// <summary>Ends a transaction in a script.</summary>
    public virtual string CommitTransaction => "COMMIT";

    /// <summary>Ends each statement in a script.</summary>
    public virtual string StatementTerminator => ";";

    /// <summary>A line after each statement in a script that the database's tools need (SQL Server's <c>GO</c>), or null.</summary>
    public virtual string? BatchSeparator => null;

    /// <summary>The dialect for a name: <c>sqlite</c>, <c>postgresql</c>, <c>mysql</c> (also <c>mariadb</c>), <c>sqlserver</c>.</summary>
    public static Dialect ForName(string name) =>
        (DialectId.FromName(name) ?? throw new RetortException($"Unknown dialect '{name}'; Retort knows {DialectId.Known}")).Create();

    private SchemaEcho? _echo;

    /// <summary>What autogenerate counts as no change on this database: the ways it echoes types, defaults and expressions.</summary>
    public SchemaEcho Echo => _echo ??= CreateEcho();

    /// <summary>This database's echo; the ANSI rules unless the dialect knows its database's own.</summary>
    private protected virtual SchemaEcho CreateEcho() => new(this);

    private Bookkeeping? _bookkeeping;

    /// <summary>The SQL Retort needs for its own tables and lock on this database: the version table, the log, the migration lock.</summary>
    public Bookkeeping Bookkeeping => _bookkeeping ??= CreateBookkeeping();

    /// <summary>This database's bookkeeping; the ANSI statements unless the dialect knows its database's own.</summary>
    private protected virtual Bookkeeping CreateBookkeeping() => new(this);

    /// <summary>The database this dialect is for.</summary>
    public DialectId Id => DialectId.FromName(Name)!;

    /// <summary>The statements of one operation; <see cref="NotSupportedException"/>, with why and what to do instead, where the database cannot.</summary>
    public IReadOnlyList<SqlStatement> Render(MigrationOperation operation) => operation switch
    {
        CreateTableOperation o => CreateTable(o),
        DropTableOperation o => DropTable(o),
        RenameTableOperation o => RenameTable(o),
        TableCommentOperation o => TableComment(o),
        AddColumnOperation o => AddColumn(o),
        DropColumnOperation o => DropColumn(o),
        AlterColumnOperation o => AlterColumn(o),
        CreateIndexOperation o => CreateIndex(o),
        DropIndexOperation o => DropIndex(o),
        AddConstraintOperation o => AddConstraint(o),
        DropConstraintOperation o => DropConstraint(o),
        CreateObjectOperation o => CreateObject(o),
        ReplaceObjectOperation o => ReplaceObject(o),
        DropObjectOperation o => DropObject(o),
        CreateSequenceOperation or AlterSequenceOperation or DropSequenceOperation => Sequences.Render(operation),
        ExecuteSqlOperation o => o.Dialect is null || Id.RunsSqlFor(o.Dialect) ? [new SqlStatement(o.Sql)] : [],
        BulkInsertOperation o => BulkInsert(o),
        BatchAlterTableOperation o => BatchAlterTable(o),
        _ => throw new NotSupportedException($"{Name} cannot render {operation.GetType().Name}"),
    };
}
