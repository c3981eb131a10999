using Retort.Ops;

namespace Retort;

public sealed partial class Operations
{
    /// <summary>Creates a view.</summary>
    /// <example><code>op.CreateView("active_users", "SELECT id FROM users WHERE active");</code></example>
    public OperationCall CreateView(string name, string definition, string? schema = null) =>
        Invoke(new CreateObjectOperation(ObjectKind.View, new TableName(name, schema), definition));

    /// <summary>
    /// Replaces a view's definition. <paramref name="replaces"/> names the revision that defined the one being
    /// replaced; the downgrade restores that definition.
    /// </summary>
    /// <example><code>op.ReplaceView("active_users", "SELECT id, name FROM users WHERE active", replaces: "28af9800143f");</code></example>
    public OperationCall ReplaceView(string name, string definition, string? replaces = null, string? schema = null) =>
        Replace(ObjectKind.View, new TableName(name, schema), definition, replaces);

    /// <summary>Gives a view back the definition that revision <paramref name="revision"/> gave it: the downgrade of a <see cref="ReplaceView"/>.</summary>
    /// <example><code>op.RestoreView("active_users", revision: "28af9800143f");</code></example>
    public OperationCall RestoreView(string name, string revision, string? schema = null) =>
        Restore(ObjectKind.View, new TableName(name, schema), revision);

    /// <summary>Drops a view; <paramref name="existing"/> (its definition) makes the operation reversible.</summary>
    /// <example><code>op.DropView("active_users");</code></example>
    public OperationCall DropView(string name, string? schema = null, string? existing = null) =>
        Invoke(new DropObjectOperation(ObjectKind.View, new TableName(name, schema), existing));

    /// <summary>Creates a function: <paramref name="definition"/> is what follows the name (arguments, return type, body).</summary>
    /// <example><code>op.CreateFunction("add_one", "(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$");</code></example>
    public OperationCall CreateFunction(string name, string definition, string? schema = null) =>
        Invoke(new CreateObjectOperation(ObjectKind.Function, new TableName(name, schema), definition));

    /// <summary>Replaces a function; <paramref name="replaces"/> names the revision whose definition it replaces.</summary>
    /// <example><code>op.ReplaceFunction("add_one", "(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 2 $$", replaces: "28af9800143f");</code></example>
    public OperationCall ReplaceFunction(string name, string definition, string? replaces = null, string? schema = null) =>
        Replace(ObjectKind.Function, new TableName(name, schema), definition, replaces);

    /// <summary>Gives a function back the definition that revision <paramref name="revision"/> gave it.</summary>
    /// <example><code>op.RestoreFunction("add_one", revision: "28af9800143f");</code></example>
    public OperationCall RestoreFunction(string name, string revision, string? schema = null) =>
        Restore(ObjectKind.Function, new TableName(name, schema), revision);

    /// <summary>Drops a function (PostgreSQL wants the argument types in the name when it is overloaded).</summary>
    /// <example><code>op.DropFunction("add_one");</code></example>
    public OperationCall DropFunction(string name, string? schema = null, string? existing = null) =>
        Invoke(new DropObjectOperation(ObjectKind.Function, new TableName(name, schema), existing));

    /// <summary>Creates a stored procedure: <paramref name="definition"/> is what follows the name.</summary>
    /// <example><code>op.CreateProcedure("archive_users", "() LANGUAGE sql AS $$ DELETE FROM users WHERE archived $$");</code></example>
    public OperationCall CreateProcedure(string name, string definition, string? schema = null) =>
        Invoke(new CreateObjectOperation(ObjectKind.Procedure, new TableName(name, schema), definition));

    /// <summary>Replaces a stored procedure; <paramref name="replaces"/> names the revision whose definition it replaces.</summary>
    /// <example><code>op.ReplaceProcedure("archive_users", "() LANGUAGE sql AS $$ DELETE FROM users $$", replaces: "28af9800143f");</code></example>
    public OperationCall ReplaceProcedure(string name, string definition, string? replaces = null, string? schema = null) =>
        Replace(ObjectKind.Procedure, new TableName(name, schema), definition, replaces);

    /// <summary>Gives a stored procedure back the definition that revision <paramref name="revision"/> gave it.</summary>
    /// <example><code>op.RestoreProcedure("archive_users", revision: "28af9800143f");</code></example>
    public OperationCall RestoreProcedure(string name, string revision, string? schema = null) =>
        Restore(ObjectKind.Procedure, new TableName(name, schema), revision);

    private OperationCall Replace(ObjectKind kind, TableName name, string definition, string? replaces) =>
        Invoke(new ReplaceObjectOperation(kind, name, definition, replaces,
            replaces is null || _definitionIn is null ? null : DefinitionIn(kind, name, replaces)));

    private OperationCall Restore(ObjectKind kind, TableName name, string revision) =>
        Invoke(new ReplaceObjectOperation(kind, name, DefinitionIn(kind, name, revision)));

    /// <summary>Drops a stored procedure.</summary>
    /// <example><code>op.DropProcedure("archive_users");</code></example>
    public OperationCall DropProcedure(string name, string? schema = null, string? existing = null) =>
        Invoke(new DropObjectOperation(ObjectKind.Procedure, new TableName(name, schema), existing));

    /// <summary>Creates a sequence; null bounds and type are the database's defaults (SQLite has no sequences).</summary>
    /// <example><code>op.CreateSequence("order_numbers", start: 1000, increment: 5);</code></example>
    public OperationCall CreateSequence(string name, long start = 1, long increment = 1, long? minValue = null, long? maxValue = null,
        bool cycle = false, SqlType? type = null, string? schema = null) =>
        Invoke(new CreateSequenceOperation(new Sequence(name, start, increment, minValue, maxValue, cycle, type, schema)));

    /// <summary>Gives a sequence <paramref name="sequence"/>'s attributes, its counter going on; <paramref name="existing"/> (the old ones) makes it reversible.</summary>
    /// <example><code>op.AlterSequence(new Sequence("order_numbers", start: 1000, increment: 10), existing: new Sequence("order_numbers", start: 1000, increment: 5));</code></example>
    public OperationCall AlterSequence(Sequence sequence, Sequence? existing = null) => Invoke(new AlterSequenceOperation(sequence, existing));

    /// <summary>Drops a sequence; <paramref name="existing"/> (its definition) makes the operation reversible.</summary>
    /// <example><code>op.DropSequence("order_numbers");</code></example>
    public OperationCall DropSequence(string name, string? schema = null, Sequence? existing = null) =>
        Invoke(new DropSequenceOperation(new TableName(name, schema), existing));
}
