using System.Globalization;
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

    /// <summary>A value as a SQL literal, for scripts and <c>op.InlineLiteral</c>.</summary>
    public virtual string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => StringLiteral(s),
        char c => StringLiteral(c.ToString()),
        bool b => BooleanLiteral(b),
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : throw new RetortException($"{d} cannot be written as a SQL literal"),
        float f => float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : throw new RetortException($"{f} cannot be written as a SQL literal"),
        DateTime t => StringLiteral(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        DateTimeOffset t => StringLiteral(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly d => StringLiteral(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => StringLiteral(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        Guid g => StringLiteral(g.ToString()),
        byte[] bytes => BinaryLiteral(bytes),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => throw new RetortException($"A {value.GetType().Name} cannot be written as a SQL literal; pass a string, number, bool, date, Guid or byte[]"),
    };

    /// <summary>A string literal: single quotes, doubled inside.</summary>
    protected virtual string StringLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A boolean literal.</summary>
    protected virtual string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";

    /// <summary>A binary literal.</summary>
    protected virtual string BinaryLiteral(byte[] value) => "X'" + Convert.ToHexString(value) + "'";

    /// <summary>Ends a statement for a script and adds the batch separator where the database wants one.</summary>
    public virtual string ScriptStatement(string sql)
    {
        var text = new StringBuilder(sql).Append(StatementTerminator);
        if (BatchSeparator is not null)
            text.Append("\n\n").Append(BatchSeparator);
        return text.ToString();
    }
}
