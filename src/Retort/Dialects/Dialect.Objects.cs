using Retort.Ops;

namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>CREATE VIEW/FUNCTION/PROCEDURE.</summary>
    protected virtual IReadOnlyList<SqlStatement> CreateObject(CreateObjectOperation operation) =>
        [new(ObjectDefinition("CREATE", operation.Kind, operation.Name, operation.Definition))];

    /// <summary>CREATE OR REPLACE VIEW/FUNCTION/PROCEDURE.</summary>
    protected virtual IReadOnlyList<SqlStatement> ReplaceObject(ReplaceObjectOperation operation) =>
        [new(ObjectDefinition("CREATE OR REPLACE", operation.Kind, operation.Name, operation.Definition))];

    /// <summary>DROP VIEW/FUNCTION/PROCEDURE.</summary>
    protected virtual IReadOnlyList<SqlStatement> DropObject(DropObjectOperation operation) =>
        [new($"DROP {ObjectWord(operation.Kind)} {Quote(operation.Name)}")];

    /// <summary>The statement that defines an object: a view's AS query, a routine's signature and body.</summary>
    protected string ObjectDefinition(string verb, ObjectKind kind, TableName name, string definition) =>
        kind == ObjectKind.View
            ? $"{verb} VIEW {Quote(name)} AS {definition}"
            : $"{verb} {ObjectWord(kind)} {Quote(name)}{definition}";

    /// <summary>The DDL of sequences: the SQL standard's unless the database has words of its own, or no sequences.</summary>
    private protected virtual SequenceSql Sequences => new(this);

    /// <summary>VIEW, FUNCTION or PROCEDURE.</summary>
    protected static string ObjectWord(ObjectKind kind) => kind switch
    {
        ObjectKind.View => "VIEW",
        ObjectKind.Function => "FUNCTION",
        _ => "PROCEDURE",
    };
}
