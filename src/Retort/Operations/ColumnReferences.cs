namespace Retort.Ops;

/// <summary>
/// Column names inside SQL text (CHECK conditions, index expressions and WHERE clauses), for <see cref="AlteredTable"/>,
/// which keeps that text in step with the columns a batch renames and refuses to drop a column that it names. The
/// table model reads no SQL: each dialect supplies these, read with its own tokenizer, reserved words and quoting.
/// </summary>
/// <param name="Mentions">Whether the text names the column (in any case) as a column.</param>
/// <param name="Replace">The text with each column that the map names (in any case) renamed to the map's value, quoted as the database needs.</param>
internal sealed record ColumnReferences(Func<string, string, bool> Mentions, Func<string, IReadOnlyDictionary<string, string>, string> Replace)
{
    /// <summary>
    /// SQL text left as it is written: where no database is known to read it with (the reverse of a batch), a column
    /// it names is neither found nor renamed.
    /// </summary>
    public static ColumnReferences Unread { get; } = new((_, _) => false, (sql, _) => sql);
}
