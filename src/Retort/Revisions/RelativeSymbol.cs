namespace Retort.Revisions;

/// <summary>
/// A relative target, <c>[LABEL@][SYMBOL](+|-)N</c>: N steps up or down from SYMBOL, or from the
/// current revisions (or base) when SYMBOL is absent.
/// </summary>
/// <param name="Text">The whole symbol, for messages.</param>
/// <param name="Label">The branch label (or revision) before <c>@</c>, if any.</param>
/// <param name="Symbol">The starting revision or symbol, if any.</param>
/// <param name="Steps">Signed step count; counts that do not fit are capped, they go past the end anyway.</param>
/// <param name="Offset">The signed part as written, such as <c>+2</c>.</param>
internal readonly record struct RelativeSymbol(string Text, string? Label, string? Symbol, int Steps, string Offset)
{
    /// <summary>The symbol a relative step starts from, qualified by the label when there is one.</summary>
    public string StartSymbol => Label is null ? Symbol! : $"{Label}@{Symbol}";

    /// <summary>
    /// Parses the relative form. Unlike Alembic's pattern, the count must end the text (trailing text is
    /// not silently ignored), and the start may hold any character revision ids allow, not only word characters.
    /// </summary>
    public static bool TryParse(string text, out RelativeSymbol relative)
    {
        relative = default;
        int at = text.IndexOf('@');
        string? label = at >= 0 ? text[..at] : null;
        string rest = at >= 0 ? text[(at + 1)..] : text;
        int sign = rest.LastIndexOfAny(['+', '-']);
        if (label is "" || sign < 0 || sign == rest.Length - 1 || rest.AsSpan(0, sign).IndexOfAny('+', '-') >= 0)
        {
            return false;
        }

        long count = 0;
        foreach (char c in rest.AsSpan(sign + 1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            count = Math.Min(count * 10 + (c - '0'), int.MaxValue);
        }

        int steps = rest[sign] == '-' ? -(int)count : (int)count;
        relative = new RelativeSymbol(text, label, sign == 0 ? null : rest[..sign], steps, rest[sign..]);
        return true;
    }
}
