namespace Retort.Dialects.Postgres;

/// <summary>Values as PostgreSQL writes them.</summary>
internal sealed class PostgresLiterals : SqlLiterals
{
    /// <summary>A string literal; PostgreSQL text cannot hold a NUL character, so one is refused here rather than by the server.</summary>
    protected override string StringLiteral(string value) =>
        value.Contains('\0')
            ? throw new RetortException($"postgresql: a string with a NUL character cannot be stored in PostgreSQL text; remove it or store the value as bytes")
            : base.StringLiteral(value);

    /// <summary>
    /// A <c>bytea</c> literal in hex form. The backslash is literal under standard_conforming_strings, the
    /// default since 9.1. https://www.postgresql.org/docs/current/datatype-binary.html#DATATYPE-BINARY-BYTEA-HEX-FORMAT
    /// </summary>
    protected override string BinaryLiteral(byte[] value) => "'\\x" + Convert.ToHexStringLower(value) + "'::bytea";
}
