using Retort.Ops;

namespace Retort.Dialects.MySql;

public sealed partial class MySqlDialect
{
    /// <summary>
    /// A constraint. A primary key is written without its name: MySQL names every primary key PRIMARY and
    /// ignores any other (https://dev.mysql.com/doc/refman/8.0/en/create-table.html#create-table-indexes-keys).
    /// </summary>
    protected override string ConstraintDefinition(Constraint constraint) =>
        constraint is PrimaryKey key ? $"PRIMARY KEY ({QuoteList(key.Columns)})" : base.ConstraintDefinition(constraint);

    /// <summary>
    /// A foreign key. InnoDB checks keys at once (no DEFERRABLE) and rejects SET DEFAULT:
    /// https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html#foreign-key-referential-actions
    /// </summary>
    protected override string ForeignKeyClause(ForeignKey key)
    {
        if (key.Deferrable || key.InitiallyDeferred)
            throw new NotSupportedException($"{Name}: foreign key {key.Name} cannot be deferrable; MySQL checks foreign keys at once, so drop deferrable/initiallyDeferred for this database");
        if (key.OnDelete == "SET DEFAULT" || key.OnUpdate == "SET DEFAULT")
            throw new NotSupportedException($"{Name}: foreign key {key.Name} cannot use SET DEFAULT, which InnoDB rejects; use SET NULL, CASCADE or RESTRICT");
        return base.ForeignKeyClause(key);
    }

    /// <summary>ADD PRIMARY KEY, or ADD CONSTRAINT for the other kinds.</summary>
    protected override IReadOnlyList<SqlStatement> AddConstraint(AddConstraintOperation operation) =>
        [new($"ALTER TABLE {Quote(operation.Table)} ADD {ConstraintDefinition(operation.Constraint)}")];

    /// <summary>
    /// Drops a constraint with the words of its kind: MySQL keeps unique constraints as indexes and has no
    /// generic DROP CONSTRAINT before 8.0.19; MariaDB drops a check with DROP CONSTRAINT, MySQL with DROP CHECK
    /// (https://mariadb.com/kb/en/alter-table/#drop-constraint).
    /// </summary>
    protected override IReadOnlyList<SqlStatement> DropConstraint(DropConstraintOperation operation)
    {
        var table = Quote(operation.Table);
        // MariaDB keeps a column's own check in the column's definition, where only a restatement removes it.
        if (operation is { Kind: ConstraintKind.Check, RestatedColumn: { } column } && MariaDb)
            return [new($"ALTER TABLE {table} MODIFY COLUMN {ColumnDefinition(column with { PrimaryKey = false }, null)}")];
        var name = Quote(NameOf(operation));
        return [new(operation.Kind switch
        {
            ConstraintKind.PrimaryKey => $"ALTER TABLE {table} DROP PRIMARY KEY",
            ConstraintKind.Unique => $"ALTER TABLE {table} DROP INDEX {name}",
            ConstraintKind.ForeignKey => $"ALTER TABLE {table} DROP FOREIGN KEY {name}",
            _ => $"ALTER TABLE {table} DROP {(MariaDb ? "CONSTRAINT" : "CHECK")} {name}",
        })];
    }
}
