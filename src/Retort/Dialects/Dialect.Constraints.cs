using System.Text;
using Retort.Ops;

namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>A constraint as CREATE TABLE and ADD CONSTRAINT write it.</summary>
    protected virtual string ConstraintDefinition(Constraint constraint)
    {
        var text = new StringBuilder();
        if (constraint.Name is not null)
            text.Append("CONSTRAINT ").Append(Quote(constraint.Name)).Append(' ');
        switch (constraint)
        {
            case PrimaryKey key:
                text.Append("PRIMARY KEY (").Append(QuoteList(key.Columns)).Append(')');
                break;
            case UniqueConstraint unique:
                text.Append("UNIQUE (").Append(QuoteList(unique.Columns)).Append(')');
                break;
            case CheckConstraint check:
                text.Append("CHECK (").Append(check.Condition).Append(')');
                break;
            case ForeignKey key:
                text.Append(ForeignKeyClause(key));
                break;
        }
        return text.ToString();
    }

    /// <summary>FOREIGN KEY (…) REFERENCES t (…) with its actions.</summary>
    protected virtual string ForeignKeyClause(ForeignKey key)
    {
        var text = new StringBuilder("FOREIGN KEY (").Append(QuoteList(key.Columns)).Append(") REFERENCES ")
            .Append(Quote(key.ReferencedTable)).Append(" (").Append(QuoteList(key.ReferencedColumns)).Append(')');
        if (key.OnDelete is not null) text.Append(" ON DELETE ").Append(key.OnDelete);
        if (key.OnUpdate is not null) text.Append(" ON UPDATE ").Append(key.OnUpdate);
        if (key.Deferrable) text.Append(" DEFERRABLE");
        if (key.InitiallyDeferred) text.Append(" INITIALLY DEFERRED");
        return text.ToString();
    }

    /// <summary>ALTER TABLE … ADD CONSTRAINT.</summary>
    protected virtual IReadOnlyList<SqlStatement> AddConstraint(AddConstraintOperation operation) =>
        [new($"ALTER TABLE {Quote(operation.Table)} ADD {ConstraintDefinition(operation.Constraint)}")];

    /// <summary>ALTER TABLE … DROP CONSTRAINT.</summary>
    protected virtual IReadOnlyList<SqlStatement> DropConstraint(DropConstraintOperation operation) =>
        [new($"ALTER TABLE {Quote(operation.Table)} DROP CONSTRAINT {Quote(NameOf(operation))}")];

    /// <summary>The name of the constraint a drop names; an unnamed one can only go with a rebuild of its table.</summary>
    private protected string NameOf(DropConstraintOperation operation) => operation.Name
        ?? throw new NotSupportedException($"{Name}: an unnamed constraint of {operation.Table} can only be dropped by rebuilding the table " +
            "(a SQLite batch); give the constraint's name");
}
