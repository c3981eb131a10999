using System.Text;

namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>Words that must be quoted as names. Each dialect adds its own to the common SQL ones.</summary>
    protected virtual IReadOnlySet<string> ReservedWords => SqlReservedWords.Common;

    /// <summary>How this database's SQL text quotes names and strings and writes comments, for reading it by token.</summary>
    internal virtual SqlLexicon Lexicon => SqlLexicon.Standard;

    /// <summary>Opens a quoted name.</summary>
    protected virtual char OpenQuote => '"';

    /// <summary>Closes a quoted name.</summary>
    protected virtual char CloseQuote => '"';

    /// <summary>
    /// A name as SQL: left bare when it is a plain lowercase word that is not reserved, quoted otherwise
    /// (mixed case, spaces, quotes inside, reserved words), with the closing quote doubled inside.
    /// </summary>
    public string Quote(string name)
    {
        if (name.Length == 0)
            throw new RetortException("An empty name cannot be used in SQL");
        if (name.Contains('\0'))
            throw new RetortException($"The name '{name.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character");
        return IsPlain(name) && !ReservedWords.Contains(name.ToUpperInvariant())
            ? name
            : OpenQuote + name.Replace(CloseQuote.ToString(), new string(CloseQuote, 2), StringComparison.Ordinal) + CloseQuote;
    }

    /// <summary>A table's name, with its schema when it has one.</summary>
    public string Quote(TableName table) => table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";

    /// <summary>Names joined by ", ".</summary>
    protected string QuoteList(IEnumerable<string> names) => string.Join(", ", names.Select(Quote));

    private static bool IsPlain(string name) =>
        (char.IsAsciiLetterLower(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private SqlLiterals? _literals;

    /// <summary>A value as a SQL literal, for scripts and <c>op.InlineLiteral</c>.</summary>
    public string Literal(object? value) => (_literals ??= CreateLiterals()).Literal(value);

    /// <summary>How this database writes values; the ANSI forms unless the dialect knows its database's own.</summary>
    private protected virtual SqlLiterals CreateLiterals() => new();

    /// <summary>Ends a statement for a script and adds the batch separator where the database wants one.</summary>
    public virtual string ScriptStatement(string sql)
    {
        var text = new StringBuilder(sql).Append(StatementTerminator);
        if (BatchSeparator is not null)
            text.Append("\n\n").Append(BatchSeparator);
        return text.ToString();
    }
}
