using System.Globalization;
using System.Text;

namespace Retort.Revisions;

internal enum TokenKind { Identifier, String, Number, Punctuation, End }

internal readonly record struct Token(TokenKind Kind, string Text, int Position);

/// <summary>Thrown when a partial read of a file ends inside a token; the caller reads the whole file.</summary>
internal sealed class TruncatedException : Exception;

/// <summary>
/// Just enough of a C# lexer to read the top of a revision file: identifiers, string literals (regular,
/// verbatim, raw, interpolated), punctuation, comments skipped and <c>///</c> doc comments kept.
/// </summary>
internal sealed class CSharpHeaderLexer(string text, string path)
{
    private int _pos;
    private int _docEnd = -1;
    private readonly StringBuilder _doc = new();

    /// <summary>Where the lexer stands: right after the token <see cref="Next"/> returned last.</summary>
    public int Offset => _pos;

    public Token Next()
    {
        SkipTrivia();
        if (_pos >= text.Length)
            return new Token(TokenKind.End, "", _pos);
        var start = _pos;
        var c = text[_pos];
        if (c == '"' || (c is '@' or '$' && _pos + 1 < text.Length && text[_pos + 1] is '"' or '@' or '$'))
            return ReadString();
        if (char.IsLetter(c) || c is '_' or '@')
        {
            _pos++;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
                _pos++;
            return new Token(TokenKind.Identifier, text[start.._pos].TrimStart('@'), start);
        }
        if (char.IsDigit(c))
        {
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '.' or '_'))
                _pos++;
            return new Token(TokenKind.Number, text[start.._pos], start);
        }
        if (c == '\'')
        {
            _pos++;
            while (_pos < text.Length && text[_pos] != '\'')
                _pos += text[_pos] == '\\' ? 2 : 1;
            Expect(_pos < text.Length);
            _pos++;
            return new Token(TokenKind.String, text[(start + 1)..(_pos - 1)], start);
        }
        _pos++;
        return new Token(TokenKind.Punctuation, c.ToString(), start);
    }

    /// <summary>The <c>///</c> comment block that ends right before <paramref name="token"/>, if any.</summary>
    public string? DocCommentBefore(Token token)
    {
        if (_docEnd < 0 || _docEnd > token.Position)
            return null;
        for (var i = _docEnd; i < token.Position; i++)
            if (!char.IsWhiteSpace(text[i]))
                return null;
        return _doc.ToString();
    }

    public string ReadQualifiedName()
    {
        var token = Next();
        if (token.Kind != TokenKind.Identifier)
            throw Error(token, $"expected a name, found '{token.Text}'");
        return ContinueQualifiedName(token.Text);
    }

    /// <summary>Reads the rest of a dotted name (<c>A.B.C</c>, <c>global::A</c>) after its first identifier.</summary>
    public string ContinueQualifiedName(string first)
    {
        var name = new StringBuilder(first);
        while (true)
        {
            SkipTrivia();
            if (_pos < text.Length && text[_pos] == '.')
                name.Append('.');
            else if (_pos + 1 < text.Length && text[_pos] == ':' && text[_pos + 1] == ':')
            {
                _pos++;
                name.Clear();
            }
            else
                return name.ToString();
            _pos++;
            var token = Next();
            if (token.Kind != TokenKind.Identifier)
                throw Error(token, $"expected a name, found '{token.Text}'");
            name.Append(token.Text);
        }
    }

    public void SkipBalanced(string open, string close)
    {
        var depth = 1;
        while (depth > 0)
        {
            var token = Next();
            Expect(token.Kind != TokenKind.End);
            if (token.Kind != TokenKind.Punctuation) continue;
            if (token.Text == open) depth++;
            else if (token.Text == close) depth--;
        }
    }

    public RetortException Error(Token token, string message)
    {
        Expect(token.Kind != TokenKind.End);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < token.Position && i < text.Length; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return new RetortException($"{path}({line},{token.Position - lineStart + 1}): {message}");
    }

    private void Expect(bool condition)
    {
        if (!condition)
            throw new TruncatedException();
    }

    private void SkipTrivia()
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (char.IsWhiteSpace(c)) { _pos++; continue; }
            if (c == '#' ) { SkipLine(); continue; }
            if (c != '/' || _pos + 1 >= text.Length) return;
            if (text[_pos + 1] == '/')
            {
                var isDoc = _pos + 2 < text.Length && text[_pos + 2] == '/' && (_pos + 3 >= text.Length || text[_pos + 3] != '/');
                var lineStart = _pos + 3;
                SkipLine();
                if (isDoc)
                {
                    if (_docEnd < 0 || !OnlyWhitespace(_docEnd, lineStart - 3)) _doc.Clear();
                    _doc.Append(text.AsSpan(lineStart, _pos - lineStart).TrimEnd("\r\n")).Append('\n');
                    _docEnd = _pos;
                }
                continue;
            }
            if (text[_pos + 1] == '*')
            {
                var end = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                Expect(end >= 0);
                _pos = end + 2;
                continue;
            }
            return;
        }
    }

    private bool OnlyWhitespace(int from, int to)
    {
        for (var i = from; i < to; i++)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    private void SkipLine()
    {
        var end = text.IndexOf('\n', _pos);
        _pos = end < 0 ? text.Length : end + 1;
    }

    private Token ReadString()
    {
        var start = _pos;
        var verbatim = false;
        var interpolated = false;
        while (text[_pos] is '@' or '$')
        {
            verbatim |= text[_pos] == '@';
            interpolated |= text[_pos] == '$';
            _pos++;
            Expect(_pos < text.Length);
        }
        var quotes = 0;
        while (_pos + quotes < text.Length && text[_pos + quotes] == '"') quotes++;
        if (quotes >= 3)
            return ReadRawString(start, quotes);
        _pos++;
        var value = new StringBuilder();
        var depth = 0;
        while (true)
        {
            Expect(_pos < text.Length);
            var c = text[_pos];
            if (interpolated && c == '{') depth++;
            if (interpolated && c == '}') depth--;
            if (c == '"' && depth <= 0)
            {
                if (verbatim && _pos + 1 < text.Length && text[_pos + 1] == '"')
                {
                    value.Append('"');
                    _pos += 2;
                    continue;
                }
                _pos++;
                return new Token(TokenKind.String, value.ToString(), start);
            }
            if (c == '\\' && !verbatim)
            {
                Expect(_pos + 1 < text.Length);
                _pos += 2;
                value.Append(Unescape(text[_pos - 1]));
                continue;
            }
            Expect(c != '\n' || verbatim);
            value.Append(c);
            _pos++;
        }
    }

    private Token ReadRawString(int start, int quotes)
    {
        var delimiter = new string('"', quotes);
        var end = text.IndexOf(delimiter, _pos + quotes, StringComparison.Ordinal);
        Expect(end >= 0);
        var value = text[(_pos + quotes)..end];
        _pos = end + quotes;
        return new Token(TokenKind.String, value.Trim(), start);
    }

    private string Unescape(char c) => c switch
    {
        'n' => "\n",
        't' => "\t",
        'r' => "\r",
        '0' => "\0",
        'u' when _pos + 4 <= text.Length && int.TryParse(text.AsSpan(_pos, 4), NumberStyles.HexNumber, null, out var code)
            => ConsumeHex(4, code),
        _ => c.ToString(),
    };

    private string ConsumeHex(int length, int code)
    {
        _pos += length;
        return ((char)code).ToString();
    }
}
