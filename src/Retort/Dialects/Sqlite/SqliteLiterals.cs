namespace Retort.Dialects.Sqlite;

/// <summary>Values as SQLite writes them.</summary>
internal sealed class SqliteLiterals : SqlLiterals
{
    /// <summary>1 and 0: SQLite stores booleans as integers, and TRUE/FALSE only parse from 3.23 on (https://www.sqlite.org/lang_expr.html#booleanexpr).</summary>
    protected override string BooleanLiteral(bool value) => value ? "1" : "0";

    /// <summary>
    /// A string literal. SQLite stops reading a statement's text at a NUL character, so a NUL inside a value is
    /// spliced in with <c>char(0)</c> rather than written raw.
    /// </summary>
    protected override string StringLiteral(string value) =>
        value.Contains('\0')
            ? "(" + string.Join(" || char(0) || ", value.Split('\0').Select(part => base.StringLiteral(part))) + ")"
            : base.StringLiteral(value);
}
