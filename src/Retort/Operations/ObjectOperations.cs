namespace Retort.Ops;

/// <summary>The kinds of replaceable object: defined by SQL text and replaced whole.</summary>
public enum ObjectKind
{
    /// <summary>A view: the definition is its SELECT.</summary>
    View,
    /// <summary>A function: the definition is everything after <c>CREATE FUNCTION</c> and the name (arguments, return type, body).</summary>
    Function,
    /// <summary>A stored procedure: the definition is everything after <c>CREATE PROCEDURE</c> and the name.</summary>
    Procedure,
}

/// <summary>Creates a view, function or procedure.</summary>
public sealed record CreateObjectOperation(ObjectKind Kind, TableName Name, string Definition) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() => new DropObjectOperation(Kind, Name, Definition);
}

/// <summary>
/// Replaces a view, function or procedure with a new definition. <paramref name="Replaces"/> names the revision
/// whose definition this one replaces; the runner reads the previous definition from it for the reverse.
/// </summary>
public sealed record ReplaceObjectOperation(ObjectKind Kind, TableName Name, string Definition, string? Replaces = null,
    string? Previous = null) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() =>
        Previous is null
            ? throw new RetortException($"Cannot reverse the replacement of {Kind.ToString().ToLowerInvariant()} {Name}: name the revision it replaces (replaces: \"rev\")")
            : new ReplaceObjectOperation(Kind, Name, Previous, null, Definition);
}

/// <summary>Drops a view, function or procedure; <paramref name="Existing"/> (its definition) makes it reversible.</summary>
public sealed record DropObjectOperation(ObjectKind Kind, TableName Name, string? Existing = null) : MigrationOperation
{
    /// <inheritdoc />
    public override MigrationOperation Reverse() =>
        Existing is null ? throw NeedsExisting($"the drop of {Kind.ToString().ToLowerInvariant()} {Name}") : new CreateObjectOperation(Kind, Name, Existing);
}
