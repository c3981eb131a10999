namespace Retort.Revisions;

/// <summary>
/// Edits of a revision file's text that touch nothing but what they name: a string literal of its <c>[Revision]</c>
/// attribute (a squash rewires the children of the revisions it replaced), found with the header lexer, so that comments,
/// layout and the rest of the file stay as the person wrote them.
/// </summary>
internal static class RevisionFileEdit
{
    /// <summary>One string literal of the attribute: the argument it belongs to (<c>Id</c> for the first), its value and its span.</summary>
    public readonly record struct Literal(string Argument, string Value, int Start, int End);

    /// <summary>The string literals of the file's <c>[Revision(...)]</c> attribute; empty when it has none.</summary>
    public static List<Literal> AttributeLiterals(string text, string path)
    {
        var lexer = new CSharpHeaderLexer(text, path);
        try
        {
            for (var token = lexer.Next(); token.Kind != TokenKind.End; token = lexer.Next())
            {
                if (token.Text != "[" || lexer.Next() is not { Kind: TokenKind.Identifier } first)
                    continue;
                var name = lexer.ContinueQualifiedName(first.Text);
                if (name[(name.LastIndexOf('.') + 1)..] is "Revision" or "RevisionAttribute" && lexer.Next().Text == "(")
                    return Arguments(lexer);
            }
        }
        catch (TruncatedException)
        {
            // A file the lexer cannot read to its end has no attribute it could edit.
        }
        return [];
    }

    // The literals up to the attribute's closing parenthesis, each under the name of the argument it is in.
    private static List<Literal> Arguments(CSharpHeaderLexer lexer)
    {
        var literals = new List<Literal>();
        var argument = "Id";
        var depth = 1;
        Token previous = default;
        for (var token = lexer.Next(); token.Kind != TokenKind.End; token = lexer.Next())
        {
            if (token.Kind == TokenKind.Punctuation)
            {
                depth += token.Text is "(" or "[" or "{" ? 1 : token.Text is ")" or "]" or "}" ? -1 : 0;
                if (depth == 0)
                    return literals;
                if (depth == 1 && token.Text is "=" or ":" && previous.Kind == TokenKind.Identifier)
                    argument = previous.Text;
            }
            else if (token.Kind == TokenKind.String)
                literals.Add(new Literal(argument, token.Text, token.Position, lexer.Offset));
            previous = token;
        }
        return literals;
    }

    /// <summary>
    /// <paramref name="text"/> with each literal of the attribute's <paramref name="arguments"/> whose value is
    /// <paramref name="from"/> written as <paramref name="to"/>; the text as it is when there is none.
    /// </summary>
    public static string Rewrite(string text, string path, IReadOnlyCollection<string> arguments, string from, string to)
    {
        var edits = AttributeLiterals(text, path).Where(l => arguments.Contains(l.Argument) && l.Value == from).ToList();
        for (var i = edits.Count - 1; i >= 0; i--)
            text = text[..edits[i].Start] + "\"" + to + "\"" + text[edits[i].End..];
        return text;
    }

    /// <summary>
    /// The first string literal outside the <c>[Revision]</c> attribute whose value is one of <paramref name="ids"/>
    /// (a <c>replaces:</c> or <c>revision:</c> argument naming a revision), with its line; null when there is none.
    /// </summary>
    public static (string Id, int Line)? Mention(string text, string path, IReadOnlySet<string> ids)
    {
        var inAttribute = AttributeLiterals(text, path).Select(l => l.Start).ToHashSet();
        var lexer = new CSharpHeaderLexer(text, path);
        try
        {
            for (var token = lexer.Next(); token.Kind != TokenKind.End; token = lexer.Next())
            {
                if (token.Kind == TokenKind.String && ids.Contains(token.Text) && !inAttribute.Contains(token.Position))
                    return (token.Text, 1 + text.AsSpan(0, token.Position).Count('\n'));
            }
        }
        catch (TruncatedException)
        {
            // The rest of the file is not C# the lexer reads; what it read holds no mention.
        }
        return null;
    }
}
