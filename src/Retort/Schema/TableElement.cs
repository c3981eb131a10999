namespace Retort;

/// <summary>What a table is made of: columns and constraints, given to <c>op.CreateTable</c> in any order.</summary>
public abstract record TableElement;

/// <summary>A table constraint. A null name lets the database choose one (which later operations cannot name).</summary>
public abstract record Constraint(string? Name) : TableElement
{
    /// <summary>
    /// Whether the name is the model's convention rather than one its author gave (<c>uq_users_email</c> for a
    /// <c>[Unique]</c> without <c>Name</c>): autogenerate then takes a live constraint of another name that does the
    /// same as this one, since the database (or whoever made it) chose that name.
    /// </summary>
    public bool ImplicitName { get; init; }
}

/// <summary>The kinds of constraint, for <c>op.DropConstraint</c> (MySQL and SQL Server need to know which).</summary>
public enum ConstraintKind
{
    /// <summary>A primary key.</summary>
    PrimaryKey,
    /// <summary>A unique constraint.</summary>
    Unique,
    /// <summary>A foreign key.</summary>
    ForeignKey,
    /// <summary>A check constraint.</summary>
    Check,
}
